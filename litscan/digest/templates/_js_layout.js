// --- Layout: the sticky filter bar's height, kept clear of every link target; the bar folds on a phone ---

var measureBar = null;

function trackBar(form) {
  var root = doc.documentElement;
  function measure() { root.style.setProperty("--bar", Math.ceil(form.getBoundingClientRect().height) + "px"); }
  measureBar = measure;
  measure();
  if (typeof ResizeObserver === "function") { new ResizeObserver(measure).observe(form); }
  window.addEventListener("resize", measure);
}

function foldingBar(form, toggle) {
  function set(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    form.classList.toggle("open", open);
  }
  toggle.addEventListener("click", function () { set(toggle.getAttribute("aria-expanded") !== "true"); });
  return set;
}

// Bring a record into view below the bar (scroll-margin-top follows --bar). The bar is measured
// first: what led here (filters cleared, a count redrawn) may have changed its height, and the
// ResizeObserver would only say so after this scroll, leaving the record under the bar.
function scrollToRecord(node) {
  if (measureBar) { measureBar(); }
  if (node && node.scrollIntoView) { node.scrollIntoView({block: "start"}); }
}
