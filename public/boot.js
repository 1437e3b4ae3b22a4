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
  // Start the JSON the first paint needs while the wasm downloads: site.json, and the article
  // on an article route (slugs as model::Slug allows). The app's fetches of the same URLs
  // (CORS mode, same-origin credentials) take these responses instead of asking again.
  try {
    var meta = document.querySelector("meta[name='content-base']");
    var base = (meta && meta.getAttribute("content")) || "/content/";
    if (base.charAt(base.length - 1) !== "/") base += "/";
    var files = ["site.json"];
    var article = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(location.pathname);
    if (article && article[1].length <= 100) files.push("articles/" + article[1] + ".json");
    files.forEach(function (file) {
      var link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";
      link.href = base + file;
      document.head.appendChild(link);
    });
  } catch (e) {
    // Only a head start: the app fetches what it needs anyway.
  }
  function showFatal() {
    var box = document.getElementById("fatal-error");
    if (box && !document.querySelector("[data-app-mounted]")) box.hidden = false;
  }
  window.addEventListener("error", function (e) {
    // A failed script, preload or stylesheet load (deploy skew: a pruned or replaced hashed
    // asset) arrives as an error on the element.
    if (e.target && (e.target.tagName === "SCRIPT" || e.target.tagName === "LINK")) return showFatal();
    // A wasm that is missing or from another build makes the inline loader's `await init()`
    // throw, which a module script reports as an uncaught error on the window. Only our own
    // scripts count (an extension's error has another origin; showFatal ignores any once mounted).
    if (e.filename && e.filename.indexOf(location.origin + "/") === 0) showFatal();
  }, true);
  window.addEventListener("unhandledrejection", showFatal);
  document.addEventListener("click", function (e) {
    if (e.target && e.target.id === "fatal-reload") location.reload();
  });
})();
