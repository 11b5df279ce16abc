(function () {
  "use strict";
  var doc = document;
  var form = doc.getElementById("filters");
  if (!form) { return; }
  var f = {
    condition: doc.getElementById("f-condition"), route: doc.getElementById("f-route"),
    design: doc.getElementById("f-design"), text: doc.getElementById("f-text"),
    onTopic: doc.getElementById("f-ontopic"), status: doc.getElementById("f-status")
  };
  var records = Array.prototype.slice.call(doc.querySelectorAll("article[data-pmid]"));
  var sections = Array.prototype.slice.call(doc.querySelectorAll("[data-section]"));
  var cells = Array.prototype.slice.call(doc.querySelectorAll("#map td[data-condition]"));
  var rowButtons = Array.prototype.slice.call(doc.querySelectorAll("#map [data-filter-condition]"));
  var meta = records.map(function (el) {
    return {
      el: el, text: null, onTopic: el.getAttribute("data-on-topic") === "true",
      design: el.getAttribute("data-design"),
      conditions: (el.getAttribute("data-conditions") || "").split(" "),
      routes: (el.getAttribute("data-routes") || "").split(" ")
    };
  });
  var onTopicTotal = meta.filter(function (m) { return m.onTopic; }).length;

  function members(id) {
    if (!id) { return null; }
    var options = f.condition.options;
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === id) {
        var list = options[i].getAttribute("data-members");
        return list ? list.split(" ") : [id];
      }
    }
    return [id];
  }

  // what a reader sees of a record: its text and tag labels, not the evidence tooltips
  function searchText(el) {
    var parts = [];
    for (var child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.classList.contains("tags")) {
        Array.prototype.forEach.call(child.children, function (chip) {
          parts.push(chip.firstChild ? chip.firstChild.textContent : "");
        });
      } else {
        parts.push(child.textContent);
      }
    }
    return parts.join(" ").toLowerCase();
  }

  function anyOf(have, wanted) {
    for (var i = 0; i < wanted.length; i++) { if (have.indexOf(wanted[i]) >= 0) { return true; } }
    return false;
  }

  function apply() {
    var wanted = members(f.condition.value), route = f.route.value, design = f.design.value;
    var terms = f.text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var onlyOnTopic = f.onTopic.checked, shown = 0, shownOff = 0;
    meta.forEach(function (m) {
      if (terms.length && m.text === null) { m.text = searchText(m.el); }
      var ok = (!wanted || anyOf(m.conditions, wanted)) && (!route || m.routes.indexOf(route) >= 0) &&
        (!design || m.design === design) && (!onlyOnTopic || m.onTopic) &&
        terms.every(function (t) { return m.text.indexOf(t) >= 0; });
      m.el.hidden = !ok;
      if (ok) { if (m.onTopic) { shown++; } else { shownOff++; } }
    });
    sections.forEach(function (s) { s.hidden = !s.querySelector("article[data-pmid]:not([hidden])"); });
    var active = wanted || route || design || terms.length || onlyOnTopic;
    doc.getElementById("nomatch").hidden = !(active && shown + shownOff === 0);
    var off = doc.getElementById("offcount");
    if (off) { off.textContent = active && shownOff ? "(" + shownOff + " match the filters)" : ""; }
    f.status.textContent = active ? "Showing " + shown + " of " + onTopicTotal + " on-topic records" +
      (shownOff ? " and " + shownOff + " off-topic" : "") + "." : "";
    cells.forEach(function (td) {
      var on = !!active && f.onTopic.checked && !design && !terms.length &&
        td.getAttribute("data-condition") === f.condition.value && td.getAttribute("data-route") === route;
      td.firstElementChild.setAttribute("aria-pressed", on ? "true" : "false");
    });
    rowButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(!!f.condition.value && !route && !design && !terms.length &&
        b.getAttribute("data-filter-condition") === f.condition.value));
    });
    remember();
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

  function set(condition, route) {
    f.condition.value = condition; f.route.value = route; f.design.value = ""; f.text.value = "";
    f.onTopic.checked = true;
    apply();
  }

  function showRecords() {
    var heading = doc.getElementById("h-records");
    if (heading && heading.scrollIntoView) { heading.scrollIntoView({block: "start"}); }
  }

  cells.forEach(function (td) {
    td.firstElementChild.addEventListener("click", function () {
      if (this.getAttribute("aria-pressed") === "true") { form.reset(); apply(); return; }
      set(td.getAttribute("data-condition"), td.getAttribute("data-route"));
      showRecords();
    });
  });
  rowButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      if (b.getAttribute("aria-pressed") === "true") { form.reset(); apply(); return; }
      set(b.getAttribute("data-filter-condition"), "");
      showRecords();
    });
  });

  // Arrow keys move between evidence-map cells, so the grid need not be tabbed through cell by cell.
  var grid = doc.querySelector("#map tbody");
  if (grid) {
    grid.addEventListener("keydown", function (e) {
      var moves = {ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0]};
      var move = moves[e.key], cell = e.target.closest("td, th");
      if (!move || !cell) { return; }
      var row = cell.parentElement, rows = grid.rows;
      var target = rows[row.sectionRowIndex + move[0]];
      target = target && target.cells[cell.cellIndex + move[1]];
      var button = target && target.querySelector("button");
      if (button) { e.preventDefault(); button.focus(); }
    });
  }

  var timer = null;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  f.text.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  f.text.addEventListener("keydown", function (e) { if (e.key === "Escape") { form.reset(); } });
  doc.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (e.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(tag)) { e.preventDefault(); f.text.focus(); }
  });
  form.hidden = false;
  window.addEventListener("hashchange", function () {
    if (window.location.hash.indexOf(PREFIX) === 0) { restore(); apply(); }
  });
  if (window.location.hash.indexOf(PREFIX) === 0) { restore(); apply(); }
})();
