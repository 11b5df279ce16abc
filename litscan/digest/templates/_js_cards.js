// --- Cards: one record drawn as _record.html draws it, and one Highlights item -----------------------
// Built with the DOM's own methods: record text is only ever text, never markup.

var PUBMED = "https://pubmed.ncbi.nlm.nih.gov/";

function el(tag, attrs, children) {
  var node = doc.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (key) {
      if (attrs[key] !== null && attrs[key] !== undefined && attrs[key] !== false) { node.setAttribute(key, attrs[key]); }
    });
  }
  (children || []).forEach(function (child) {
    if (child === null || child === undefined || child === "") { return; }
    node.appendChild(typeof child === "string" ? doc.createTextNode(child) : child);
  });
  return node;
}

function link(href, text) { return el("a", {href: href}, [text]); }

function metaLine(r) {
  var parts = [];
  if (r.authors) { parts.push(r.authors + " · "); }
  if (r.journal) { parts.push(el("cite", null, [r.journal]), " "); }
  parts.push((r.date || "") + (r.citation ? ";" + r.citation : "") + " · PMID " + r.pmid);
  if (r.doi) { parts.push(" · ", link("https://doi.org/" + r.doi, "DOI")); }
  if (r.pmcid) { parts.push(" · ", link("https://pmc.ncbi.nlm.nih.gov/articles/" + r.pmcid + "/", "free full text (PMC)")); }
  return el("p", {"class": "meta"}, parts);
}

// Trial registrations and notices (retraction, erratum, ...), as _links.html draws them.
function linksLine(r) {
  if (!r.links.length) { return null; }
  var registrations = r.links[0], notices = r.links[1], parts = [];
  if (registrations.length) { parts.push("Trial registration: "); }
  registrations.forEach(function (g, k) {
    parts.push(el("a", {href: g[0], title: g[2]}, [g[1]]));
    if (k < registrations.length - 1) { parts.push(", "); }
  });
  notices.forEach(function (n, k) {
    if (registrations.length || k) { parts.push(" · "); }
    if (n[0]) { parts.push(el("a", {href: n[0], title: n[2] || null}, [n[1]])); }
    else { parts.push(n[1] + (n[2] ? ": " + n[2] : "")); }
  });
  return el("p", {"class": "meta links"}, parts);
}

// A tag with evidence is a button: hover, focus or a tap shows the words that earned it (fillEvidence
// reads them from the details the first time).
function chip(cls, label, evidenceKey) {
  if (!evidenceKey) { return el("span", {"class": cls}, [label]); }
  return el("button", {type: "button", "class": cls, "data-ev": evidenceKey}, [label]);
}

function tagLine(meta, r) {
  var on = r.onTopic;
  var chips = [chip(on ? "badge d-" + r.design : "badge", r.designLabel, on ? "d" : null)];
  r.conditions.forEach(function (c, k) { chips.push(" ", chip("c", labelOf(meta.conditions, c), on ? "c" + k : null)); });
  r.routes.forEach(function (c, k) { chips.push(" ", chip("rt", labelOf(meta.routes, c), on ? "r" + k : null)); });
  return el("p", {"class": "tags"}, chips);
}

function sizeLine(r) {
  if (!r.size && !r.markers.length) { return null; }
  var parts = r.size ? [el("b", null, [r.size])] : [];
  r.markers.forEach(function (m, k) { parts.push((r.size || k ? " · " : "") + m); });
  return el("p", {"class": "size"}, parts);
}

function findingLine(r) {
  if (!r.finding) { return null; }
  var parts = r.findingLabel ? [el("b", null, [r.findingLabel + ":"]), " "] : [];
  parts.push(r.finding);
  if (r.figures) { parts.push(" ", el("span", {"class": "fig"}, [el("b", null, ["Results:"]), " " + r.figures])); }
  return el("p", {"class": r.statement ? "concl stmt" : "concl", "data-key-finding": ""}, parts);
}

function card(meta, r) {
  var node = el("article", {
    "class": r.retracted ? "retracted" : null, id: "r" + r.pmid, "data-pmid": r.pmid, "data-i": String(r.i),
    "data-conditions": r.conditions.join(" "), "data-routes": r.routes.join(" "), "data-design": r.design,
    "data-on-topic": r.onTopic ? "true" : "false", "data-sample-size": r.size
  }, [el("h4", null, [link(PUBMED + r.pmid + "/", r.title)])]);
  if (r.retracted) {
    node.appendChild(el("p", {"class": "flag", role: "note"},
      ["Retracted" + (r.retractedOn ? " (flagged " + r.retractedOn + ")" : "") + ": do not rely on this paper."]));
  }
  node.appendChild(metaLine(r));
  var links = linksLine(r);
  if (links) { node.appendChild(links); }
  node.appendChild(tagLine(meta, r));
  [sizeLine(r), findingLine(r)].forEach(function (line) { if (line) { node.appendChild(line); } });
  if (!r.onTopic && r.reason) { node.appendChild(el("p", {"class": "why"}, ["Judged off-topic: " + r.reason])); }
  node.appendChild(el("details", {"class": "abs"}, [el("summary", null, ["Abstract"])]));
  return node;
}

// The abstract is drawn when its <details> first opens.
function fillAbstract(details, detail) {
  if (details.getAttribute("data-filled") || !detail) { return; }
  details.setAttribute("data-filled", "1");
  if (!detail[0].length) { details.appendChild(el("p", {"class": "muted"}, ["No abstract in PubMed."])); }
  detail[0].forEach(function (section) {
    details.appendChild(el("p", null, section[0] ? [el("b", null, [section[0]]), " " + section[1]] : [section[1]]));
  });
}

// A chip's evidence line, drawn the first time it is shown.
function fillEvidence(chipNode, detail) {
  if (!detail || chipNode.querySelector("small")) { return; }
  var key = chipNode.getAttribute("data-ev"), text = "";
  if (key === "d") { text = detail[2]; }
  if (key.charAt(0) === "c") { text = detail[3][+key.slice(1)]; }
  if (key.charAt(0) === "r") { text = detail[4][+key.slice(1)]; }
  if (text) { chipNode.appendChild(el("small", null, [text])); }
}

function highlight(meta, r) {
  var sub = [r.journal || "", r.date ? " " + r.date : ""];
  if (r.conditions.length) { sub.push(" · " + r.conditions.map(function (c) { return labelOf(meta.conditions, c); }).join(", ")); }
  if (r.routes.length) { sub.push(" · " + r.routes.map(function (c) { return labelOf(meta.routes, c); }).join(", ")); }
  if (r.size) { sub.push(" · " + r.size); }
  sub.push(" · ", link("#r" + r.pmid, "details"));
  return el("li", null, [
    el("span", {"class": "badge d-" + r.design}, [r.designLabel]), " ", link(PUBMED + r.pmid + "/", r.title),
    el("span", {"class": "sub"}, sub),
    r.finding ? el(r.statement ? "span" : "q", {"class": r.statement ? "stmt" : null, "data-key-finding": ""}, [r.finding]) : null
  ]);
}
