// --- The records: the page's embedded data unpacked, and what a filter leaves of them ----------------
// page_data.py writes each record as a row of two JSON arrays (card and details), gzip-compressed and
// base64-encoded; the browser's own DecompressionStream unpacks them.

var doc = document;

function readJSON(id) {
  var el = doc.getElementById(id);
  return el ? JSON.parse(el.textContent) : null;
}

function canUnpack() {
  return typeof DecompressionStream === "function" && typeof Response === "function" &&
    typeof Blob === "function" && typeof Blob.prototype.stream === "function";
}

// A promise of the JSON an element holds as gzip in base64; the element's text is dropped once read.
function unpack(id) {
  var el = doc.getElementById(id);
  if (!el || !canUnpack()) { return Promise.reject(new Error("cannot unpack " + id)); }
  var raw = atob(el.textContent.replace(/\s+/g, ""));
  el.textContent = "";
  var bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then(JSON.parse);
}

// One card row (page_data.py, PageData.add) as an object; the tables turn indexes back into ids.
function makeRecord(meta, row, index) {
  var design = meta.designs[row[8]];
  var conditions = row[9].map(function (k) { return meta.conditions[k].id; });
  var routes = row[10].map(function (k) { return meta.routes[k].id; });
  var rows = {};
  row[9].forEach(function (k) {
    rows[meta.conditions[k].id] = 1;
    if (meta.conditions[k].group) { rows[meta.conditions[k].group] = 1; }
  });
  var flags = row[11];
  var record = {
    i: index, pmid: String(row[0]), title: row[1], authors: row[2], journal: row[3], date: row[4],
    citation: row[5], doi: row[6], pmcid: row[7], design: design.id, designLabel: design.label,
    rank: design.rank, conditions: conditions, routes: routes,
    onTopic: (flags & 1) !== 0, retracted: (flags & 2) !== 0, statement: (flags & 4) !== 0,
    finding: row[12], findingLabel: row[13], figures: row[14], size: row[15],
    markers: row[16].map(function (k) { return meta.markers[k].id; }), reason: row[17], retractedOn: row[18],
    links: row[19],
    // the map's rows (conditions and their groups, or "none") and columns (routes, or "none")
    mapRows: conditions.length ? Object.keys(rows) : [meta.none], mapCols: routes.length ? routes : [meta.none],
    text: null
  };
  record.strong = record.onTopic && !record.retracted && (record.design === "rct" || record.design === "systematic_review");
  return record;
}

// List order: strongest design first, retracted papers last within it, then the store's order
// (newest publication first), which is the order the rows come in.
function listOrder(a, b) {
  return (a.rank - b.rank) || ((a.retracted ? 1 : 0) - (b.retracted ? 1 : 0)) || (a.i - b.i);
}

function lower(text) { return (text || "").toLowerCase(); }

// What a text search reads: what the card shows, the tag labels and, once unpacked, the abstract.
function searchText(meta, record, detail) {
  var parts = [record.pmid, record.title, record.authors, record.journal, record.finding, record.figures,
    record.size, record.designLabel, record.markers.join(" "), record.reason];
  record.conditions.forEach(function (c) { parts.push(labelOf(meta.conditions, c)); });
  record.routes.forEach(function (r) { parts.push(labelOf(meta.routes, r)); });
  if (detail) {
    detail[0].forEach(function (section) { parts.push(section[0], section[1]); });
    parts.push(detail[1].join(" "));
  }
  return lower(parts.join(" "));
}

function labelOf(table, id) {
  for (var i = 0; i < table.length; i++) { if (table[i].id === id) { return table[i].label; } }
  return id;
}

// The filter a form state describes, as tests on one record; a facet left out is not tested.
function makeFilter(meta, state) {
  var wanted = null;
  if (state.condition === meta.none) {
    wanted = [meta.none];
  } else if (state.condition) {
    wanted = [state.condition];  // a group row names the group itself in record.mapRows
  }
  return {
    condition: function (r) { return !wanted || r.mapRows.indexOf(wanted[0]) >= 0; },
    route: function (r) { return !state.route || r.mapCols.indexOf(state.route) >= 0; },
    design: function (r) {
      return !state.design || (state.design === "strong" ? r.strong : r.design === state.design);
    },
    text: function (r) {
      for (var i = 0; i < state.terms.length; i++) { if (r.text.indexOf(state.terms[i]) < 0) { return false; } }
      return true;
    }
  };
}

// One pass over the records: what the list shows, and every count the page prints beside a filter
// (each facet counted with the other filters applied, as a faceted search counts).
function tally(meta, records, state) {
  var test = makeFilter(meta, state);
  var out = {
    list: [], off: [], strong: [], sections: {}, conditions: {}, routes: {}, designs: {},
    cells: {}, cellsStrong: {}, rows: {}, rowsStrong: {}
  };
  records.forEach(function (r) {
    var c = test.condition(r), ro = test.route(r), d = test.design(r), t = !state.terms.length || test.text(r);
    if (!r.onTopic) {
      if (c && ro && d && t && !state.onlyOnTopic) { out.off.push(r); }
      return;
    }
    if (c && ro && d && t) {
      out.list.push(r);
      out.sections[r.design] = (out.sections[r.design] || 0) + 1;
      if (r.strong) { out.strong.push(r); }
    }
    if (ro && d && t) { r.mapRows.forEach(function (k) { bump(out.conditions, k); }); }
    if (c && d && t) { r.mapCols.forEach(function (k) { bump(out.routes, k); }); }
    if (c && ro && t) {
      bump(out.designs, r.design);
      if (r.strong) { bump(out.designs, "strong"); }
    }
    if (d && t) { countCells(out, r); }
  });
  return out;
}

function countCells(out, r) {
  r.mapRows.forEach(function (row) {
    bump(out.rows, row);
    if (r.strong) { bump(out.rowsStrong, row); }
    r.mapCols.forEach(function (col) {
      bump(out.cells, row + "|" + col);
      if (r.strong) { bump(out.cellsStrong, row + "|" + col); }
    });
  });
}

function bump(counts, key) { counts[key] = (counts[key] || 0) + 1; }
