package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Derives a {@link CostReport} from a finished {@link Tally}: pure, and sorted wherever order shows. */
final class ReportBuilder {

    private static final int TOP_MESSAGES = 5;

    private final Tally tally;
    private final Names models;
    private final Names agents;
    private final Names tools;
    private final Instant now;
    private final int reportDays;
    private final long today;

    ReportBuilder(Tally tally, Names models, Names agents, Names tools, Instant now, int reportDays) {
        this.tally = tally;
        this.models = models;
        this.agents = agents;
        this.tools = tools;
        this.now = now;
        this.reportDays = reportDays;
        this.today = Math.floorDiv(now.getEpochSecond(), 86_400);
    }

    /**
     * @param invocationIds {@code invocation_id} by row number for the top list (missing ones show as
     *                      "row N")
     * @param bucketSeconds the bucket width of {@link Tally#buckets}
     */
    CostReport build(boolean fromDailyCostsOnly, boolean hasCacheTokens, Map<Long, String> invocationIds,
                     int bucketSeconds) {
        Sum total = new Sum();
        TreeMap<Long, Sum> byDay = new TreeMap<>();
        Map<Long, Sum> dailyByModel = new HashMap<>();
        Map<Long, Sum> dailyByAgent = new HashMap<>();
        Sum[] byModel = sums(tally.byModel, models, dailyByModel);
        Sum[] byAgent = sums(tally.byAgent, agents, dailyByAgent);
        Sum[] byTool = sums(tally.byTool, tools, null);
        tally.byModel.forEach((day, code, sums, at) -> {
            total.add(sums, at);
            byDay.computeIfAbsent(day, d -> new Sum()).add(sums, at);
        });
        return new CostReport(now, reportDays, fromDailyCostsOnly, hasCacheTokens, kpis(byDay), total.usage(),
                daily(dailyByModel, models, DailyCost::new), monthly(byDay),
                breakdown(byModel, models, tally.modelLatency), breakdown(byAgent, agents, tally.agentLatency),
                breakdown(byTool, tools, tally.toolLatency),
                fromDailyCostsOnly ? List.of() : errors(byModel), top(invocationIds),
                daily(dailyByAgent, agents, AgentDailyCost::new), tally.buckets.series(agents, bucketSeconds),
                taskCosts());
    }

    /** Per-code totals of one cube, and per (day, code) for the report days when {@code daily} is given. */
    private Sum[] sums(Cube cube, Names names, Map<Long, Sum> daily) {
        Sum[] sums = new Sum[names.codeLimit()];
        for (int i = 0; i < sums.length; i++) sums[i] = new Sum();
        long firstReportDay = today - reportDays + 1;
        cube.forEach((day, code, cells, at) -> {
            sums[code].add(cells, at);
            if (daily != null && day >= firstReportDay) daily.computeIfAbsent(day << 16 | code, d -> new Sum()).add(cells, at);
        });
        return sums;
    }

    private Kpis kpis(TreeMap<Long, Sum> byDay) {
        YearMonth month = YearMonth.from(LocalDate.ofEpochDay(today));
        long allTime = 0;
        long thisMonth = 0;
        long last7 = 0;
        long last30 = 0;
        for (Map.Entry<Long, Sum> e : byDay.entrySet()) {
            long day = e.getKey();
            long units = e.getValue().units;
            allTime += units;
            if (YearMonth.from(LocalDate.ofEpochDay(day)).equals(month)) thisMonth += units;
            if (day > today - 7) last7 += units;
            if (day > today - 30) last30 += units;
        }
        Sum todays = byDay.get(today);
        BigDecimal projected = BigDecimal.valueOf(thisMonth, 9)
                .multiply(BigDecimal.valueOf(month.lengthOfMonth()))
                .divide(BigDecimal.valueOf(LocalDate.ofEpochDay(today).getDayOfMonth()), Money.SCALE,
                        RoundingMode.HALF_EVEN);
        return new Kpis(Money.usd(allTime), Money.usd(thisMonth), Money.usd(todays == null ? 0L : todays.units),
                Money.usd(last7), Money.usd(last30), projected);
    }

    private interface DayRow<T> {
        T make(LocalDate date, String name, Usage usage);
    }

    private static <T> List<T> daily(Map<Long, Sum> cells, Names names, DayRow<T> row) {
        List<Long> keys = new ArrayList<>(cells.keySet());
        keys.sort(Comparator.<Long>comparingLong(k -> k >>> 16).thenComparing(k -> names.name((int) (k & 0xFFFF))));
        List<T> out = new ArrayList<>(keys.size());
        for (long k : keys) {
            out.add(row.make(LocalDate.ofEpochDay(k >>> 16), names.name((int) (k & 0xFFFF)), cells.get(k).usage()));
        }
        return out;
    }

    private static List<MonthlyCost> monthly(TreeMap<Long, Sum> byDay) {
        TreeMap<YearMonth, Sum> months = new TreeMap<>();
        byDay.forEach((day, sum) -> months.computeIfAbsent(YearMonth.from(LocalDate.ofEpochDay(day)), m -> new Sum())
                .add(sum));
        List<MonthlyCost> out = new ArrayList<>();
        months.forEach((month, sum) -> out.add(new MonthlyCost(month, sum.usage())));
        return out;
    }

    private static List<Breakdown> breakdown(Sum[] sums, Names names, LatencyHistogram histogram) {
        Latency[] latency = histogram.latencies(sums.length);
        List<Breakdown> out = new ArrayList<>();
        for (int code : names.codesByName()) {
            if (sums[code].invocations > 0) out.add(new Breakdown(names.name(code), sums[code].usage(), latency[code]));
        }
        out.sort(Comparator.comparing((Breakdown b) -> b.usage().cost()).reversed().thenComparing(Breakdown::name));
        return out;
    }

    private List<ModelErrors> errors(Sum[] byModel) {
        Map<Integer, List<ModelErrors.ErrorMessage>> messages = new HashMap<>();
        tally.errors.forEach((key, count) -> messages.computeIfAbsent(key.model(), m -> new ArrayList<>())
                .add(new ModelErrors.ErrorMessage(key.message(), count[0])));
        List<ModelErrors> out = new ArrayList<>();
        for (int code : models.codesByName()) {
            Sum sum = byModel[code];
            if (sum.invocations == 0) continue;
            List<ModelErrors.ErrorMessage> top = messages.getOrDefault(code, List.of()).stream()
                    .sorted(Comparator.comparingLong(ModelErrors.ErrorMessage::count).reversed()
                            .thenComparing(ModelErrors.ErrorMessage::message))
                    .limit(TOP_MESSAGES).toList();
            out.add(new ModelErrors(models.name(code), sum.invocations, sum.errors,
                    (double) sum.errors / sum.invocations, top));
        }
        out.sort(Comparator.comparingLong(ModelErrors::errors).reversed().thenComparing(ModelErrors::model));
        return out;
    }

    private List<TopInvocation> top(Map<Long, String> invocationIds) {
        Function<Long, String> id = row -> invocationIds.getOrDefault(row, "row " + row);
        return tally.top.entries().stream().map(e -> new TopInvocation(id.apply(e.rowId()),
                Instant.ofEpochSecond(e.second()), models.name(e.model()), agents.name(e.agent()), tools.name(e.tool()),
                Money.usd(e.units()), e.prompt(), e.completion(), e.tokens(), e.latencyMs(), e.error())).toList();
    }

    private TreeMap<String, BigDecimal> taskCosts() {
        TreeMap<String, BigDecimal> out = new TreeMap<>();
        tally.tasks.forEach((task, units) -> out.put(task, Money.usd(units[0])));
        return out;
    }
}
