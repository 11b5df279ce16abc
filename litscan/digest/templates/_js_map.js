// --- The evidence map: one Tab stop, arrow keys inside, counts that follow the Design and text filters ---

// Its buttons as a grid: rows of [row header, cell, cell, ...].
function mapGrid() {
  var table = doc.querySelector("#map table");
  if (!table) { return null; }
  return Array.prototype.map.call(table.tBodies[0].rows, function (tr) {
    return Array.prototype.map.call(tr.cells, function (cell) { return cell.querySelector("button"); });
  });
}

// Roving focus (WAI-ARIA grid pattern): the grid is one Tab stop; arrows, Home and End move inside it.
function keyboardGrid(grid) {
  function place(button) {
    grid.forEach(function (row) { row.forEach(function (b) { b.tabIndex = b === button ? 0 : -1; }); });
  }
  function move(e) {
    var y = -1, x = -1;
    grid.forEach(function (row, ry) { var rx = row.indexOf(e.target); if (rx >= 0) { y = ry; x = rx; } });
    if (y < 0) { return; }
    var last = grid[y].length - 1;
    var to = {
      ArrowLeft: [y, x - 1], ArrowRight: [y, x + 1], ArrowUp: [y - 1, x], ArrowDown: [y + 1, x],
      Home: e.ctrlKey ? [0, 0] : [y, 0], End: e.ctrlKey ? [grid.length - 1, last] : [y, last],
      PageUp: [0, x], PageDown: [grid.length - 1, x]
    }[e.key];
    if (!to) { return; }
    e.preventDefault();
    var row = grid[Math.max(0, Math.min(grid.length - 1, to[0]))];
    var target = row[Math.max(0, Math.min(row.length - 1, to[1]))];
    place(target);
    target.focus();
  }
  grid.forEach(function (row) {
    row.forEach(function (b) {
      b.addEventListener("keydown", move);
      b.addEventListener("focus", function () { place(b); });
    });
  });
}

// A cell's content for ``count`` records, ``strong`` of them trials or reviews (as _evidence_map.html
// draws it); only the text that changed is touched, so a filter restyles little of the map.
function drawCell(button, count, strong) {
  var b = button.querySelector("b"), mark = button.querySelector("i");
  if (count && b.classList.contains("z")) { b.className = ""; b.textContent = String(count); }
  else if (count) { b.textContent = String(count); }
  else if (!b.classList.contains("z")) {
    b.className = "z";
    b.textContent = "";
    b.appendChild(el("span", {"aria-hidden": "true"}, ["·"]));
    b.appendChild(el("span", {"class": "vh"}, ["0"]));
  }
  if (!mark && strong) {
    mark = el("i", null, [el("span", {"class": "sr"}, ["◆"]), el("span", {"class": "sn"}, [""]),
      el("span", {"class": "vh"}, [" trials or systematic reviews"])]);
    button.insertBefore(mark, b.nextSibling);
  }
  if (mark) {
    mark.hidden = !strong;
    mark.querySelector(".sn").textContent = String(strong);
  }
}

function drawMap(result, state) {
  doc.querySelectorAll("#map td[data-condition]").forEach(function (td) {
    var key = td.getAttribute("data-condition") + "|" + td.getAttribute("data-route");
    var count = result.cells[key] || 0, strong = result.cellsStrong[key] || 0, button = td.firstElementChild;
    if (td.getAttribute("data-shown") !== count + "|" + strong) {
      td.setAttribute("data-shown", count + "|" + strong);
      td.classList.toggle("new", count > 0);
      drawCell(button, count, strong);
    }
    var on = state.onlyOnTopic && td.getAttribute("data-condition") === state.condition &&
      td.getAttribute("data-route") === state.route;
    button.setAttribute("aria-pressed", on ? "true" : "false");
  });
  doc.querySelectorAll("#map [data-filter-condition]").forEach(function (b) {
    var id = b.getAttribute("data-filter-condition");
    b.setAttribute("aria-pressed", String(state.condition === id && !state.route));
    var total = b.querySelector(".tot b"), strong = result.rowsStrong[id] || 0;
    if (total) { total.textContent = String(result.rows[id] || 0); }
    var mark = b.querySelector(".rs");
    if (mark) { mark.hidden = !strong; mark.querySelector(".rsn").textContent = String(strong); }
  });
}
