// dashgen default theme: draws flow.html's charts with Apache ECharts from the data embedded in
// <script type="application/json" id="dashgen-charts">. Without JavaScript the tables stay open.
(function () {
  "use strict";
  var holder = document.getElementById("dashgen-charts");
  if (!holder || typeof echarts === "undefined") return;
  var data = JSON.parse(holder.textContent);
  var dark = document.documentElement.dataset.theme
    ? document.documentElement.dataset.theme === "dark"
    : window.matchMedia("(prefers-color-scheme: dark)").matches;
  var base = { backgroundColor: "transparent", animation: false, textStyle: { fontFamily: "system-ui, sans-serif" },
    grid: { left: 56, right: 96, top: 40, bottom: 40, containLabel: true }, tooltip: { trigger: "axis" } };
  var shades = { p50: "#039855", p85: "#dc6803", p95: "#d92d20" };

  // Horizontal lines at the 50/85/95 % cycle times, labelled at the right end.
  function percentileLines(d) {
    var lines = [];
    ["p50", "p85", "p95"].forEach(function (k) {
      if (d[k] !== null && d[k] !== undefined) {
        lines.push({ name: k.substring(1) + " %", yAxis: Number(d[k]), lineStyle: { color: shades[k], type: "dashed" },
          label: { formatter: "{b}: {c} d", position: "end", color: shades[k] } });
      }
    });
    return { symbol: "none", silent: true, data: lines };
  }

  function dateLines(d) {
    var lines = [];
    ["p50", "p85", "p95"].forEach(function (k) {
      if (d[k]) lines.push({ name: k.substring(1) + " %", xAxis: d[k], lineStyle: { color: shades[k], type: "dashed" },
        label: { formatter: "{b}", color: shades[k] } });
    });
    return { symbol: "none", silent: true, data: lines };
  }

  var builders = {
    cycle: function (d) {
      return { tooltip: { trigger: "item", formatter: function (p) { return p.value[2] + "<br>" + p.value[0] + ": " + p.value[1] + " d"; } },
        xAxis: { type: "time", min: d.from, max: d.to }, yAxis: { type: "value", name: "days", minInterval: 1 },
        series: [{ name: "cycle time", type: "scatter", symbolSize: 8, data: d.points, markLine: percentileLines(d) }] };
    },
    throughput: function (d) {
      return { xAxis: { type: "category", data: d.labels }, yAxis: { type: "value", minInterval: 1 },
        series: [{ name: "finished", type: "bar", data: d.counts }] };
    },
    cfd: function (d) {
      var series = ["arrived", "committed", "started", "finished"].map(function (k) {
        return { name: k, type: "line", showSymbol: false, areaStyle: { opacity: 0.25 }, data: d[k] };
      });
      return { legend: { top: 0 }, xAxis: { type: "category", data: d.labels, boundaryGap: false },
        yAxis: { type: "value", minInterval: 1 }, series: series };
    },
    aging: function (d) {
      return { tooltip: { trigger: "item", formatter: function (p) { return p.value[2] + "<br>" + p.value[1] + " d"; } },
        xAxis: { type: "category", data: d.lanes }, yAxis: { type: "value", name: "days", minInterval: 1 },
        series: [{ name: "age", type: "scatter", symbolSize: 9, data: d.points, markLine: percentileLines(d) }] };
    },
    wip: function (d) {
      var series = { name: "WIP", type: "bar", data: d.wip };
      if (d.limit !== null && d.limit !== undefined) {
        series.markLine = { symbol: "none", silent: true, data: [{ name: "limit", yAxis: d.limit,
          lineStyle: { color: shades.p95, type: "dashed" }, label: { formatter: "limit {c}", position: "end" } }] };
      }
      return { xAxis: { type: "category", data: d.labels }, yAxis: { type: "value", minInterval: 1 }, series: [series] };
    },
    forecast: function (d) {
      return { xAxis: { type: "category", data: d.labels }, yAxis: { type: "value", name: "trials" },
        series: [{ name: "trials done that day", type: "bar", data: d.trials, markLine: dateLines(d) }] };
    },
    howMany: function (d) {
      return { legend: { top: 0 }, xAxis: { type: "category", data: d.labels }, yAxis: { type: "value", minInterval: 1 },
        series: ["p50", "p85", "p95"].map(function (k) {
          return { name: k.substring(1) + " %: at least", type: "bar", data: d[k], itemStyle: { color: shades[k] } };
        }) };
    }
  };

  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var kind = el.dataset.chart, d = data[kind];
    if (!d || !builders[kind]) return;
    var chart = echarts.init(el, dark ? "dark" : null, { renderer: "canvas" });
    chart.setOption(Object.assign({}, base, builders[kind](d)));
    charts.push(chart);
    // The table right under a drawn chart folds away; it stays one click off.
    var next = el.nextElementSibling;
    if (next && next.matches("details.fallback")) next.open = false;
  });
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
