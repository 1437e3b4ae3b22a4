// Runs before first paint: apply the saved text size and theme so nothing jumps,
// and reveal a reload message if the app cannot start (e.g. a stale cached index.html).
(function () {
  var root = document.documentElement;
  try {
    var size = localStorage.getItem("convergence.text-size");
    if (size && /^(87\.5|100|112\.5|125|150|175|200)$/.test(size)) root.setAttribute("data-text-size", size);
    var theme = localStorage.getItem("convergence.theme");
    if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  } catch (e) {
    // Storage is unavailable (private mode, sandboxed frame): defaults apply.
  }
  function showFatal() {
    var box = document.getElementById("fatal-error");
    if (box && !document.querySelector("[data-app-mounted]")) box.hidden = false;
  }
  window.addEventListener("error", function (e) {
    // A failed script or wasm load (deploy skew) arrives as an error on the element.
    if (e.target && (e.target.tagName === "SCRIPT" || e.target.tagName === "LINK")) showFatal();
  }, true);
  window.addEventListener("unhandledrejection", showFatal);
  document.addEventListener("click", function (e) {
    if (e.target && e.target.id === "fatal-reload") location.reload();
  });
})();
