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

  function apply() {
    var a = agent.value, p = priority.value, q = text.value.trim().toLowerCase();
    var cards = document.querySelectorAll("[data-filter-item]"), shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var c = cards[i];
      var ok = (!a || c.dataset.agent === a) && (!p || c.dataset.priority === p)
        && (!q || c.dataset.text.indexOf(q) >= 0);
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
