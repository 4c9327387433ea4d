package dev.dashgen.site;

import dev.dashgen.metrics.Usd;
import dev.dashgen.metrics.Numbers;
import dev.dashgen.metrics.Excluded;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.metrics.Forecast;
import dev.dashgen.tasks.Lane;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code flow.html} (PRODUCT.md §4.4): lead and cycle time with a cycle-time scatter and its percentile lines,
 * weekly throughput, cumulative flow, aging work in progress, WIP per agent and the forecast with its LLM cost.
 * Charts are ECharts (assets/flow.js) from data embedded in the page, so they draw from file:// too; every chart has
 * a table under it that needs no JavaScript. Long tables show their first {@value #MAX_ROWS} rows; data/flow.json
 * has them all.
 */
final class FlowPage implements PageKind {
    static final int MAX_ROWS = 500;
    private static final List<Lane> COMMITTED = List.of(Lane.ASSIGNED, Lane.IN_PROGRESS, Lane.BLOCKED);

    record Tile(String id, String label, String value, String note) {}

    /** A task named in a table: a link when its page is known. */
    record TaskRef(String id, String url) {}

    record Finished(TaskRef task, String finished, String cycle, String lead) {}

    record Percentiles(String name, String count, String p50, String p85, String p95) {}

    record Week(String week, String count) {}

    record Cfd(String date, String arrived, String committed, String started, String finished) {}

    record Aging(TaskRef task, String lane, String agent, String age, String pace) {}

    record Wip(String agent, String wip, String limit, boolean over) {}

    record HowMany(String by, String p50, String p85, String p95) {}

    /** A "when done" percentile: the share of trials, the date by which they were done, the cost at that share. */
    record Done(String share, String date, String cost) {}

    record Left(TaskRef task, String metric, String reason) {}

    /** A table's rows, at most {@value #MAX_ROWS}, and how many more there are. */
    record Rows<T>(List<T> shown, int more) {
        static <T> Rows<T> of(List<T> all) {
            return new Rows<>(all.subList(0, Math.min(all.size(), MAX_ROWS)), Math.max(0, all.size() - MAX_ROWS));
        }
    }


    @Override
    public java.util.Set<Reads> reads() {
        return java.util.EnumSet.of(Reads.FLOW, Reads.HISTORY, Reads.COSTS, Reads.FILES);
    }

    /** Flow metrics cost more than an edit's budget at 10,000 tasks: they follow the pages the edit is about. */
    @Override
    public boolean deferred() {
        return true;
    }

    /** {@code flow.html} and {@code data/flow.json}. */
    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        FlowReport report = m.flow();
        // The page and its data file read the same report and nothing else of each other: made side by side.
        CompletableFuture<Content> json = CompletableFuture.supplyAsync(
                () -> ctx.caches().pages.get(FlowData.PATH, report, () -> Content.of(FlowData.json(report))));
        out.put("flow.html", ctx.caches().pages.get("flow.html", List.of(m.meta(), report, m.workspace().slugs()),
                () -> Content.of(render(m.theme(), m.meta(), report, urls(m)))));
        out.put(FlowData.PATH, json.join());
    }

    /** Each task's page by its file, for links; made only when the page is rendered, since it walks every task. */
    private static Map<String, String> urls(SiteModel m) {
        Map<String, String> urls = new HashMap<>(2 * m.views().size());
        for (TaskView v : m.views()) urls.put(v.task().file(), v.url());
        return urls;
    }

    static byte[] render(Theme theme, Chrome.SiteMeta meta, FlowReport report) {
        return render(theme, meta, report, Map.of());
    }

    /** @param urlByFile task page URL (relative to the site root) by task file, for links; tasks not in it show unlinked */
    static byte[] render(Theme theme, Chrome.SiteMeta meta, FlowReport r, Map<String, String> urlByFile) {
        Map<String, String> urlById = new HashMap<>();
        for (FlowReport.Item i : r.items()) urlById.putIfAbsent(i.id(), urlByFile.get(i.file()));
        Map<String, Object> c = Chrome.context(meta, "", "Flow", "flow");
        c.put("r", r);
        c.put("tiles", tiles(r));
        List<FlowReport.Item> finished = finishedInWindow(r);
        c.put("finished", Rows.of(finished.stream().map(i -> new Finished(new TaskRef(i.id(), urlByFile.get(i.file())),
                i.dates().finished().toString(), days(i.cycleDays()), days(i.leadDays()))).toList()));
        c.put("percentiles", List.of(percentiles("Lead time", r.leadTime()), percentiles("Cycle time", r.cycleTime())));
        c.put("weeks", r.throughput().stream().map(w -> new Week(w.weekStart().toString(), Numbers.count(w.count()))).toList());
        c.put("cfd", r.cfd().stream().map(d -> new Cfd(d.date().toString(), Numbers.count(d.arrived()), Numbers.count(d.committed()),
                Numbers.count(d.started()), Numbers.count(d.finished()))).toList());
        c.put("aging", Rows.of(r.aging().stream().map(a -> new Aging(new TaskRef(a.id(), urlByFile.get(a.file())), a.lane().id(),
                a.agent() == null ? "" : a.agent(), days(a.ageDays()),
                a.pace() == null ? "" : "older than " + a.pace() + " % of finished tasks")).toList()));
        c.put("wip", r.wipByAgent().stream().map(w -> new Wip(w.agent(), Numbers.count(w.wip()),
                w.limit() == null ? "" : Numbers.count(w.limit()), w.over())).toList());
        c.put("excluded", Rows.of(r.excluded().stream().map(e -> left(e, urlById)).toList()));
        c.put("basisNote", basisNote(r.basis()));
        Forecast f = r.forecast();
        c.put("forecast", f);
        c.put("noForecast", r.noForecast());
        if (f != null) {
            Forecast.WhenDone w = f.whenDone();
            Forecast.Cost cost = w.cost();
            c.put("whenDone", List.of(new Done("50 %", date(w.p50()), cost == null ? "" : Usd.format(cost.p50())),
                    new Done("85 %", date(w.p85()), cost == null ? "" : Usd.format(cost.p85())),
                    new Done("95 %", date(w.p95()), cost == null ? "" : Usd.format(cost.p95()))));
            c.put("howMany", f.howMany().stream().map(h -> new HowMany(h.by().toString(), Numbers.count(h.p50()),
                    Numbers.count(h.p85()), Numbers.count(h.p95()))).toList());
            c.put("samples", f.samples().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""));
            c.put("capNote", f.unfinished() == 0 ? "" : Numbers.count(f.unfinished()) + " of " + Numbers.count(f.trials())
                    + " trials had not finished the open work after " + Numbers.count(f.capDays())
                    + " days (ten years), where a trial stops; a percentile that falls on them has no date.");
            c.put("costNote", f.costNote() == null ? "" : f.costNote());
        }
        c.put("chartData", ChartJson.of(charts(r, finished)));
        return theme.render("flow", c);
    }

    private static List<FlowReport.Item> finishedInWindow(FlowReport r) {
        return r.items().stream().filter(i -> i.cycleDays() != null && r.window().contains(i.dates().finished()))
                .sorted(java.util.Comparator.comparing((FlowReport.Item i) -> i.dates().finished()).reversed()
                        .thenComparing(FlowReport.Item::id))
                .toList();
    }

    private static List<Tile> tiles(FlowReport r) {
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile("lead-p85", "Lead time, 85 %", decimalDays(r.leadTime().p85()), r.leadTime().count() + " finished"));
        tiles.add(new Tile("cycle-p85", "Cycle time, 85 %", decimalDays(r.cycleTime().p85()), r.cycleTime().count() + " finished"));
        int done = r.throughput().stream().mapToInt(FlowReport.WeekCount::count).sum();
        tiles.add(new Tile("throughput", "Finished in window", Numbers.count(done), "last " + r.cfd().size() + " days"));
        long wip = r.items().stream().filter(i -> COMMITTED.contains(i.lane())).count();
        tiles.add(new Tile("wip", "Work in progress", Numbers.count(wip), "assigned, in progress, blocked"));
        Forecast f = r.forecast();
        if (f != null) {
            tiles.add(new Tile("done-by", "85 % done by", date(f.whenDone().p85()), Numbers.count(f.open()) + " open tasks"));
            if (f.whenDone().cost() != null) tiles.add(new Tile("cost", "LLM cost, 85 %", Usd.format(f.whenDone().cost().p85()), "of the open work"));
        }
        return tiles;
    }

    private static Percentiles percentiles(String name, FlowReport.Distribution d) {
        return new Percentiles(name, Numbers.count(d.count()), decimalDays(d.p50()), decimalDays(d.p85()), decimalDays(d.p95()));
    }

    private static Left left(Excluded e, Map<String, String> urlById) {
        return new Left(new TaskRef(e.id(), urlById.get(e.id())), e.metric(), e.reason());
    }

    private static String basisNote(FlowReport.Basis b) {
        if (!b.git()) {
            return "Stage dates come from the tasks' YAML timestamps alone: the work tree is not in a Git repository, or history is off.";
        }
        if (b.shallow()) {
            return "The repository is a shallow clone: its history stops after " + Numbers.count(b.commits()) + " commits, so tasks"
                    + " older than that seem to enter their lane at its oldest commit. Fetch the whole history (git fetch --unshallow)"
                    + " for earlier dates.";
        }
        return "";
    }

    private static String days(Integer n) {
        return n == null ? "" : n + (n == 1 ? " day" : " days");
    }

    private static String decimalDays(BigDecimal d) {
        return d == null ? "—" : d.toPlainString() + " d";
    }

    private static String date(LocalDate d) {
        return d == null ? "later than ten years from now" : d.toString();
    }

    /** Plain data for assets/flow.js: dates as YYYY-MM-DD, days as numbers. */
    private static Map<String, Object> charts(FlowReport r, List<FlowReport.Item> finished) {
        Map<String, Object> charts = new LinkedHashMap<>();
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("points", finished.stream().map(i -> List.of(i.dates().finished().toString(), i.cycleDays(), i.id())).toList());
        cycle.put("p50", r.cycleTime().p50());
        cycle.put("p85", r.cycleTime().p85());
        cycle.put("p95", r.cycleTime().p95());
        cycle.put("from", r.window().from().toString());
        cycle.put("to", r.window().to().toString());
        charts.put("cycle", cycle);
        charts.put("throughput", Map.of("labels", r.throughput().stream().map(w -> w.weekStart().toString()).toList(),
                "counts", r.throughput().stream().map(FlowReport.WeekCount::count).toList()));
        charts.put("cfd", Map.of("labels", r.cfd().stream().map(d -> d.date().toString()).toList(),
                "arrived", r.cfd().stream().map(FlowReport.CfdDay::arrived).toList(),
                "committed", r.cfd().stream().map(FlowReport.CfdDay::committed).toList(),
                "started", r.cfd().stream().map(FlowReport.CfdDay::started).toList(),
                "finished", r.cfd().stream().map(FlowReport.CfdDay::finished).toList()));
        Map<String, Object> aging = new LinkedHashMap<>();
        aging.put("lanes", COMMITTED.stream().map(Lane::id).toList());
        aging.put("points", r.aging().stream().map(a -> List.of(COMMITTED.indexOf(a.lane()), a.ageDays(), a.id())).toList());
        aging.put("p50", r.cycleTime().p50());
        aging.put("p85", r.cycleTime().p85());
        aging.put("p95", r.cycleTime().p95());
        charts.put("aging", aging);
        Map<String, Object> wip = new LinkedHashMap<>();
        wip.put("labels", r.wipByAgent().stream().map(FlowReport.AgentWip::agent).toList());
        wip.put("wip", r.wipByAgent().stream().map(FlowReport.AgentWip::wip).toList());
        wip.put("limit", r.wipByAgent().isEmpty() ? null : r.wipByAgent().get(0).limit());
        charts.put("wip", wip);
        Forecast f = r.forecast();
        if (f != null) {
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("labels", f.doneBy().keySet().stream().map(LocalDate::toString).toList());
            done.put("trials", List.copyOf(f.doneBy().values()));
            done.put("p50", f.whenDone().p50() == null ? null : f.whenDone().p50().toString());
            done.put("p85", f.whenDone().p85() == null ? null : f.whenDone().p85().toString());
            done.put("p95", f.whenDone().p95() == null ? null : f.whenDone().p95().toString());
            charts.put("forecast", done);
            charts.put("howMany", Map.of("labels", f.howMany().stream().map(h -> h.by().toString()).toList(),
                    "p50", f.howMany().stream().map(Forecast.HowMany::p50).toList(),
                    "p85", f.howMany().stream().map(Forecast.HowMany::p85).toList(),
                    "p95", f.howMany().stream().map(Forecast.HowMany::p95).toList()));
        }
        return charts;
    }
}
