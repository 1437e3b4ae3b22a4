// The layout lab's probe (docs/preview.md). The staff preview's lab (/preview/lab) loads it into
// its own same-origin frames of reader pages; readers never load it. It applies the candidate
// stylesheet as a constructed sheet (CSSOM, so no inline style and nothing that can run script),
// sets the frame's text size and colour scheme, and reports every element's box, clipped text,
// overlaps and axe-core's contrast and target-size results as JSON for the lab to compare.
(function () {
  "use strict";
  if (window.convergenceLab) return;

  // What the lab groups changes by, first match wins (document order gives each element its id,
  // the same in the before and after frames because both load the same page).
  var KINDS = [
    ["heading", "h1,h2,h3,h4,h5,h6"],
    ["quote", ".pull-quote,blockquote"],
    ["card", ".card"],
    ["control", "a[href],button,input,select,textarea,summary,[role=button]"],
    ["text", "p,li,figcaption,dt,dd,th,td,label,time,.byline"],
    ["image", "img,video,audio,iframe"],
  ];
  // Kinds whose boxes hold text that must not sit on other text.
  var OVERLAP_KINDS = { heading: 1, quote: 1, control: 1, text: 1 };
  var AXE_RULES = ["color-contrast", "target-size"];
  var base = document.currentScript ? document.currentScript.src : location.href;
  var candidate = null;
  var highlight = null;
  var replaced = [];

  function sheet(css) {
    var s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  }

  function adopt() {
    var list = [];
    if (candidate) list.push(candidate);
    if (highlight) list.push(highlight);
    document.adoptedStyleSheets = list;
  }

  function kindOf(el) {
    for (var i = 0; i < KINDS.length; i++) if (el.matches(KINDS[i][1])) return KINDS[i][0];
    return null;
  }

  function labelOf(el) {
    var field = el.labels && el.labels.length ? el.labels[0].textContent : "";
    var text = el.getAttribute("aria-label") || el.getAttribute("alt") || field || el.textContent ||
      el.getAttribute("title") || el.getAttribute("placeholder") || el.getAttribute("name") || "";
    text = text.replace(/\s+/g, " ").trim();
    return text.length > 70 ? text.slice(0, 69) + "…" : text;
  }

  function clipped(el, cs) {
    if (!el.textContent.trim()) return false;
    var hideX = /hidden|clip/.test(cs.overflowX), hideY = /hidden|clip/.test(cs.overflowY);
    if (el.clientWidth < 2 || el.clientHeight < 2) return false;
    return (hideX && el.scrollWidth > el.clientWidth + 1) || (hideY && el.scrollHeight > el.clientHeight + 1);
  }

  function elements() {
    var out = [];
    var all = document.body.querySelectorAll("*");
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      var kind = kindOf(el);
      if (!kind) continue;
      el.setAttribute("data-lab-id", String(out.length));
      out.push({ el: el, kind: kind });
    }
    return out;
  }

  function measure() {
    var sx = window.scrollX, sy = window.scrollY;
    window.scrollTo(0, 0);
    var root = document.documentElement;
    var vw = root.clientWidth;
    var found = elements();
    var records = found.map(function (f, id) {
      var r = f.el.getBoundingClientRect();
      var cs = getComputedStyle(f.el);
      var shown = r.width >= 2 && r.height >= 2 && cs.visibility !== "hidden";
      f.rect = r;
      f.inline = cs.display === "inline" || cs.display === "contents";
      f.shown = shown;
      return {
        id: id,
        kind: f.kind,
        label: labelOf(f.el),
        x: r.left + window.scrollX,
        y: r.top + window.scrollY,
        w: r.width,
        h: r.height,
        shown: shown,
        clipped: shown && clipped(f.el, cs),
        wide: shown && r.right > vw + 1,
      };
    });
    var overlaps = [];
    var text = found.filter(function (f) { return f.shown && !f.inline && OVERLAP_KINDS[f.kind]; });
    for (var i = 0; i < text.length; i++) {
      for (var j = i + 1; j < text.length; j++) {
        var a = text[i], b = text[j];
        var w = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        var h = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (w > 2 && h > 2 && !a.el.contains(b.el) && !b.el.contains(a.el)) {
          overlaps.push([found.indexOf(a), found.indexOf(b)]);
        }
      }
    }
    var result = { viewport: vw, scroll_width: root.scrollWidth, elements: records, overlaps: overlaps };
    window.scrollTo(sx, sy);
    return result;
  }

  function loadAxe() {
    if (window.axe) return Promise.resolve(window.axe);
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = new URL("axe.min.js", base).href;
      s.onload = function () { resolve(window.axe); };
      s.onerror = function () { reject(new Error("axe-core could not be loaded from " + s.src)); };
      document.head.appendChild(s);
    });
  }

  function audit() {
    return loadAxe().then(function (axe) {
      return axe.run(document, {
        runOnly: { type: "rule", values: AXE_RULES },
        resultTypes: ["violations"],
      });
    }).then(function (res) {
      var out = [];
      res.violations.forEach(function (v) {
        v.nodes.forEach(function (n) {
          var el = null;
          try { el = document.querySelector(n.target.join(" ")); } catch (e) { el = null; }
          var check = (n.any && n.any[0]) || (n.all && n.all[0]) || (n.none && n.none[0]);
          out.push({
            rule: v.id,
            selector: n.target.join(" "),
            message: check ? check.message : v.help,
            label: el ? labelOf(el) : "",
          });
        });
      });
      return out;
    });
  }

  function settled(timeout) {
    var start = Date.now();
    return new Promise(function (resolve) {
      (function poll() {
        var body = document.body;
        var done = !!body && body.hasAttribute("data-app-mounted") && !document.querySelector(".loading") &&
          Array.prototype.every.call(document.images, function (i) { return i.complete || i.loading === "lazy"; });
        if (done || Date.now() - start > timeout) {
          var fonts = document.fonts ? document.fonts.ready : Promise.resolve();
          fonts.then(function () {
            requestAnimationFrame(function () { requestAnimationFrame(function () { resolve(done); }); });
          });
        } else {
          setTimeout(poll, 50);
        }
      })();
    });
  }

  var syncing = false;
  window.addEventListener("scroll", function () {
    if (syncing) { syncing = false; return; }
    if (window.parent !== window) {
      window.parent.postMessage({ lab: "scroll", x: window.scrollX, y: window.scrollY }, location.origin);
    }
  }, { passive: true });

  window.convergenceLab = {
    /// Resolves (true) once the app is up, nothing is loading, images and fonts are in, and
    /// two frames have painted; false if that took longer than `timeout` ms.
    settled: settled,
    /// The text size (a step of the reader's control) and colour scheme, on this frame only.
    look: function (size, theme) {
      var root = document.documentElement;
      root.setAttribute("data-text-size", size);
      root.setAttribute("data-theme", theme);
    },
    /// Applies the candidate on top of the site's stylesheet, or instead of it. Returns "" or
    /// the browser's reason for refusing the text.
    apply: function (css, instead) {
      try {
        candidate = css ? sheet(css) : null;
      } catch (e) {
        candidate = null;
        adopt();
        return String(e && e.message || e);
      }
      replaced.forEach(function (s) { s.disabled = false; });
      replaced = [];
      if (instead && candidate) {
        Array.prototype.forEach.call(document.styleSheets, function (s) {
          if (s.ownerNode && s.ownerNode.tagName === "LINK") { s.disabled = true; replaced.push(s); }
        });
      }
      adopt();
      return "";
    },
    /// Boxes, overlaps and (when asked) axe-core's contrast and target-size results, as JSON.
    snapshot: function (withAxe) {
      var m = measure();
      var axe = withAxe ? audit() : Promise.resolve([]);
      return axe.then(function (a) { m.axe = a; return JSON.stringify(m); });
    },
    /// Scrolls to an element (by lab id or selector) and outlines it; false if it is not here.
    reveal: function (id, selector) {
      // A page loaded since the last snapshot has no ids yet: number its elements the same way.
      if (id >= 0) elements();
      var el = id >= 0 ? document.querySelector('[data-lab-id="' + id + '"]') : null;
      if (!el && selector) { try { el = document.querySelector(selector); } catch (e) { el = null; } }
      document.querySelectorAll("[data-lab-focus]").forEach(function (n) { n.removeAttribute("data-lab-focus"); });
      if (!el) return false;
      highlight = highlight || sheet("[data-lab-focus]{outline:3px solid #c0f !important;outline-offset:2px !important}");
      adopt();
      el.setAttribute("data-lab-focus", "");
      el.scrollIntoView({ block: "center", inline: "nearest" });
      return true;
    },
    /// Scrolls to the other frame's position without echoing it back.
    follow: function (x, y) {
      if (window.scrollX === x && window.scrollY === y) return;
      syncing = true;
      window.scrollTo(x, y);
    },
  };
})();
