package dev.dashgen.site;

import dev.dashgen.metrics.Numbers;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.metrics.Usd;
import dev.dashgen.telemetry.Breakdown;
import dev.dashgen.telemetry.CostReport;
import dev.dashgen.telemetry.DailyCost;
import dev.dashgen.telemetry.Kpis;
import dev.dashgen.telemetry.ModelErrors;
import dev.dashgen.telemetry.MonthlyCost;
import dev.dashgen.telemetry.TopInvocation;
import dev.dashgen.telemetry.Usage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code costs.html}: KPI tiles, the budget gauge, charts (ECharts) and, for each chart, a table that needs no JavaScript. */
final class CostsPage implements PageKind {

    static final List<String> FILES = List.of("costs.html", "data/costs.json", "data/costs-daily.csv");

    @Override
    public java.util.Set<Reads> reads() {
        return java.util.EnumSet.of(Reads.COSTS);
    }

    /** {@code costs.html} and the cost data files, or none of them without usable telemetry. */
    @Override
    public void render(PageContext ctx, PageOutput out) {
        CostModel costs = ctx.model().costs();
        if (!costs.available()) {
            if (ctx.previous() != null && ctx.previous().costs().available()) FILES.forEach(out::remove);
            return;
        }
        Chrome.SiteMeta meta = ctx.meta();
        List<Object> key = List.of(meta, costs.report(), costs.budget());
        out.put("costs.html", ctx.caches().pages.get("costs.html", key,
                () -> Content.of(render(ctx.theme(), meta, costs.report(), costs.budget()))));
        out.put("data/costs.json", ctx.caches().pages.get("data/costs.json", key,
                () -> Content.of(CostData.json(costs.report(), costs.budget()))));
        out.put("data/costs-daily.csv", ctx.caches().pages.get("data/costs-daily.csv", key,
                () -> Content.of(CostData.csv(costs.report()))));
    }

    /** A KPI tile. */
    record Tile(String id, String label, String value) {}

    /** A row of a by-model/agent/tool table, formatted. */
    record Row(String name, String cost, String tokens, String prompt, String completion, String cacheRead,
               String cacheCreation, String invocations, String errors, String errorRate, String p50, String p95) {}

    /** A row of the daily, monthly and top tables, formatted. */
    record Line(String when, String name, String cost, String tokens, String invocations, String extra) {}

    /** A model's errors with its most frequent messages. */
    record Errors(String model, String errors, String rate, List<ModelErrors.ErrorMessage> messages) {}

    static byte[] render(Theme theme, Chrome.SiteMeta meta, CostReport r, BudgetView budget) {
        Map<String, Object> c = Chrome.context(meta, "", "Costs", "costs");
        Kpis k = r.kpis();
        c.put("tiles", List.of(new Tile("all-time", "All time", Usd.format(k.allTime())),
                new Tile("month", "This month", Usd.format(k.month())),
                new Tile("today", "Today", Usd.format(k.today())),
                new Tile("last-7", "Last 7 days", Usd.format(k.last7Days())),
                new Tile("last-30", "Last 30 days", Usd.format(k.last30Days())),
                new Tile("projected", "Projected month end", Usd.format(k.projectedMonth()))));
        c.put("report", r);
        c.put("totalInvocations", Numbers.count(r.total().invocations()));
        c.put("daily", r.daily().stream().map(d -> new Line(d.date().toString(), d.model(), Usd.format(d.usage().cost()),
                Numbers.count(d.usage().tokens()), Numbers.count(d.usage().invocations()), "")).toList());
        c.put("monthly", r.monthly().stream().map(m -> new Line(m.month().toString(), "", Usd.format(m.usage().cost()),
                Numbers.count(m.usage().tokens()), Numbers.count(m.usage().invocations()), "")).toList());
        c.put("byModel", rows(r.byModel()));
        c.put("byAgent", rows(r.byAgent()));
        c.put("byTool", rows(r.byTool()));
        c.put("errors", r.errorsByModel().stream().map(e -> new Errors(e.model(), Numbers.count(e.errors()),
                Numbers.percent(e.rate()), e.topMessages())).toList());
        c.put("top", r.top().stream().map(t -> new Line(t.timestamp().toString(), t.model(), Usd.format(t.cost()),
                Numbers.count(t.tokens()), t.agent() + " · " + t.tool(), Numbers.millis(t.latencyMs()) + (t.error() ? " · error" : ""))).toList());
        c.put("budget", budget);
        c.put("chartData", ChartJson.of(charts(r, budget)));
        return theme.render("costs", c);
    }

    static List<Row> rows(List<Breakdown> list) {
        return list.stream().map(b -> {
            Usage u = b.usage();
            return new Row(b.name(), Usd.format(u.cost()), Numbers.count(u.tokens()), Numbers.count(u.promptTokens()),
                    Numbers.count(u.completionTokens()), Numbers.count(u.cacheReadTokens()),
                    Numbers.count(u.cacheCreationTokens()), Numbers.count(u.invocations()), Numbers.count(u.errors()),
                    Numbers.percent(u.errorRate()), Numbers.millis(b.latency() == null ? null : b.latency().p50Ms()),
                    Numbers.millis(b.latency() == null ? null : b.latency().p95Ms()));
        }).toList();
    }

    /** Plain data for assets/charts.js; amounts in dollars as numbers. */
    private static Map<String, Object> charts(CostReport r, BudgetView budget) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("daily", daily(r));
        charts.put("monthly", Map.of("labels", r.monthly().stream().map(m -> m.month().toString()).toList(),
                "cost", r.monthly().stream().map(m -> m.usage().cost()).toList()));
        charts.put("byModel", bars(r.byModel()));
        charts.put("byAgent", bars(r.byAgent()));
        charts.put("byTool", bars(r.byTool()));
        if (!r.fromDailyCostsOnly()) {
            Map<String, Object> tokens = new LinkedHashMap<>();
            tokens.put("labels", r.byModel().stream().map(Breakdown::name).toList());
            tokens.put("prompt", r.byModel().stream().map(b -> b.usage().promptTokens()).toList());
            tokens.put("completion", r.byModel().stream().map(b -> b.usage().completionTokens()).toList());
            if (r.hasCacheTokens()) {
                tokens.put("cacheRead", r.byModel().stream().map(b -> b.usage().cacheReadTokens()).toList());
                tokens.put("cacheCreation", r.byModel().stream().map(b -> b.usage().cacheCreationTokens()).toList());
            }
            charts.put("tokens", tokens);
            charts.put("errors", Map.of("labels", r.errorsByModel().stream().map(ModelErrors::model).toList(),
                    "rate", r.errorsByModel().stream().map(e -> Math.round(e.rate() * 10000) / 100.0).toList()));
            List<Breakdown> withLatency = r.byModel().stream().filter(b -> b.latency() != null).toList();
            charts.put("latency", Map.of("labels", withLatency.stream().map(Breakdown::name).toList(),
                    "p50", withLatency.stream().map(b -> b.latency().p50Ms()).toList(),
                    "p95", withLatency.stream().map(b -> b.latency().p95Ms()).toList()));
        }
        if (budget.monthlyUsd() != null && budget.used() != null) {
            charts.put("budget", Map.of("used", budget.used(), "limit", budget.monthlyUsd(), "warnAt", budget.warnAt()));
        }
        return charts;
    }

    private static Map<String, Object> bars(List<Breakdown> list) {
        return Map.of("labels", list.stream().map(Breakdown::name).toList(),
                "cost", list.stream().map(b -> b.usage().cost()).toList());
    }

    /** Every day of the window (zero where nothing was spent), one stacked series per model. */
    private static Map<String, Object> daily(CostReport r) {
        LocalDate last = r.now().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        LocalDate first = last.minusDays(r.reportDays() - 1L);
        List<String> dates = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) dates.add(d.toString());
        TreeSet<String> models = new TreeSet<>();
        Map<String, BigDecimal> cell = new TreeMap<>();
        for (DailyCost d : r.daily()) {
            models.add(d.model());
            cell.put(d.date() + "|" + d.model(), d.usage().cost());
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (String model : models) {
            series.add(Map.of("name", model, "data",
                    dates.stream().map(d -> cell.getOrDefault(d + "|" + model, BigDecimal.ZERO)).toList()));
        }
        return Map.of("labels", dates, "series", series);
    }


}
