// --- The list: drawn a page at a time from the records a filter leaves, with its design headings ------

var PAGE = 30;  // cards drawn at a time: a few screens

// A list drawn into ``box`` a page at a time; ``more`` is the "Show more" button's paragraph.
function Pager(meta, box, more, withSections) {
  this.meta = meta; this.box = box; this.more = more; this.withSections = withSections;
  this.items = []; this.shown = 0; this.counts = {}; this.section = null;
}

Pager.prototype.show = function (items, counts) {
  this.items = items; this.counts = counts || {}; this.shown = 0; this.section = null;
  this.box.textContent = "";
  this.extend(PAGE);
};

Pager.prototype.extend = function (n) {
  var stop = Math.min(this.items.length, this.shown + n);
  var frag = doc.createDocumentFragment();
  for (var k = this.shown; k < stop; k++) {
    var r = this.items[k];
    var target = frag;
    if (this.withSections) {
      if (!this.section || this.section.getAttribute("data-section") !== r.design) {
        this.section = el("section", {"class": "design", "data-section": r.design}, [
          el("h3", null, [r.designLabel + " ", el("span", {"class": "n"}, ["(" + num(this.counts[r.design] || 0) + ")"])])
        ]);
        frag.appendChild(this.section);
      }
      target = this.section;
    }
    target.appendChild(card(this.meta, r));
  }
  this.box.appendChild(frag);
  this.shown = stop;
  var left = this.items.length - this.shown;
  this.more.hidden = left <= 0;
  if (left > 0) {
    this.more.firstElementChild.textContent = "Show " + Math.min(left, PAGE) + " more (" + num(left) + " not shown)";
  }
};

// Draw up to ``record``; false when the list does not hold it.
Pager.prototype.reach = function (record) {
  var at = this.items.indexOf(record);
  if (at < 0) { return false; }
  if (at >= this.shown) { this.extend(Math.ceil((at + 1) / PAGE) * PAGE - this.shown); }
  return true;
};

function num(n) { return n.toLocaleString("en"); }

function drawHighlights(meta, result, limit, active) {
  var list = doc.getElementById("hl-list");
  if (!list) { return; }
  list.textContent = "";
  result.strong.slice(0, limit).forEach(function (r) { list.appendChild(highlight(meta, r)); });
  var none = doc.getElementById("hl-none");
  none.hidden = result.strong.length > 0;
  none.textContent = active ? "No systematic reviews or randomised trials match the filters." :
    "No new systematic reviews or randomised trials in this period.";
  var more = doc.getElementById("hl-more");
  more.hidden = result.strong.length <= limit;
  doc.getElementById("hl-more-n").textContent = num(Math.max(0, result.strong.length - limit));
}

// --- "Download these records": the filtered list as CSV or RIS, made in the page ---------------------

var CSV_COLUMNS = ["pmid", "title", "authors", "journal", "date", "doi", "pmcid", "design", "conditions",
  "routes", "on_topic", "retracted", "sample_size", "key_finding", "markers", "url"];

// A spreadsheet runs a cell that opens with = + - @ (or a tab or line break), also after spaces, as a
// formula; a leading apostrophe keeps it text (OWASP's advice; the rule of export.csv_cell).
function csvCell(value) {
  var text = value === null || value === undefined ? "" : String(value).replace(/\r\n?/g, "\n");
  if (/^ *[=+\-@\t\n]/.test(text)) { text = "'" + text; }
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function csvText(records, details) {
  var lines = [CSV_COLUMNS.join(",")];
  records.forEach(function (r) {
    var detail = details ? details[r.i] : null;
    lines.push([r.pmid, r.title, detail ? detail[1].join("; ") : r.authors, r.journal, r.date, r.doi, r.pmcid,
      r.design, r.conditions.join("; "), r.routes.join("; "), r.onTopic, r.retracted, r.size, r.finding,
      r.markers.join("; "), PUBMED + r.pmid + "/"].map(csvCell).join(","));
  });
  return lines.join("\r\n") + "\r\n";
}

// RIS as citations.py writes it; the page holds each entry without its abstract line (page_data.py),
// written back here from the abstract as citations.py writes it: one line, "LABEL: text" sections.
var CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;
var SPACES = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

function oneLine(text) {
  return text.replace(CONTROL, " ").split(SPACES).filter(Boolean).join(" ");
}

function risText(records, details) {
  return records.map(function (r) {
    var detail = details[r.i];
    var abstract = oneLine(detail[0].map(function (s) { return s[0] ? s[0] + ": " + s[1] : s[1]; }).join(" "));
    return detail[5].replace("\u0000", abstract ? "AB  - " + abstract + "\n" : "") + "\n";
  }).join("");
}

function save(text, name, type) {
  var url = URL.createObjectURL(new Blob([text], {type: type}));
  var a = el("a", {href: url, download: name}, []);
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}
