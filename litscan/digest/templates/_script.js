// --- The digest page: filters that travel in the URL, the list, the Highlights and the map kept in step ---
// Without this script the page still reads: the records it prints itself, the map and the chart.

var form = doc.getElementById("filters");
var meta = readJSON("litscan-meta");
if (!form || !meta) { return; }

var f = {
  condition: doc.getElementById("f-condition"), route: doc.getElementById("f-route"),
  design: doc.getElementById("f-design"), text: doc.getElementById("f-text"),
  onTopic: doc.getElementById("f-ontopic"), status: doc.getElementById("f-status"),
  toggle: doc.getElementById("f-toggle"), active: doc.getElementById("f-active")
};
var records = null, details = null, result = null, waiting = false, rememberTimer = null;
var list = new Pager(meta, doc.getElementById("list"), doc.getElementById("more-wrap"), true);
var offBox = doc.getElementById("off-list"), offDetails = doc.getElementById("offtopic");
var off = offBox ? new Pager(meta, offBox, doc.getElementById("off-more-wrap"), false) : null;
var setOpen = foldingBar(form, f.toggle);

function state() {
  return {
    condition: f.condition.value, route: f.route.value, design: f.design.value,
    terms: f.text.value.toLowerCase().split(/\s+/).filter(Boolean), onlyOnTopic: f.onTopic.checked
  };
}

function isActive(s) { return !!(s.condition || s.route || s.design || s.terms.length || s.onlyOnTopic); }

// Each option says how many on-topic records it would leave, given the other filters.
function countOptions(select, counts) {
  Array.prototype.forEach.call(select.options, function (option) {
    if (!option.value) { return; }
    option.textContent = (option.textContent.indexOf("– ") === 0 ? "– " : "") + option.getAttribute("data-label") +
      " (" + num(counts[option.value] || 0) + ")";
  });
}

function apply() {
  if (!records) { return; }
  var s = state();
  if (s.terms.length && !details) { waiting = true; return; }  // the search reads the abstracts
  if (s.terms.length) {
    records.forEach(function (r) { if (r.text === null) { r.text = searchText(meta, r, details[r.i]); } });
  }
  result = tally(meta, records, s);
  var active = isActive(s);
  list.show(result.list, result.sections);
  doc.getElementById("nomatch").hidden = !(active && result.list.length + result.off.length === 0);
  if (off) { drawOff(active); }
  drawHighlights(meta, result, meta.highlights, active);
  drawMap(result, s);
  countOptions(f.condition, result.conditions);
  countOptions(f.route, result.routes);
  countOptions(f.design, result.designs);
  var filters = [s.condition, s.route, s.design, s.terms.length, s.onlyOnTopic].filter(Boolean).length;
  f.active.textContent = filters ? "(" + filters + ")" : "";
  f.status.textContent = (active ? "Showing " + num(result.list.length) + " of " : "") +
    num(meta.counts.on_topic) + " on-topic records" +
    (active && result.off.length ? " and " + num(result.off.length) + " off-topic" : "") + ".";
  // The browser records the new URL with a layout of its own: after the frame, not before it.
  clearTimeout(rememberTimer);
  rememberTimer = setTimeout(remember, 250);
}

function drawOff(active) {
  var count = doc.getElementById("offcount");
  count.textContent = active && !f.onTopic.checked ? "(" + num(result.off.length) + " match the filters)" : "";
  if (offDetails.open) { off.show(result.off); } else { off.items = result.off; off.shown = -1; }
}

// The filters live in the URL fragment (#filter?route=oral&...), so a filtered view can be
// bookmarked or sent to a colleague; other fragments (#records, #r123) are left alone.
var PREFIX = "#filter?";
var FIELDS = {condition: "condition", route: "route", design: "design", q: "text"};

function remember() {
  var parts = [];
  Object.keys(FIELDS).forEach(function (key) {
    var value = f[FIELDS[key]].value;
    if (value) { parts.push(key + "=" + encodeURIComponent(value)); }
  });
  if (f.onTopic.checked) { parts.push("on=1"); }
  var wanted = parts.length ? PREFIX + parts.join("&") : "";
  var current = window.location.hash;
  if (wanted === current || (!wanted && current.indexOf(PREFIX) !== 0)) { return; }
  try {
    window.history.replaceState(null, "", wanted || window.location.pathname + window.location.search);
  } catch (ignored) { /* some viewers (mail clients, file: in old browsers) refuse; filters still work */ }
}

function restore() {
  var hash = window.location.hash;
  if (hash.indexOf(PREFIX) !== 0) { return; }
  form.reset();
  hash.slice(PREFIX.length).split("&").forEach(function (pair) {
    var at = pair.indexOf("="), key = pair.slice(0, at), value = "";
    try { value = decodeURIComponent(pair.slice(at + 1)); } catch (ignored) { return; }
    if (FIELDS.hasOwnProperty(key)) { f[FIELDS[key]].value = value; }
    if (key === "on") { f.onTopic.checked = value === "1"; }
  });
}

// The search text of every record, made a slice at a time while the reader is idle, so that the
// first search does not wait for it.
function prepareSearch(from) {
  var stop = Math.min(records.length, from + 500);
  for (var k = from; k < stop; k++) {
    if (records[k].text === null) { records[k].text = searchText(meta, records[k], details[records[k].i]); }
  }
  if (stop < records.length) { setTimeout(function () { prepareSearch(stop); }, 0); }
}

// A link to a record (#r123) draws the list up to it, clearing filters that hide it, and shows it
// below the sticky bar.
function reveal(pmid) {
  if (!records) { return false; }
  var record = null;
  records.forEach(function (r) { if (r.pmid === pmid) { record = r; } });
  if (!record) { return false; }
  var pager = record.onTopic ? list : off;
  if (!record.onTopic) { offDetails.open = true; if (off.shown < 0) { off.show(off.items); } }
  if (!pager.reach(record)) {
    // the filters hide it: clear them (without the form's reset, whose own redraw would come later)
    f.condition.value = f.route.value = f.design.value = f.text.value = "";
    f.onTopic.checked = false;
    apply();
    if (!record.onTopic) { off.show(result.off); }
    pager.reach(record);
  }
  scrollToRecord(doc.getElementById("r" + pmid));
  return true;
}

// --- the map chooses filters; choosing moves the reader to the list --------------------------------
var grid = mapGrid();
if (grid) {
  keyboardGrid(grid);
  grid.forEach(function (row) {
    row.forEach(function (button) {
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-pressed") === "true") { form.reset(); apply(); return; }
        var cell = button.parentElement;
        f.condition.value = cell.getAttribute("data-condition") || button.getAttribute("data-filter-condition");
        f.route.value = cell.getAttribute("data-route") || "";
        f.onTopic.checked = true;
        apply();
        var heading = doc.getElementById("h-records");
        scrollToRecord(heading);
        heading.focus({preventScroll: true});
      });
    });
  });
}

doc.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a[href^='#r']");
  if (a && /^#r\d+$/.test(a.getAttribute("href")) && reveal(a.getAttribute("href").slice(2))) { e.preventDefault(); }
});
function onDetail(e) {
  var chipNode = e.target.closest && e.target.closest("[data-ev]");
  var article = chipNode && chipNode.closest("article[data-i]");
  if (article && details) { fillEvidence(chipNode, details[+article.getAttribute("data-i")]); }
}
doc.addEventListener("focusin", onDetail);
doc.addEventListener("mouseover", onDetail);
doc.addEventListener("toggle", function (e) {
  var box = e.target, article = box.closest && box.closest("article[data-i]");
  if (box.classList && box.classList.contains("abs") && box.open && article && details) {
    fillAbstract(box, details[+article.getAttribute("data-i")]);
  }
  if (box === offDetails && box.open && off && off.shown < 0) { off.show(off.items); }
}, true);

var timer = null;
form.addEventListener("change", apply);
form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
form.addEventListener("reset", function () { setTimeout(apply, 0); });
// A search answers the first change at once (a paste, a word typed after a pause); while the reader
// keeps typing, it waits for a pause, so each key does not redraw the list.
var lastInput = 0;
f.text.addEventListener("input", function () {
  var now = Date.now();
  clearTimeout(timer);
  if (now - lastInput > 400) { apply(); } else { timer = setTimeout(apply, 60); }
  lastInput = now;
});
f.text.addEventListener("keydown", function (e) { if (e.key === "Escape") { form.reset(); } });
doc.addEventListener("keydown", function (e) {
  var tag = (e.target && e.target.tagName) || "";
  if (e.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(tag)) { e.preventDefault(); setOpen(true); f.text.focus(); }
});
doc.getElementById("more").addEventListener("click", function () { list.extend(PAGE); });
if (off) { doc.getElementById("off-more").addEventListener("click", function () { off.extend(PAGE); }); }
function download(kind) {
  if (!result) { return; }
  if (!details) { f.status.textContent = "The abstracts are still being unpacked; try again in a moment."; return; }
  var name = (doc.title.split(":")[0] || "records").replace(/[^\w-]+/g, "-").toLowerCase() + "-" + result.list.length;
  if (kind === "csv") { save(csvText(result.list, details), name + ".csv", "text/csv;charset=utf-8"); }
  if (kind === "ris") { save(risText(result.list, details), name + ".ris", "application/x-research-info-systems"); }
}
doc.getElementById("dl-csv").addEventListener("click", function () { download("csv"); });
doc.getElementById("dl-ris").addEventListener("click", function () { download("ris"); });
window.addEventListener("hashchange", function () {
  var hash = window.location.hash;
  if (hash.indexOf(PREFIX) === 0) { restore(); apply(); }
  if (/^#r\d+$/.test(hash)) { reveal(hash.slice(2)); }
});

trackBar(form);
unpack("litscan-cards").then(function (rows) {
  records = rows.map(function (row, i) { return makeRecord(meta, row, i); }).sort(listOrder);
  form.hidden = false;
  restore();
  apply();
  doc.documentElement.setAttribute("data-ready", "list");
  if (window.performance && performance.mark) { performance.mark("litscan:list"); }
  if (/^#r\d+$/.test(window.location.hash)) { reveal(window.location.hash.slice(2)); }
  return unpack("litscan-details");
}).then(function (rows) {
  details = rows;
  doc.documentElement.setAttribute("data-ready", "all");
  if (window.performance && performance.mark) { performance.mark("litscan:all"); }
  if (waiting) { waiting = false; apply(); }
  prepareSearch(0);
}).catch(function (error) {
  var note = doc.getElementById("printed-note");
  if (note) { note.textContent += " (This browser could not unpack the full list: " + error.message + ".)"; }
});
