// --- Layout: the sticky filter bar's height, kept clear of every link target; the bar folds on a phone ---

function trackBar(form) {
  var root = doc.documentElement;
  function measure() { root.style.setProperty("--bar", Math.ceil(form.getBoundingClientRect().height) + "px"); }
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

// Bring a record into view below the bar (scroll-margin-top follows --bar).
function scrollToRecord(node) {
  if (node && node.scrollIntoView) { node.scrollIntoView({block: "start"}); }
}
