// dashgen serve: live reload. Served at /_dashgen/live.js and added to HTML responses by the server
// only; files on disk never contain it. Messages (JSON over the WebSocket at /_dashgen/live):
//   reload   {urls, global}  reload when this page's site path is listed, or when the change is global
//   css      {urls}          swap the matching stylesheets without a reload
//   problems {errors, warnings, items, failure}  the overlay: shown for errors or a failed rebuild
//   build    {server, build, micros, written, removed, moves, recent}  timing, and the activity feed
(function () {
  "use strict";
  if (window.__dashgenLive) return;
  var self = document.currentScript;
  var served = self ? Number(self.getAttribute("data-build")) : -1;
  var page = sitePath(location.pathname);
  var server = null;
  var delay = 200;
  var dismissed = null;
  var live = window.__dashgenLive = { connected: false, messages: 0, page: page };

  /** The site path of a URL path: "/" is index.html, a folder its index.html. */
  function sitePath(path) {
    var p;
    try { p = decodeURIComponent(path); } catch (e) { p = path; }
    p = p.replace(/^\/+/, "");
    if (p === "" || p.charAt(p.length - 1) === "/") p += "index.html";
    return p;
  }

  function connect() {
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_dashgen/live"
      + "?build=" + encodeURIComponent(served) + "&page=" + encodeURIComponent(page);
    var ws;
    try { ws = new WebSocket(url); } catch (e) { retry(); return; }
    ws.onopen = function () { delay = 200; live.connected = true; };
    ws.onmessage = function (e) {
      live.messages++;
      var msg;
      try { msg = JSON.parse(e.data); } catch (err) { return; }
      (handlers[msg.type] || function () {})(msg);
    };
    ws.onclose = function () { live.connected = false; retry(); };
  }

  // Back-off while the server is away; when it is back, its build message says whether to reload.
  function retry() {
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 5000);
  }

  var handlers = {
    reload: function (msg) {
      if (msg.global || (msg.urls || []).indexOf(page) >= 0) location.reload();
    },
    css: function (msg) {
      var urls = msg.urls || [];
      var links = document.querySelectorAll('link[rel="stylesheet"]');
      for (var i = 0; i < links.length; i++) {
        var link = links[i], u = new URL(link.href, location.href);
        if (u.host !== location.host || urls.indexOf(sitePath(u.pathname)) < 0) continue;
        swap(link, u, msg.build);
      }
    },
    problems: function (msg) { overlay(msg); },
    build: function (msg) {
      if (server !== null && msg.server !== server) { location.reload(); return; } // a restarted server
      server = msg.server;
      live.build = msg;
      activity(msg.recent || []);
    }
  };

  // The new sheet loads before the old one goes, so the page never shows unstyled.
  function swap(link, u, build) {
    var next = link.cloneNode();
    u.searchParams.set("dashgen", String(build) + "-" + Date.now());
    next.href = u.pathname + u.search;
    next.onload = next.onerror = function () { if (link.parentNode) link.parentNode.removeChild(link); };
    link.parentNode.insertBefore(next, link.nextSibling);
  }

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function place(p) {
    var where = p.file || "";
    if (p.line > 0) where += ":" + p.line + (p.column > 0 ? ":" + p.column : "");
    return where;
  }

  function overlay(msg) {
    var old = document.getElementById("dashgen-overlay");
    if (old) old.parentNode.removeChild(old);
    if (!msg.failure && !(msg.errors > 0)) { dismissed = null; return; }
    var key = JSON.stringify([msg.failure, msg.errors, msg.items]);
    if (dismissed === key) return;
    var box = el("div", "position:fixed;z-index:2147483647;left:16px;right:16px;bottom:16px;max-height:45vh;overflow:auto;"
      + "background:#1d1f24;color:#f1f3f5;border-left:5px solid #e5484d;border-radius:8px;padding:12px 16px;"
      + "font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 8px 30px rgba(0,0,0,.35)");
    box.id = "dashgen-overlay";
    box.setAttribute("role", "alert");
    var close = el("button", "float:right;background:none;border:1px solid #555;color:inherit;border-radius:4px;cursor:pointer;"
      + "font:inherit;padding:0 8px", "close");
    close.type = "button";
    close.onclick = function () { dismissed = key; box.parentNode.removeChild(box); };
    box.appendChild(close);
    var head = msg.failure ? "dashgen: the last change could not be built — the page shows the last good site"
      : "dashgen: " + msg.errors + (msg.errors === 1 ? " error" : " errors") + " in the task files";
    if (msg.warnings > 0) head += " (" + msg.warnings + (msg.warnings === 1 ? " warning" : " warnings") + ")";
    box.appendChild(el("strong", "display:block;margin-bottom:6px;color:#ff8f8f", head));
    if (msg.failure) box.appendChild(el("pre", "white-space:pre-wrap;margin:0 0 6px", msg.failure)).className = "dashgen-failure";
    var list = el("ul", "margin:0;padding-left:18px");
    (msg.items || []).forEach(function (p) {
      var li = el("li", "margin:2px 0");
      li.className = "dashgen-problem";
      li.appendChild(el("span", "color:#8fc7ff", place(p)));
      li.appendChild(document.createTextNode(" " + p.message));
      list.appendChild(li);
    });
    if (msg.errors > (msg.items || []).length) {
      list.appendChild(el("li", "list-style:none;color:#aaa", "… and " + (msg.errors - msg.items.length) + " more on problems.html"));
    }
    box.appendChild(list);
    (document.body || document.documentElement).appendChild(box);
  }

  // The board's activity feed: task moves as the server saw them, newest first.
  function activity(moves) {
    if (!document.body || document.body.getAttribute("data-page") !== "board") return;
    var feed = document.getElementById("dashgen-activity");
    if (!moves.length) { if (feed) feed.parentNode.removeChild(feed); return; }
    if (!feed) {
      feed = el("aside", "margin:0 0 12px;padding:8px 12px;border:1px solid var(--border,#d9dde5);border-radius:8px;"
        + "background:var(--panel,#fff);font-size:12.5px;max-height:9.5em;overflow:auto");
      feed.id = "dashgen-activity";
      feed.setAttribute("aria-live", "polite");
      var board = document.getElementById("board");
      var parent = board ? board.parentNode : document.querySelector("main") || document.body;
      parent.insertBefore(feed, board || parent.firstChild);
    }
    feed.textContent = "";
    feed.appendChild(el("strong", "display:block;margin-bottom:4px", "Activity"));
    var list = el("ol", "margin:0;padding-left:0;list-style:none");
    moves.forEach(function (m) {
      var what = m.from && m.to ? m.from + " → " + m.to : m.to ? "new in " + m.to : "left " + m.from;
      var li = el("li", "margin:1px 0");
      li.className = "dashgen-move";
      li.setAttribute("data-id", m.id);
      li.appendChild(el("time", "color:var(--muted,#667085);margin-right:6px", new Date(m.at).toLocaleTimeString()));
      li.appendChild(el("strong", "", m.title || m.id));
      li.appendChild(document.createTextNode(" (" + m.id + ") " + what));
      list.appendChild(li);
    });
    feed.appendChild(list);
  }

  connect();
})();
