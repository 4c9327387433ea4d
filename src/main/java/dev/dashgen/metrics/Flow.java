package dev.dashgen.metrics;

import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.history.Transition;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Flow metrics and the forecast (PRODUCT.md §4.4) as one pure function of the tasks, their history, now, the config
 * and the cost per task. No clock, no disk; the same inputs give an equal report.
 */
public final class Flow {
    /** Lanes of open committed work: aging WIP and WIP per agent. */
    static final Set<Lane> COMMITTED = EnumSet.of(Lane.ASSIGNED, Lane.IN_PROGRESS, Lane.BLOCKED);
    /** Lanes of open work: N in the forecast. */
    static final Set<Lane> OPEN = EnumSet.of(Lane.INBOX, Lane.ASSIGNED, Lane.IN_PROGRESS, Lane.BLOCKED);

    /** The metric named for a finished task left out of the cost forecast. */
    private static final String NO_COST = "forecast";

    private Flow() {}

    /**
     * @param tasks   every task of the work tree, in the order the report lists them (the workspace's)
     * @param history the work tree's history, or {@link History#ABSENT}: then YAML timestamps alone
     * @param now     the moment the report is as of; today is its calendar day in {@code config.timezone()}
     * @param config  {@code timezone}, {@code report_days}, {@code flow.agent_wip_limit} and {@code forecast} are read
     * @param costs   USD per task file (relative to the work tree), or null without telemetry
     */
    public static FlowReport compute(List<Task> tasks, History history, Instant now, Config config,
                                     Map<String, BigDecimal> costs) {
        return compute(tasks, history, now, config, costs, MonteCarlo::run);
    }

    /**
     * As {@link #compute(List, History, Instant, Config, Map)}, with the trials run by {@code forecaster}: the
     * engine may pass one that returns the forecast it made for equal {@link MonteCarlo.Inputs} last time, since the
     * trials are most of the cost and most edits leave their inputs as they were.
     */
    public static FlowReport compute(List<Task> tasks, History history, Instant now, Config config,
                                     Map<String, BigDecimal> costs, Function<MonteCarlo.Inputs, Forecast> forecaster) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(config, "config");
        ZoneId zone = ZoneId.of(config.timezone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        FlowReport.Window window = new FlowReport.Window(today.minusDays(config.reportDays() - 1L), today);
        List<FlowReport.Item> items = new ArrayList<>(tasks.size());
        List<Excluded> excluded = new ArrayList<>();
        List<FlowReport.Item> inCfd = new ArrayList<>(tasks.size());
        // Looked up once per task: a hash lookup, where the history's sorted map compares long ids.
        Map<String, List<Transition>> moves = new java.util.HashMap<>(history.tasks());
        for (Task task : tasks) {
            List<Transition> own = moves.getOrDefault(History.taskName(task.file()), List.of());
            StageDates.Dated dated = StageDates.of(task, own, zone, today);
            excluded.addAll(dated.futureDates());
            FlowReport.Item item = item(task, dated, today);
            items.add(item);
            if (exclusions(task, item, dated, window, excluded)) inCfd.add(item);
        }
        int[] cycles = items.stream().filter(i -> i.cycleDays() != null && window.contains(i.dates().finished()))
                .mapToInt(FlowReport.Item::cycleDays).sorted().toArray();
        int[] leads = items.stream().filter(i -> i.leadDays() != null && window.contains(i.dates().finished()))
                .mapToInt(FlowReport.Item::leadDays).toArray();
        FlowReport.Basis basis = new FlowReport.Basis(history.present(), history.shallow(), history.commits());
        List<BigDecimal> windowCosts = windowCosts(tasks, items, window, costs, excluded);
        Forecasting forecasting = forecast(tasks, items, today, config, costs, windowCosts, forecaster);
        return new FlowReport(now, config.timezone(), today, basis, window, items, excluded, throughput(items, window),
                distribution(leads), distribution(cycles), cfd(inCfd, window), aging(items, cycles),
                wip(items, config.flow().agentWipLimit()), forecasting.forecast(), forecasting.reason());
    }

    /**
     * {@code report} with the forecast made again for other costs per task: what a telemetry commit changes of a
     * report. The stage dates, and so every other metric, are the report's: {@code tasks} must be those it was
     * made from, or differ from them only in what flow metrics do not read. The tasks left out of the cost
     * forecast for want of a cost come last in {@code excluded}, after those left out of other metrics.
     */
    public static FlowReport recost(FlowReport report, List<Task> tasks, Config config, Map<String, BigDecimal> costs,
                                    Function<MonteCarlo.Inputs, Forecast> forecaster) {
        List<FlowReport.Item> items = report.items();
        if (items.size() != tasks.size()) throw new IllegalArgumentException("the report was made from other tasks");
        List<Excluded> excluded = new ArrayList<>(report.excluded().size());
        for (Excluded e : report.excluded()) {
            if (!e.metric().equals(NO_COST)) excluded.add(e);
        }
        List<BigDecimal> windowCosts = windowCosts(tasks, items, report.window(), costs, excluded);
        Forecasting forecasting = forecast(tasks, items, report.today(), config, costs, windowCosts, forecaster);
        return new FlowReport(report.now(), report.timezone(), report.today(), report.basis(), report.window(), items, excluded,
                report.throughput(), report.leadTime(), report.cycleTime(), report.cfd(), report.aging(), report.wipByAgent(),
                forecasting.forecast(), forecasting.reason());
    }

    /**
     * The costs of the tasks finished in the window, in task order, for the cost forecast; those finished with no known
     * cost are added to {@code excluded}. Nothing without telemetry ({@code costs} null).
     */
    private static List<BigDecimal> windowCosts(List<Task> tasks, List<FlowReport.Item> items, FlowReport.Window window,
                                                Map<String, BigDecimal> costs, List<Excluded> excluded) {
        List<BigDecimal> windowCosts = new ArrayList<>();
        if (costs == null) return windowCosts;
        for (int i = 0; i < items.size(); i++) {
            Task task = tasks.get(i);
            if (!StageDates.finishes(task) || !window.contains(items.get(i).dates().finished())) continue;
            BigDecimal cost = costs.get(task.file());
            if (cost != null) windowCosts.add(cost);
            else excluded.add(new Excluded(task.id(), NO_COST, "no LLM cost is known for this task, so its cost is not among those the forecast draws from"));
        }
        return windowCosts;
    }

    private static FlowReport.Item item(Task task, StageDates.Dated dated, LocalDate today) {
        StageDates d = dated.dates();
        Integer lead = null;
        Integer cycle = null;
        Integer age = null;
        if (d.finished() != null) {
            if (disorder(dated, Stage.ARRIVED, Stage.FINISHED) == null) lead = days(d.arrived(), d.finished());
            if (disorder(dated, Stage.COMMITTED, Stage.FINISHED) == null) cycle = days(d.committed(), d.finished());
        }
        if (COMMITTED.contains(task.lane()) && d.committed() != null) age = days(d.committed(), today);
        return new FlowReport.Item(task.id(), task.file(), task.lane(), task.agent(), d, lead, cycle, age);
    }

    /** Calendar days from {@code from} to {@code to}, both counted: the same day is 1. */
    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Adds the metrics {@code task} is left out of to {@code out}; true when it counts in the cumulative flow. */
    private static boolean exclusions(Task task, FlowReport.Item item, StageDates.Dated dated, FlowReport.Window window,
                                      List<Excluded> out) {
        StageDates d = item.dates();
        String id = task.id();
        if (StageDates.finishes(task)) {
            if (d.finished() == null) {
                String why = "in " + task.lane().id() + " but no finish date: no Git move into done/ or archive/ and no readable completed_at up to today";
                for (String metric : List.of("leadTime", "cycleTime", "throughput")) out.add(new Excluded(id, metric, why));
            } else if (window.contains(d.finished())) {
                if (item.leadDays() == null) out.add(new Excluded(id, "leadTime", disorder(dated, Stage.ARRIVED, Stage.FINISHED)));
                if (item.cycleDays() == null) out.add(new Excluded(id, "cycleTime", disorder(dated, Stage.COMMITTED, Stage.FINISHED)));
            }
        }
        boolean cfd = d.arrived() != null;
        if (!cfd) {
            out.add(new Excluded(id, "cfd", "no dates: no Git history and no readable created, assigned_at, started_at or completed_at"));
        } else {
            List<String> wrong = new ArrayList<>();
            Stage[] stages = Stage.values();
            for (int i = 0; i < stages.length; i++) {
                for (int j = i + 1; j < stages.length; j++) {
                    String why = disorder(dated, stages[i], stages[j]);
                    if (why != null) wrong.add(why);
                }
            }
            if (!wrong.isEmpty()) {
                out.add(new Excluded(id, "cfd", String.join("; ", wrong)));
                cfd = false;
            }
        }
        if (COMMITTED.contains(task.lane())) {
            if (d.committed() == null) {
                out.add(new Excluded(id, "aging", "no commitment date: no Git move into assigned/ and no readable assigned_at or started_at"));
            }
            if (task.agent() == null) out.add(new Excluded(id, "wipByAgent", "no agent: neither an agent field nor an assigned/<agent>/ folder"));
        }
        return cfd;
    }

    /**
     * Why {@code earlier} and {@code later} are out of order for {@code dated}'s task, or null when they are not: as
     * its stage dates, or as its YAML dates on their own (PRODUCT.md §4.4: YAML dates out of order leave the task out
     * of the metrics that need them, even where Git gives both stages earlier dates that are in order).
     */
    private static String disorder(StageDates.Dated dated, Stage earlier, Stage later) {
        if (dated.dates().before(later, earlier)) return order(dated.dates(), earlier, later);
        if (dated.yaml().before(later, earlier)) return order(dated.yaml(), earlier, later);
        return null;
    }

    private static String order(StageDates d, Stage earlier, Stage later) {
        return later.id() + " " + d.get(later) + " (" + d.sources().get(later).id() + ") is before " + earlier.id() + " "
                + d.get(earlier) + " (" + d.sources().get(earlier).id() + ")";
    }

    private static FlowReport.Distribution distribution(int[] days) {
        return new FlowReport.Distribution(days.length, Percentiles.r7(days, Percentiles.P50),
                Percentiles.r7(days, Percentiles.P85), Percentiles.r7(days, Percentiles.P95));
    }

    /** Every ISO week overlapping the window, counting only finishes inside the window; empty weeks are 0. */
    private static List<FlowReport.WeekCount> throughput(List<FlowReport.Item> items, FlowReport.Window window) {
        TreeMap<LocalDate, Integer> weeks = new TreeMap<>();
        LocalDate first = window.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = first; !w.isAfter(window.to()); w = w.plusWeeks(1)) weeks.put(w, 0);
        for (FlowReport.Item i : items) {
            LocalDate f = i.dates().finished();
            if (window.contains(f)) weeks.merge(f.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1, Integer::sum);
        }
        return weeks.entrySet().stream().map(e -> new FlowReport.WeekCount(e.getKey(), e.getValue())).toList();
    }

    /** Per day of the window, tasks with each stage date on or before it; tasks with dates out of order are left out. */
    private static List<FlowReport.CfdDay> cfd(List<FlowReport.Item> items, FlowReport.Window window) {
        long[][] days = new long[4][items.size()];
        int[] n = new int[4];
        for (FlowReport.Item i : items) {
            StageDates d = i.dates();
            for (Stage s : Stage.values()) {
                LocalDate day = d.get(s);
                if (day != null) days[s.ordinal()][n[s.ordinal()]++] = day.toEpochDay();
            }
        }
        for (int s = 0; s < 4; s++) {
            days[s] = Arrays.copyOf(days[s], n[s]);
            Arrays.sort(days[s]);
        }
        List<FlowReport.CfdDay> cfd = new ArrayList<>();
        for (LocalDate d = window.from(); !d.isAfter(window.to()); d = d.plusDays(1)) {
            long day = d.toEpochDay();
            cfd.add(new FlowReport.CfdDay(d, upTo(days[0], day), upTo(days[1], day), upTo(days[2], day), upTo(days[3], day)));
        }
        return cfd;
    }

    /** How many of the sorted {@code values} are at most {@code x}. */
    private static int upTo(long[] values, long x) {
        int at = Arrays.binarySearch(values, x + 1);
        if (at < 0) return -at - 1;
        while (at > 0 && values[at - 1] == x + 1) at--;
        return at;
    }

    /** Open committed tasks with a commitment date, oldest first (then by id and file). */
    private static List<FlowReport.Aging> aging(List<FlowReport.Item> items, int[] cycles) {
        return items.stream().filter(i -> i.ageDays() != null)
                .map(i -> new FlowReport.Aging(i.id(), i.file(), i.lane(), i.agent(), i.ageDays(), Percentiles.rankBelow(cycles, i.ageDays())))
                .sorted(Comparator.comparingInt(FlowReport.Aging::ageDays).reversed()
                        .thenComparing(FlowReport.Aging::id).thenComparing(FlowReport.Aging::file))
                .toList();
    }

    /** Agents holding open committed tasks, by name. */
    private static List<FlowReport.AgentWip> wip(List<FlowReport.Item> items, Integer limit) {
        TreeMap<String, Integer> byAgent = new TreeMap<>();
        for (FlowReport.Item i : items) {
            if (COMMITTED.contains(i.lane()) && i.agent() != null) byAgent.merge(i.agent(), 1, Integer::sum);
        }
        return byAgent.entrySet().stream().map(e -> new FlowReport.AgentWip(e.getKey(), e.getValue(), limit)).toList();
    }

    private record Forecasting(Forecast forecast, String reason) {}

    private static Forecasting forecast(List<Task> tasks, List<FlowReport.Item> items, LocalDate today, Config config,
                                        Map<String, BigDecimal> costs, List<BigDecimal> windowCosts,
                                        Function<MonteCarlo.Inputs, Forecast> forecaster) {
        Config.Forecast f = config.forecast();
        FlowReport.Window window = new FlowReport.Window(today.minusDays(f.windowDays()), today.minusDays(1));
        int[] samples = new int[f.windowDays()];
        for (FlowReport.Item i : items) {
            LocalDate d = i.dates().finished();
            if (window.contains(d)) samples[(int) ChronoUnit.DAYS.between(window.from(), d)]++;
        }
        if (Arrays.stream(samples).allMatch(s -> s == 0)) {
            return new Forecasting(null, "No forecast: no task was finished in the " + f.windowDays() + " days before today ("
                    + window.from() + " to " + window.to() + "), so there is no throughput to draw from.");
        }
        int open = (int) tasks.stream().filter(t -> OPEN.contains(t.lane())).count();
        List<LocalDate> dates = new ArrayList<>();
        for (int n : f.daysAhead()) dates.add(today.plusDays(n));
        dates.addAll(f.fixedDates());
        String costNote = costs == null ? "No cost forecast: without telemetry the cost of finished tasks is unknown."
                : windowCosts.isEmpty() ? "No cost forecast: no task finished in the report window has a known LLM cost." : null;
        List<Integer> sampleList = Arrays.stream(samples).boxed().toList();
        return new Forecasting(forecaster.apply(new MonteCarlo.Inputs(today, window, sampleList, open, f.seed(), dates,
                windowCosts, costNote)), null);
    }
}
