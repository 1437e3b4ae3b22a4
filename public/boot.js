// Runs before first paint: apply the saved text size and theme so nothing jumps,
// and reveal a reload message if the app cannot start (e.g. a stale cached index.html).
(function () {
  var root = document.documentElement;
  // Scripts run: the controls that need them may show (style/main.css hides them otherwise).
  root.classList.add("js");
  // A page the build rendered for another URL (a later listing page, search results, the
  // 404 page answering a route it does not know) is hidden until the app draws this one.
  var rendered = root.getAttribute("data-rendered-route");
  var here = (location.pathname.replace(/\/+$/, "") || "/") + location.search;
  if (rendered !== null && rendered !== "" && rendered !== here) root.classList.add("rendered-elsewhere");
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
    // This URL's page as the build rendered it (or the not-found page) is whole without the
    // app: nothing covers it. A page rendered for another URL is not, so the reader is told.
    if (rendered !== null && (rendered === "" || rendered === here)) return;
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

  // Until the app takes a rendered page over, the text-size and theme buttons work from here
  // (the same steps, storage keys and attributes as the app's); the app reads them on start.
  var STEPS = ["87.5", "100", "112.5", "125", "150", "175", "200"];
  function appHere() { return document.body && document.body.hasAttribute("data-app-mounted"); }
  function sizeIndex() {
    var i = STEPS.indexOf(root.getAttribute("data-text-size") || "100");
    return i < 0 ? 1 : i;
  }
  function showSize() {
    var i = sizeIndex();
    document.querySelectorAll(".text-size__button").forEach(function (b) {
      var label = b.getAttribute("aria-label") || "";
      var end = (label.indexOf("A-") === 0 && i === 0) || (label.indexOf("A+") === 0 && i === STEPS.length - 1);
      if (end) b.setAttribute("aria-disabled", "true"); else b.removeAttribute("aria-disabled");
    });
  }
  function dark() {
    var t = root.getAttribute("data-theme");
    return t ? t === "dark" : !!(window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches);
  }
  function save(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* this visit only */ } }
  document.addEventListener("click", function (e) {
    if (appHere() || !e.target || !e.target.closest) return;
    var button = e.target.closest(".text-size__button, .theme-toggle");
    if (!button) return;
    if (button.classList.contains("theme-toggle")) {
      var next = dark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      save("convergence.theme", next);
      button.setAttribute("aria-pressed", String(next === "dark"));
      return;
    }
    var label = button.getAttribute("aria-label") || "", i = sizeIndex();
    var to = label.indexOf("A-") === 0 ? Math.max(0, i - 1) : label.indexOf("A+") === 0 ? Math.min(STEPS.length - 1, i + 1) : 1;
    if (to === i) return;
    root.setAttribute("data-text-size", STEPS[to]);
    save("convergence.text-size", STEPS[to]);
    showSize();
    var status = button.parentNode.querySelector("[role=status]");
    if (status) status.textContent = "Text size " + STEPS[to] + "%";
  });
  // The fields the reader has typed into or changed before the app is here (not the ones the
  // browser refilled on a reload: the app restores its own state).
  var touched = [];
  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      if (!appHere() && e.target && touched.indexOf(e.target) < 0) touched.push(e.target);
    }, true);
  });
  // A form sent before the app is here would put the address in the URL: wait for the app.
  document.addEventListener("submit", function (e) { if (!appHere()) e.preventDefault(); });
  document.addEventListener("DOMContentLoaded", function () {
    if (rendered === null) return;
    showSize();
    document.querySelectorAll(".theme-toggle").forEach(function (b) { b.setAttribute("aria-pressed", String(dark())); });
  });

  // The app's view of a rendered page, drawn off-screen in `stage`, replaces the page
  // (src/takeover.rs): same markup, so the reader's scroll position, focus, selection and
  // anything typed carry over by position in the tree.
  function pathOf(node, roots) {
    var path = [];
    for (var n = node; n; n = n.parentElement) {
      var top = roots.indexOf(n);
      if (top >= 0) { path.unshift(top); return path; }
      path.unshift(Array.prototype.indexOf.call(n.parentElement ? n.parentElement.children : [], n));
    }
    return null;
  }
  function at(path, roots) {
    var n = path && roots[path[0]];
    for (var i = 1; n && i < path.length; i++) n = n.children[path[i]];
    return n || null;
  }
  function point(node, offset, roots) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    var path = el && pathOf(el, roots);
    if (!path) return null;
    var range = document.createRange();
    range.setStart(el, 0);
    range.setEnd(node, offset);
    return { path: path, chars: range.toString().length };
  }
  function place(p, roots) {
    var el = p && at(p.path, roots);
    if (!el) return null;
    var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), left = p.chars, t;
    while ((t = walk.nextNode())) {
      if (left <= t.data.length) return [t, left];
      left -= t.data.length;
    }
    return [el, el.childNodes.length];
  }
  // Until the swap, the rendered page's links are plain links: the app starting off-screen
  // (its router listens for clicks on the window) must not take a click on them.
  document.addEventListener("click", function (e) {
    if (rendered !== null && !appHere()) e.stopPropagation();
  });
  // A press in progress (pointer down, not yet up): the swap waits, so the click lands.
  var pressing = false;
  document.addEventListener("pointerdown", function () { pressing = true; }, true);
  ["pointerup", "pointercancel", "click"].forEach(function (type) {
    document.addEventListener(type, function () { pressing = false; }, true);
  });
  // Returns false while the reader is pressing on the page (the app asks again), true once done.
  window.convergenceTakeOver = function (stage) {
    if (pressing) return false;
    var body = document.body, fatal = document.getElementById("fatal-error"), old = [];
    for (var n = body.firstChild; n && n !== fatal; n = n.nextSibling) old.push(n);
    var oldRoots = old.filter(function (n) { return n.nodeType === 1; });
    var active = document.activeElement;
    var focus = active && pathOf(active, oldRoots);
    // A text field keeps its own caret; the page's selection is text the reader selected.
    var field = active && /^(INPUT|TEXTAREA)$/.test(active.tagName) ? active : null;
    var caret = null;
    try { if (field) caret = [field.selectionStart, field.selectionEnd]; } catch (e) { /* no caret */ }
    var sel = window.getSelection(), anchor = null, head = null;
    if (!field && sel && sel.rangeCount && !sel.isCollapsed) {
      anchor = point(sel.anchorNode, sel.anchorOffset, oldRoots);
      head = point(sel.focusNode, sel.focusOffset, oldRoots);
    }
    var typed = [];
    touched.forEach(function (f) {
      var path = pathOf(f, oldRoots);
      if (path) typed.push({ path: path, value: f.value, checked: f.checked });
    });
    // What a live region said (a text size chosen here) stays said, in the app's own text
    // node, set while it is still off-screen so it is not announced twice.
    var roots = Array.prototype.filter.call(stage.childNodes, function (n) { return n.nodeType === 1; });
    oldRoots.forEach(function (r) {
      r.querySelectorAll("[role=status]").forEach(function (s) {
        var to = s.textContent.trim() && at(pathOf(s, oldRoots), roots);
        if (!to || to.textContent.trim()) return;
        for (var c = to.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) return void (c.data = s.textContent);
      });
    });
    // A slot the app fills later (a subscribe form, whose code comes after the take-over) and
    // has not filled yet keeps the rendered page's own nodes, with what was typed in them.
    stage.querySelectorAll("[data-keep]").forEach(function (slot) {
      var key = slot.getAttribute("data-keep"), from = null;
      oldRoots.some(function (r) {
        return (from = Array.prototype.find.call(r.querySelectorAll("[data-keep]"), function (k) {
          return k.getAttribute("data-keep") === key;
        }));
      });
      // First in the slot, where they were: focus and typing carry over by position.
      var start = slot.firstChild;
      while (from && from.firstChild) slot.insertBefore(from.firstChild, start);
    });
    var x = window.scrollX, y = window.scrollY, first = old[0] || fatal;
    while (stage.firstChild) body.insertBefore(stage.firstChild, first);
    old.forEach(function (n) { n.remove(); });
    document.querySelectorAll("head [data-rendered]").forEach(function (n) { n.remove(); });
    root.classList.remove("rendered-elsewhere");
    body.setAttribute("data-app-mounted", "");
    window.scrollTo(x, y);
    typed.forEach(function (t) {
      var f = at(t.path, roots);
      if (!f) return;
      if (f.type === "checkbox" || f.type === "radio") f.checked = t.checked; else f.value = t.value;
      f.dispatchEvent(new Event(f.type === "checkbox" || f.type === "radio" ? "change" : "input", { bubbles: true }));
    });
    var target = at(focus, roots);
    if (target && target.focus) target.focus({ preventScroll: true });
    if (target && caret && caret[0] !== null) {
      try { target.setSelectionRange(caret[0], caret[1]); } catch (e) { /* not a text field */ }
    }
    var a = place(anchor, roots), h = place(head, roots);
    if (a && h && sel) sel.setBaseAndExtent(a[0], a[1], h[0], h[1]);
    // A size chosen here while the app was starting: the app follows it as it would another tab's.
    try {
      window.dispatchEvent(new StorageEvent("storage", { key: "convergence.text-size", newValue: STEPS[sizeIndex()] }));
    } catch (e) { /* old engines: the app keeps the size it started with */ }
    return true;
  };
})();
