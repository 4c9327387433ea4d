// dashgen default theme: draws the charts of a page with Apache ECharts from the data embedded in
// <script type="application/json" id="dashgen-charts">. Without JavaScript the tables stay open.
(function () {
  "use strict";
  var holder = document.getElementById("dashgen-charts");
  if (!holder || typeof echarts === "undefined") return;
  var data = JSON.parse(holder.textContent);
  var dark = document.documentElement.dataset.theme
    ? document.documentElement.dataset.theme === "dark"
    : window.matchMedia("(prefers-color-scheme: dark)").matches;
  var money = function (v) { return "$" + Number(v).toFixed(2); };
  var base = { backgroundColor: "transparent", animation: false, textStyle: { fontFamily: "system-ui, sans-serif" },
    grid: { left: 64, right: 24, top: 40, bottom: 40, containLabel: true }, tooltip: { trigger: "axis" } };

  function bars(d, name) {
    return { xAxis: { type: "value", axisLabel: { formatter: money } }, yAxis: { type: "category", data: d.labels, inverse: true },
      tooltip: { trigger: "axis", valueFormatter: money }, series: [{ name: name, type: "bar", data: d.cost }] };
  }

  var builders = {
    daily: function (d) {
      return { legend: { top: 0 }, tooltip: { trigger: "axis", valueFormatter: money },
        xAxis: { type: "category", data: d.labels }, yAxis: { type: "value", axisLabel: { formatter: money } },
        series: d.series.map(function (s) { return { name: s.name, type: "bar", stack: "cost", data: s.data }; }) };
    },
    monthly: function (d) {
      return { tooltip: { trigger: "axis", valueFormatter: money }, xAxis: { type: "category", data: d.labels },
        yAxis: { type: "value", axisLabel: { formatter: money } }, series: [{ name: "cost", type: "bar", data: d.cost }] };
    },
    byModel: function (d) { return bars(d, "cost"); },
    byAgent: function (d) { return bars(d, "cost"); },
    byTool: function (d) { return bars(d, "cost"); },
    agentDaily: function (d) {
      return { tooltip: { trigger: "axis", valueFormatter: money }, xAxis: { type: "category", data: d.labels },
        yAxis: { type: "value", axisLabel: { formatter: money } }, series: [{ name: "cost", type: "bar", data: d.cost }] };
    },
    tokens: function (d) {
      var series = [{ name: "prompt", type: "bar", stack: "t", data: d.prompt }, { name: "completion", type: "bar", stack: "t", data: d.completion }];
      if (d.cacheRead) series.push({ name: "cache read", type: "bar", stack: "t", data: d.cacheRead });
      if (d.cacheCreation) series.push({ name: "cache write", type: "bar", stack: "t", data: d.cacheCreation });
      return { legend: { top: 0 }, xAxis: { type: "value" }, yAxis: { type: "category", data: d.labels, inverse: true }, series: series };
    },
    errors: function (d) {
      return { tooltip: { trigger: "axis", valueFormatter: function (v) { return v + " %"; } },
        xAxis: { type: "value", axisLabel: { formatter: "{value} %" } }, yAxis: { type: "category", data: d.labels, inverse: true },
        series: [{ name: "error rate", type: "bar", data: d.rate }] };
    },
    latency: function (d) {
      return { legend: { top: 0 }, tooltip: { trigger: "axis", valueFormatter: function (v) { return v + " ms"; } },
        xAxis: { type: "value", axisLabel: { formatter: "{value} ms" } }, yAxis: { type: "category", data: d.labels, inverse: true },
        series: [{ name: "p50", type: "bar", data: d.p50 }, { name: "p95", type: "bar", data: d.p95 }] };
    },
    budget: function (d) {
      var pct = d.limit > 0 ? Math.round(d.used / d.limit * 1000) / 10 : 100;
      return { tooltip: { show: false }, series: [{ type: "gauge", min: 0, max: Math.max(100, Math.ceil(pct / 10) * 10),
        axisLine: { lineStyle: { width: 14, color: [[d.warnAt * 100 / Math.max(100, Math.ceil(pct / 10) * 10), "#039855"],
          [100 / Math.max(100, Math.ceil(pct / 10) * 10), "#dc6803"], [1, "#d92d20"]] } },
        detail: { formatter: "{value} %", fontSize: 18 }, data: [{ value: pct, name: "of budget" }] }] };
    }
  };

  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var kind = el.dataset.chart, d = data[kind];
    if (!d || !builders[kind]) return;
    var chart = echarts.init(el, dark ? "dark" : null, { renderer: "canvas" });
    chart.setOption(Object.assign({}, base, builders[kind](d)));
    charts.push(chart);
    var details = el.parentNode.querySelector("details.fallback");
    if (details) details.open = false;
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
