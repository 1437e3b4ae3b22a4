// Offline reading, the page's half (docs/offline.md; the worker is public/sw.js): registers
// the service worker after first paint, tells the reader when they are offline and when a new
// version is ready, and gives the app `window.convergenceOffline` to save articles for later.
// Deferred, so it never delays the page; a browser without service workers gets none of it.
(function () {
  var worker = navigator.serviceWorker;
  var path = location.pathname;
  // The staff preview and partner embeds are never offline pages (the worker ignores them).
  var reader = !/^\/(preview|embed)(\/|$)/.test(path);
  var unsupported = "This browser can’t keep articles for offline reading.";

  /** A region at the end of the page, outside anything the app redraws. */
  function region(className) {
    var el = document.createElement("div");
    el.className = className;
    el.setAttribute("role", "status");
    document.body.appendChild(el);
    return el;
  }

  // ---- The connection indicator: polite, and only while it has something to say. Its region
  // is added the first time the connection drops (the page as built has none), and filled a
  // moment later so screen readers hear the news in a region they already know.
  if (reader) {
    var status = null;
    var cleared = null;
    var show = function (online, changed) {
      clearTimeout(cleared);
      if (!status && online) return;
      var fresh = !status;
      if (fresh) status = region("connection-status");
      setTimeout(function () {
        status.textContent = "";
        status.classList.toggle("connection-status--offline", !online);
        if (!online) {
          status.append("You’re offline. Articles you’ve opened or saved can still be read: ");
          var a = document.createElement("a");
          a.href = "/saved";
          a.textContent = "your saved articles";
          status.append(a, ".");
        } else if (changed) {
          status.textContent = "You’re back online.";
          cleared = setTimeout(function () { status.textContent = ""; }, 4000);
        }
      }, fresh ? 100 : 0);
    };
    addEventListener("online", function () { show(true, true); });
    addEventListener("offline", function () { show(false, true); });
    if (!navigator.onLine) show(false, false);
  }

  if (!worker || !window.isSecureContext || !reader) {
    window.convergenceOffline = { supported: false };
    return;
  }

  var registered = new Promise(function (resolve, reject) {
    // After first paint and the page's own downloads.
    addEventListener("load", function () {
      worker.register("/sw.js").then(function (reg) {
        // A browser that blocks workers may answer with nothing rather than refuse.
        if (reg) resolve(reg); else reject(new Error(unsupported));
      }, reject);
    });
  });
  registered.catch(function () { /* no worker (none deployed, or it failed): the site works as before */ });

  // ---- What this page loaded before a worker controlled it is cached now, so the first
  // article a reader opens is there offline too.
  var controlled = !!worker.controller;
  worker.ready.then(function (reg) {
    if (controlled || !reg.active) return;
    var base = contentBase();
    var urls = [location.href];
    performance.getEntriesByType("resource").forEach(function (e) {
      if (e.name.indexOf(base) === 0) urls.push(e.name);
    });
    reg.active.postMessage({ type: "warm", urls: urls });
  });

  // ---- A new deploy: offered, never forced; taking it reloads once the new worker rules.
  var notice = null;
  var reloading = false;
  function offer(waiting) {
    if (!worker.controller || notice) return;
    notice = region("update-notice");
    var text = document.createElement("p");
    text.textContent = "A new version of Convergence is available. ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      reloading = true;
      button.disabled = true;
      waiting.postMessage({ type: "skip-waiting" });
    });
    text.appendChild(button);
    notice.appendChild(text);
  }
  worker.addEventListener("controllerchange", function () {
    if (reloading) location.reload();
  });
  registered.then(function (reg) {
    if (reg.waiting) offer(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var next = reg.installing;
      if (!next) return;
      next.addEventListener("statechange", function () {
        if (next.state === "installed") offer(next);
      });
    });
    // A tab left open for days still hears of new deploys.
    var check = function () { reg.update().catch(function () { /* offline: next time */ }); };
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") check();
    });
    setInterval(check, 30 * 60 * 1000);
  }, function () {});

  // ---- Saving articles, for the app (src/offline.rs). Every call answers with a promise.
  function contentBase() {
    var meta = document.querySelector("meta[name='content-base']");
    return new URL((meta && meta.getAttribute("content")) || "/content/", location.href).href.replace(/\/?$/, "/");
  }
  function ask(message) {
    return registered.then(function () {
      // A worker that never becomes active (its install failed) cannot keep anything.
      return Promise.race([worker.ready, new Promise(function (_, reject) {
        setTimeout(function () { reject(new Error(unsupported)); }, 10000);
      })]);
    }, function () {
      throw new Error(unsupported);
    }).then(function (reg) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        var late = setTimeout(function () { reject(new Error("Your browser took too long to answer.")); }, 30000);
        channel.port1.onmessage = function (e) {
          clearTimeout(late);
          if (e.data && e.data.error) reject(new Error(e.data.error)); else resolve(e.data);
        };
        reg.active.postMessage(message, [channel.port2]);
      });
    });
  }
  function storage() {
    var s = navigator.storage;
    return Promise.all([
      s && s.estimate ? s.estimate().catch(function () { return {}; }) : {},
      s && s.persisted ? s.persisted().catch(function () { return false; }) : false,
    ]).then(function (r) {
      return { usage: r[0].usage || 0, quota: r[0].quota || 0, persisted: !!r[1] };
    });
  }
  window.convergenceOffline = {
    supported: true,
    /** Saves the article on this page: its JSON, site.json and the pictures it shows. */
    save: function (slug) {
      var base = contentBase();
      var files = [base + "articles/" + slug + ".json", base + "site.json"];
      document.querySelectorAll("main article img").forEach(function (img) {
        var src = img.currentSrc || img.src;
        if (src && files.indexOf(src) < 0) files.push(src);
      });
      // Asked first: saved articles should outlive the browser's clean-ups.
      var persist = navigator.storage && navigator.storage.persist ? navigator.storage.persist().catch(function () { return false; }) : Promise.resolve(false);
      return persist.then(function () { return ask({ type: "save", slug: slug, files: files }); });
    },
    remove: function (slug) { return ask({ type: "remove", slug: slug }); },
    /** The saved articles, newest first, with what this site stores on the device. */
    list: function () {
      return Promise.all([ask({ type: "list" }), storage()]).then(function (r) {
        return { items: r[0].items, usage: r[1].usage, quota: r[1].quota, persisted: r[1].persisted };
      });
    },
  };
})();
