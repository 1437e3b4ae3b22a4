// The script of a rendered embed (dist/embed/articles/{slug}/…, written by the prerender
// step): all a partner's frame needs besides its HTML and CSS, so no wasm is downloaded.
// It applies the snippet's ?theme= and ?accent=, reports the page's height to the parent
// (public/embed.js resizes the frame), runs the A- A A+ buttons and keeps in-page links in
// the frame. Storage is never used: the frame is sandboxed, so it has none (docs/embedding.md).
(function () {
  "use strict";
  var TYPE = "convergence-embed:height";
  var STEPS = ["87.5", "100", "112.5", "125", "150", "175", "200"];
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);

  // Before first paint (this script is in the head): the partner's look, as src/embed.rs
  // reads it (anything unknown is ignored).
  var theme = (query.get("theme") || "").trim();
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  var accent = (query.get("accent") || "").trim();
  if (/^#(?:[0-9a-fA-F]{3}){1,2}$/.test(accent)) root.style.setProperty("--accent", accent.toLowerCase());

  // The height, whenever it changes: on start, on load, as <html> resizes, and every second
  // (browsers pause ResizeObserver in off-screen cross-origin frames, but run timers).
  var last = -1;
  function postHeight() {
    if (window.parent === window) return;
    var height = root.offsetHeight;
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: TYPE, height: height }, "*");
  }
  window.addEventListener("load", postHeight);
  if (window.ResizeObserver) new ResizeObserver(postHeight).observe(root);
  setInterval(postHeight, 1000);

  // The A- A A+ buttons: the same steps and root attribute as the reader app.
  function sizeIndex() {
    var i = STEPS.indexOf(root.getAttribute("data-text-size") || "100");
    return i < 0 ? 1 : i;
  }
  function showSize() {
    var i = sizeIndex();
    document.querySelectorAll(".text-size__button").forEach(function (b) {
      var label = b.getAttribute("aria-label") || "";
      var end = (label.indexOf("A-") === 0 && i === 0) || (label.indexOf("A+") === 0 && i === STEPS.length - 1);
      if (end) b.setAttribute("aria-disabled", "true");
      else b.removeAttribute("aria-disabled");
    });
  }
  document.addEventListener("click", function (e) {
    var button = e.target && e.target.closest && e.target.closest(".text-size__button");
    if (!button) return;
    var label = button.getAttribute("aria-label") || "";
    var i = sizeIndex();
    var to = label.indexOf("A-") === 0 ? Math.max(0, i - 1) : label.indexOf("A+") === 0 ? Math.min(STEPS.length - 1, i + 1) : 1;
    if (to === i) return;
    root.setAttribute("data-text-size", STEPS[to]);
    showSize();
    var status = button.parentNode.querySelector("[role=status]");
    if (status) status.textContent = "Text size " + STEPS[to] + "%";
    postHeight();
  });

  document.addEventListener("DOMContentLoaded", function () {
    // Links open in a new tab (the page's <base target>); a link within the article (a
    // footnote) stays in the frame.
    document.querySelectorAll('a[href^="#"]').forEach(function (a) {
      a.setAttribute("target", "_self");
    });
    showSize();
    postHeight();
  });
})();
