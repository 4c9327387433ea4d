package dev.dashgen.metrics;

import static dev.dashgen.metrics.FlowTasks.config;
import static dev.dashgen.metrics.FlowTasks.dated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.tasks.Task;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hand-made task set whose every figure was worked out by hand. Now is Wednesday 2026-03-18 12:00 UTC; the window
 * is the 14 days 2026-03-05 … 2026-03-18, overlapping the ISO weeks of Mondays 03-02, 03-09 and 03-16.
 */
class FlowTest {
    static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");
    static final Config CONFIG = config("UTC", 14, 3, Config.Forecast.DEFAULTS);

    static final List<Task> TASKS = List.of(
            dated("done/a/A.yaml", "done", "2026-03-01T09:00:00Z", "2026-03-02T10:00:00Z", "2026-03-03", "2026-03-06T15:00:00Z"),
            // same day: lead and cycle 1
            dated("done/a/B.yaml", "done", "2026-03-10T08:00:00Z", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "2026-03-10T17:00:00Z"),
            // skipped stages: committed and started take the finish date
            dated("done/b/C.yaml", "done", "2026-03-08", null, null, "2026-03-12T11:00:00Z"),
            // error: not finished, whatever its completed_at
            dated("done/b/D.yaml", "error", "2026-03-05", "2026-03-06T08:00:00Z", null, "2026-03-09T08:00:00Z"),
            // archived: finished
            dated("archive/2026-03/E.yaml", "done", "2026-03-04", "2026-03-05T08:00:00Z", "2026-03-07T08:00:00Z", "2026-03-14T08:00:00Z"),
            // finished before the window: in the forecast's samples and the CFD, not in the window's metrics
            dated("done/a/F.yaml", "done", "2026-02-20", "2026-02-21T08:00:00Z", null, "2026-03-01T08:00:00Z"),
            // completed after today: no finish date
            dated("done/a/G.yaml", "done", "2026-03-11", "2026-03-12T08:00:00Z", null, "2026-03-20T08:00:00Z"),
            dated("assigned/a/H.yaml", "in_progress", "2026-03-01", "2026-03-09T10:00:00Z", "2026-03-10T10:00:00Z", null),
            // started before it was assigned: out of the CFD only
            dated("assigned/b/I.yaml", "blocked", "2026-03-12", "2026-03-15T10:00:00Z", "2026-03-13T10:00:00Z", null),
            dated("inbox/J.yaml", "new", "2026-03-17T09:00:00Z", null, null, null),
            // no dates and no agent folder
            dated("assigned/K.yaml", null, null, null, null, null),
            // finished before it was committed: lead time yes, cycle time and CFD no
            dated("done/b/L.yaml", "done", "2026-03-06", "2026-03-13T08:00:00Z", null, "2026-03-11T08:00:00Z"),
            // completed later today than now: today
            dated("done/a/M.yaml", "done", "2026-03-16T08:00:00Z", "2026-03-17T08:00:00Z", null, "2026-03-18T20:00:00Z"),
            dated("fridge/N.yaml", null, "2026-03-03", null, null, null));

    static FlowReport report() {
        return Flow.compute(TASKS, History.ABSENT, NOW, CONFIG, null);
    }

    private static FlowReport.Item item(FlowReport r, String id) {
        return r.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static String dates(FlowReport r, String id) {
        StageDates d = item(r, id).dates();
        return d.arrived() + " " + d.committed() + " " + d.started() + " " + d.finished();
    }

    @Test
    void stageDatesOfEachTask() {
        FlowReport r = report();
        assertEquals(LocalDate.parse("2026-03-18"), r.today());
        assertEquals(new FlowReport.Window(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-18")), r.window());
        assertEquals("2026-03-01 2026-03-02 2026-03-03 2026-03-06", dates(r, "A"));
        assertEquals("2026-03-10 2026-03-10 2026-03-10 2026-03-10", dates(r, "B"));
        assertEquals("2026-03-08 2026-03-12 2026-03-12 2026-03-12", dates(r, "C"));
        assertEquals(Source.YAML, item(r, "C").dates().sources().get(Stage.COMMITTED));
        assertEquals("2026-03-05 2026-03-06 2026-03-06 null", dates(r, "D"));
        assertEquals("2026-03-04 2026-03-05 2026-03-07 2026-03-14", dates(r, "E"));
        assertEquals("2026-02-20 2026-02-21 2026-02-21 2026-03-01", dates(r, "F"));
        assertEquals("2026-03-11 2026-03-12 2026-03-12 null", dates(r, "G"));
        assertEquals("2026-03-01 2026-03-09 2026-03-10 null", dates(r, "H"));
        assertEquals("2026-03-12 2026-03-15 2026-03-13 null", dates(r, "I"));
        assertEquals("2026-03-17 null null null", dates(r, "J"));
        assertEquals("null null null null", dates(r, "K"));
        assertEquals("2026-03-06 2026-03-13 2026-03-13 2026-03-11", dates(r, "L"));
        assertEquals("2026-03-16 2026-03-17 2026-03-17 2026-03-18", dates(r, "M"));
        assertEquals("2026-03-03 null null null", dates(r, "N"));
    }

    @Test
    void leadAndCycleTimeOverTheTasksFinishedInTheWindow() {
        FlowReport r = report();
        assertEquals(6, item(r, "A").leadDays());
        assertEquals(5, item(r, "A").cycleDays());
        assertEquals(1, item(r, "B").leadDays());
        assertEquals(1, item(r, "B").cycleDays());
        assertEquals(10, item(r, "F").leadDays(), "given for a task finished before the window too");
        assertNull(item(r, "L").cycleDays());
        assertNull(item(r, "D").leadDays());
        // leads A6 B1 C5 E11 L6 M3 → 1 3 5 6 6 11; cycles A5 B1 C1 E10 M2 → 1 1 2 5 10
        assertEquals(new FlowReport.Distribution(6, new BigDecimal("5.5"), new BigDecimal("7.25"), new BigDecimal("9.75")), r.leadTime());
        assertEquals(new FlowReport.Distribution(5, new BigDecimal("2"), new BigDecimal("7"), new BigDecimal("9")), r.cycleTime());
    }

    @Test
    void weeklyThroughputCountsOnlyFinishesInsideTheWindow() {
        assertEquals(List.of(new FlowReport.WeekCount(LocalDate.parse("2026-03-02"), 1),
                new FlowReport.WeekCount(LocalDate.parse("2026-03-09"), 4),
                new FlowReport.WeekCount(LocalDate.parse("2026-03-16"), 1)), report().throughput());
    }

    @Test
    void emptyWeeksCountZero() {
        FlowReport r = Flow.compute(List.of(TASKS.get(0)), History.ABSENT, Instant.parse("2026-03-30T12:00:00Z"),
                config("UTC", 28, null, Config.Forecast.DEFAULTS), null);
        // window 03-03 … 03-30: Mondays 03-02, 03-09, 03-16, 03-23, 03-30
        assertEquals(List.of(1, 0, 0, 0, 0), r.throughput().stream().map(FlowReport.WeekCount::count).toList());
        assertEquals(LocalDate.parse("2026-03-02"), r.throughput().get(0).weekStart());
        assertEquals(LocalDate.parse("2026-03-30"), r.throughput().get(4).weekStart());
    }

    @Test
    void cumulativeFlowPerDay() {
        FlowReport r = report();
        assertEquals(14, r.cfd().size());
        assertEquals(new FlowReport.CfdDay(LocalDate.parse("2026-03-05"), 6, 3, 2, 1), r.cfd().get(0));
        assertEquals(new FlowReport.CfdDay(LocalDate.parse("2026-03-10"), 8, 6, 6, 3), r.cfd().get(5));
        assertEquals(new FlowReport.CfdDay(LocalDate.parse("2026-03-18"), 11, 9, 9, 6), r.cfd().get(13));
    }

    @Test
    void agingWorkInProgressOldestFirstWithItsRank() {
        FlowReport r = report();
        assertEquals(List.of(new FlowReport.Aging("H", "assigned/a/H.yaml", dev.dashgen.tasks.Lane.IN_PROGRESS, "a", 10, 80),
                new FlowReport.Aging("I", "assigned/b/I.yaml", dev.dashgen.tasks.Lane.BLOCKED, "b", 4, 60)), r.aging());
        assertEquals(10, item(r, "H").ageDays());
        assertNull(item(r, "K").ageDays());
    }

    @Test
    void wipPerAgentAgainstTheLimit() {
        assertEquals(List.of(new FlowReport.AgentWip("a", 1, 3), new FlowReport.AgentWip("b", 1, 3)), report().wipByAgent());
    }

    @Test
    void everyTaskLeftOutIsNamedWithMetricAndReason() {
        List<String> out = report().excluded().stream().map(e -> e.id() + " " + e.metric()).toList();
        assertEquals(List.of("G finished", "G leadTime", "G cycleTime", "G throughput", "I cfd", "K cfd", "K aging",
                "K wipByAgent", "L cycleTime", "L cfd"), out);
        Excluded future = report().excluded().get(0);
        assertTrue(future.reason().contains("2026-03-20T08:00:00Z is after today (2026-03-18)"), future.reason());
        Excluded order = report().excluded().stream().filter(e -> e.id().equals("L") && e.metric().equals("cycleTime")).findFirst().orElseThrow();
        assertEquals("finished 2026-03-11 (yaml) is before committed 2026-03-13 (yaml)", order.reason());
    }

    @Test
    void theForecastSamplesTheLastThirtyWholeDays() {
        FlowReport r = report();
        Forecast f = r.forecast();
        assertNotNull(f, r.noForecast());
        assertEquals(new FlowReport.Window(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-03-17")), f.window());
        assertEquals(30, f.samples().size());
        // F 03-01, A 03-06, B 03-10, L 03-11, C 03-12, E 03-14; M finished today is not a whole day yet
        assertEquals(6, f.samples().stream().mapToInt(Integer::intValue).sum());
        assertEquals(1, f.samples().get(13), "2026-03-01");
        assertEquals(4, f.open(), "J, K, H and I; not the fridge or the error task");
        assertEquals(10_000, f.trials());
        assertEquals(1, f.seed());
        assertEquals(List.of(LocalDate.parse("2026-03-25"), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-17")),
                f.howMany().stream().map(Forecast.HowMany::by).toList());
        assertNull(f.whenDone().cost());
        assertNotNull(f.costNote());
    }

    @Test
    void theForecastCostDrawsFromTheTasksFinishedInTheWindow() {
        Map<String, BigDecimal> costs = Map.of("done/a/A.yaml", new BigDecimal("0.5"), "done/a/B.yaml", new BigDecimal("0.5"),
                "done/b/C.yaml", new BigDecimal("0.5"), "archive/2026-03/E.yaml", new BigDecimal("0.5"),
                "done/b/L.yaml", new BigDecimal("0.5"), "done/a/F.yaml", new BigDecimal("99"));
        FlowReport r = Flow.compute(TASKS, History.ABSENT, NOW, CONFIG, costs);
        Forecast.Cost cost = r.forecast().whenDone().cost();
        assertEquals(new Forecast.Cost(new BigDecimal("2"), new BigDecimal("2"), new BigDecimal("2"), 5), cost,
                "four open tasks at $0.50; F finished before the window is not drawn from");
        assertEquals(List.of("M forecast"), r.excluded().stream().filter(e -> e.metric().equals("forecast"))
                .map(e -> e.id() + " " + e.metric()).toList());
    }

    @Test
    void otherCostsGiveTheReportAFreshComputationGives() {
        Map<String, BigDecimal> before = Map.of("done/a/A.yaml", new BigDecimal("0.5"), "done/a/M.yaml", new BigDecimal("3"));
        Map<String, BigDecimal> after = Map.of("done/a/A.yaml", new BigDecimal("0.5"), "done/a/B.yaml", new BigDecimal("1.25"),
                "done/b/C.yaml", new BigDecimal("0.75"));
        FlowReport recosted = Flow.recost(Flow.compute(TASKS, History.ABSENT, NOW, CONFIG, before), TASKS, CONFIG, after, MonteCarlo::run);
        FlowReport fresh = Flow.compute(TASKS, History.ABSENT, NOW, CONFIG, after);
        assertEquals(fresh, recosted);
        assertEquals(List.of("E forecast", "L forecast", "M forecast"), recosted.excluded().stream()
                .filter(e -> e.metric().equals("forecast")).map(e -> e.id() + " " + e.metric()).toList());
        assertEquals(report(), Flow.recost(fresh, TASKS, CONFIG, null, MonteCarlo::run), "telemetry gone: no cost forecast");
    }

    @Test
    void theTrialsCanBeKeptWhenTheirInputsStayTheSame() {
        List<MonteCarlo.Inputs> asked = new java.util.ArrayList<>();
        java.util.function.Function<MonteCarlo.Inputs, Forecast> counting = in -> {
            asked.add(in);
            return MonteCarlo.run(in);
        };
        FlowReport a = Flow.compute(TASKS, History.ABSENT, NOW, CONFIG, null, counting);
        List<Task> retitled = new java.util.ArrayList<>(TASKS);
        retitled.set(7, dated("assigned/a/H.yaml", "in_progress", "2026-03-01", "2026-03-09T10:00:00Z", "2026-03-10T10:00:00Z", null));
        FlowReport b = Flow.compute(retitled, History.ABSENT, NOW, CONFIG, null, counting);
        assertEquals(asked.get(0), asked.get(1), "an edit that moves nothing asks for the same trials");
        assertEquals(a.forecast(), b.forecast());
        assertEquals(report(), a);
    }

    @Test
    void noThroughputNoForecastAndASentenceWhy() {
        FlowReport r = Flow.compute(TASKS.subList(7, 11), History.ABSENT, NOW, CONFIG, null);
        assertNull(r.forecast());
        assertEquals("No forecast: no task was finished in the 30 days before today (2026-02-16 to 2026-03-17), so there is no"
                + " throughput to draw from.", r.noForecast());
        assertEquals(0, r.leadTime().count());
        assertNull(r.leadTime().p50());
        assertNull(r.aging().get(0).pace(), "no finished task to rank against");
    }

    @Test
    void calendarDaysAreInTheConfiguredTimeZone() {
        Instant now = Instant.parse("2026-03-18T03:00:00Z"); // 2026-03-17 23:00 in New York
        List<Task> tasks = List.of(
                dated("done/a/P.yaml", "done", "2026-03-10T12:00:00Z", null, null, "2026-03-18T02:00:00Z"),
                dated("done/a/Q.yaml", "done", "2026-03-10T12:00:00Z", null, null, "2026-03-18T04:30:00Z"));
        FlowReport utc = Flow.compute(tasks, History.ABSENT, now, config("UTC", 14, null, Config.Forecast.DEFAULTS), null);
        FlowReport ny = Flow.compute(tasks, History.ABSENT, now, config("America/New_York", 14, null, Config.Forecast.DEFAULTS), null);
        assertEquals(LocalDate.parse("2026-03-18"), utc.today());
        assertEquals(LocalDate.parse("2026-03-18"), item(utc, "P").dates().finished());
        assertEquals(9, item(utc, "P").leadDays());
        assertEquals(LocalDate.parse("2026-03-17"), ny.today());
        assertEquals(LocalDate.parse("2026-03-17"), item(ny, "P").dates().finished());
        assertEquals(8, item(ny, "P").leadDays());
        assertNull(item(ny, "Q").dates().finished(), "00:30 on the 18th in New York is tomorrow there");
        assertEquals("Q finished", ny.excluded().get(0).id() + " " + ny.excluded().get(0).metric());
        assertEquals("America/New_York", ny.timezone());
    }

    /**
     * PRODUCT.md §4.4: YAML dates out of order leave the task out of the metrics that need them, even where Git gives
     * both stages earlier dates that are in order (the earlier counts, so the stage dates alone look fine).
     */
    @Test
    void yamlDatesOutOfOrderLeaveTheTaskOutEvenWhenGitsAreInOrder() {
        Task t = dated("done/a/X.yaml", "done", null, "2026-03-15T09:00:00Z", null, "2026-03-14T09:00:00Z");
        History history = new History(true, "c0ffee", false, 3, new java.util.TreeMap<>(Map.of("X",
                FlowTasks.moves("inbox", "2026-03-05T10:00:00Z", "assigned", "2026-03-06T10:00:00Z", "done", "2026-03-10T10:00:00Z"))));
        FlowReport r = Flow.compute(List.of(t), history, NOW, CONFIG, null);
        FlowReport.Item x = r.items().get(0);
        assertEquals("2026-03-05 2026-03-06 2026-03-06 2026-03-10", dates(r, "X"), "Git's dates are the earlier ones");
        assertNull(x.cycleDays(), "needs committed and finished, whose YAML dates are out of order");
        assertEquals(6, x.leadDays(), "needs arrived and finished: no YAML date of arrival to be out of order with");
        assertEquals(0, r.cycleTime().count());
        assertEquals(List.of("X cycleTime", "X cfd"), r.excluded().stream().map(e -> e.id() + " " + e.metric()).toList());
        assertEquals("finished 2026-03-14 (yaml) is before committed 2026-03-15 (yaml)", r.excluded().get(0).reason());
        assertTrue(r.cfd().stream().allMatch(d -> d.arrived() == 0), "left out of the cumulative flow");
    }
}
