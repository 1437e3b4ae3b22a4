// Convergence embed loader (no dependencies). A partner page includes
//   <blockquote class="convergence-embed" data-article="slug" data-variant="card|full">
//     <a href="https://convergencemag.com/articles/slug">Title</a></blockquote>
//   <script async src="https://convergencemag.com/embed.js"></script>
// and each blockquote becomes a sandboxed iframe of the article's rendered embed
// (/embed/articles/{slug}/, or …/full/: a plain page with one small script, no app), resized
// to its content from the frame's "convergence-embed:height" messages. See docs/embedding.md.
(function () {
  "use strict";
  var TYPE = "convergence-embed:height";
  var MIN = 100, MAX = 20000;
  var script = document.currentScript;
  var origin = new URL(script && script.src ? script.src : "/", location.href).origin;
  var registry = (window.__convergenceEmbeds = window.__convergenceEmbeds || { frames: [], listening: false });

  function clamp(h) {
    return Math.min(MAX, Math.max(MIN, Math.ceil(h)));
  }

  function build(quote) {
    var slug = quote.getAttribute("data-article") || "";
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return;
    var variant = quote.getAttribute("data-variant") === "full" ? "full" : "card";
    // The rendered embed's folder (model::embed::embed_path); the look goes in the query.
    var params = new URLSearchParams();
    ["theme", "accent"].forEach(function (k) {
      var v = quote.getAttribute("data-" + k);
      if (v) params.set(k, v);
    });
    var query = params.toString();
    var link = quote.querySelector("a");
    var text = (link ? link.textContent : quote.textContent).trim() || slug;
    var frame = document.createElement("iframe");
    frame.setAttribute("src", origin + "/embed/articles/" + slug + "/" + (variant === "full" ? "full/" : "") +
      (query ? "?" + query : ""));
    frame.setAttribute("sandbox", "allow-scripts allow-popups allow-popups-to-escape-sandbox");
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("title", "Convergence: " + text);
    frame.className = "convergence-embed-frame";
    frame.style.cssText = "display:block;width:100%;max-width:40rem;border:0;height:" +
      (variant === "full" ? 800 : 420) + "px";
    quote.replaceWith(frame);
    registry.frames.push(frame);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== TYPE) return;
    if (typeof data.height !== "number" || !isFinite(data.height)) return;
    for (var i = 0; i < registry.frames.length; i++) {
      var frame = registry.frames[i];
      // Only the frame's own window may resize it (a forged message from elsewhere changes nothing).
      if (frame.contentWindow && event.source === frame.contentWindow) {
        frame.style.height = clamp(data.height) + "px";
        return;
      }
    }
  }

  function scan() {
    var quotes = document.querySelectorAll("blockquote.convergence-embed[data-article]");
    for (var i = 0; i < quotes.length; i++) build(quotes[i]);
  }

  if (!registry.listening) {
    registry.listening = true;
    window.addEventListener("message", onMessage);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
