// dashgen default theme: theme toggle and board filters. No dependencies; works from file://.
(function () {
  "use strict";

  var root = document.documentElement;
  var toggle = document.getElementById("theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("dashgen-theme", root.dataset.theme); } catch (e) { /* private mode */ }
    });
  }

  var form = document.getElementById("filters");
  if (!form) return;
  var agent = document.getElementById("filter-agent");
  var priority = document.getElementById("filter-priority");
  var text = document.getElementById("filter-text");
  var count = document.getElementById("filter-count");

  // The filter lives in the URL (?agent=&priority=&q=) so a filtered board or lane page can be shared.
  var params = new URLSearchParams(location.search);
  agent.value = params.get("agent") || "";
  if (agent.value !== (params.get("agent") || "")) {
    var missing = document.createElement("option");
    missing.value = missing.textContent = params.get("agent");
    agent.appendChild(missing);
    agent.value = params.get("agent");
  }
  priority.value = params.get("priority") || "";
  text.value = params.get("q") || "";

  // What a card or row shows, and its labels: the text filter looks in both. Read once per element.
  function searchText(item) {
    if (item.dashgenText === undefined) {
      item.dashgenText = (item.textContent + " " + (item.dataset.labels || "")).replace(/\s+/g, " ").toLowerCase();
    }
    return item.dashgenText;
  }

  // Rows carry their priority in data-priority; cards only in their prio-* class.
  function priorityOf(item) {
    if (item.dataset.priority) return item.dataset.priority;
    var m = /\bprio-(\w+)/.exec(item.className);
    return m ? m[1] : "";
  }

  function apply() {
    var a = agent.value, p = priority.value, q = text.value.trim().toLowerCase();
    var cards = document.querySelectorAll("[data-filter-item]"), shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      var ok = (!a || c.dataset.agent === a) && (!p || priorityOf(c) === p)
        && (!q || searchText(c).indexOf(q) >= 0);
      c.classList.toggle("filtered-out", !ok);
      if (ok) shown++;
    }
    count.textContent = (a || p || q) ? shown + " of " + cards.length + " " + (form.dataset.noun || "cards") : "";
    var next = new URLSearchParams();
    if (a) next.set("agent", a);
    if (p) next.set("priority", p);
    if (q) next.set("q", text.value.trim());
    var query = next.toString();
    try {
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (e) { /* some browsers refuse replaceState on file:// */ }
  }

  agent.addEventListener("change", apply);
  priority.addEventListener("change", apply);
  text.addEventListener("input", apply);
  apply();
})();
