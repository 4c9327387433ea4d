package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dashgen.telemetry.TaskCosts.TaskCost;
import dev.dashgen.telemetry.TaskCosts.TaskWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Cost per task on hand-made windows: exact with task ids, otherwise split among concurrently active tasks. */
class TaskCostsTest {

    static final Instant NOW = Instant.parse("2026-11-24T18:00:00Z");

    /** An agent's costs, each in the minute starting at the given time. */
    static AgentCostSeries series(String agent, Object... timeAndUsd) {
        long[] minutes = new long[timeAndUsd.length / 2];
        long[] units = new long[minutes.length];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = (Instant.parse("2026-11-24T" + timeAndUsd[2 * i] + ":00Z").getEpochSecond() / 60);
            units[i] = Math.round(((Number) timeAndUsd[2 * i + 1]).doubleValue() * Money.UNITS_PER_USD);
        }
        return AgentCostSeries.of(agent, 60, minutes, units, minutes.length);
    }

    static CostReport report(List<AgentCostSeries> series, Map<String, BigDecimal> taskCosts) {
        Kpis zero = new Kpis(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        return new CostReport(NOW, 90, false, false, zero, Usage.NONE, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), series, new TreeMap<>(taskCosts));
    }

    static TaskWindow window(String id, String agent, String start, String end) {
        return new TaskWindow(id, agent, start == null ? null : Instant.parse("2026-11-24T" + start + ":00Z"),
                end == null ? null : Instant.parse("2026-11-24T" + end + ":00Z"));
    }

    static TaskCost estimate(String usd) {
        return new TaskCost(new BigDecimal(usd), true);
    }

    static SortedMap<String, TaskCost> attribute(CostReport report, TaskWindow... windows) {
        return TaskCosts.attribute(List.of(windows), report, NOW);
    }

    @Test
    void overlappingWindowsShareTheCostOfTheOverlapEvenly() {
        CostReport r = report(List.of(series("alpha", "10:15", 6, "10:45", 4, "11:30", 2, "13:00", 100)), Map.of());
        assertEquals(Map.of("A", estimate("8.000000"), "B", estimate("4.000000")),
                attribute(r, window("A", "alpha", "10:00", "11:00"), window("B", "alpha", "10:30", "12:00")));
    }

    @Test
    void threeTasksActiveAtOnceGetAThirdEach() {
        CostReport r = report(List.of(series("alpha", "10:10", 3, "10:20", 9)), Map.of());
        assertEquals(Map.of("A", estimate("4.000000"), "B", estimate("4.000000"), "C", estimate("4.000000")),
                attribute(r, window("A", "alpha", "10:00", "11:00"), window("B", "alpha", "10:05", "10:30"),
                        window("C", "alpha", "10:00", null)));
    }

    @Test
    void anOpenTaskRunsUntilNowAndOnlyItsOwnAgentsCostCounts() {
        CostReport r = report(List.of(series("alpha", "09:00", 1, "17:59", 2), series("beta", "12:00", 50)), Map.of());
        assertEquals(Map.of("A", estimate("3.000000"), "B", estimate("0.000000")),
                attribute(r, window("A", "alpha", "08:00", null), window("B", "gamma", "08:00", null)));
    }

    @Test
    void aWindowCoveringPartOfAMinuteGetsThatPartOfItsCost() {
        CostReport r = report(List.of(series("alpha", "10:00", 6)), Map.of());
        TaskWindow half = new TaskWindow("A", "alpha", Instant.parse("2026-11-24T10:00:30Z"), Instant.parse("2026-11-24T10:05:00Z"));
        assertEquals(Map.of("A", estimate("3.000000")), TaskCosts.attribute(List.of(half), r, NOW));
    }

    @Test
    void tasksWithoutAWindowOrAgentOrStartingAfterNowGetNoEstimate() {
        CostReport r = report(List.of(series("alpha", "10:00", 6)), Map.of());
        assertEquals(Map.of("E", estimate("0.000000")), attribute(r,
                window("A", "alpha", null, "11:00"), window("B", null, "09:00", "11:00"),
                window("C", "alpha", "11:00", "10:00"),
                new TaskWindow("D", "alpha", NOW.plusSeconds(60), null),
                window("E", "alpha", "10:30", "10:30")));
    }

    @Test
    void backToBackTasksDoNotShareTheMinuteBetweenThem() {
        CostReport r = report(List.of(series("alpha", "10:00", 5, "10:01", 7)), Map.of());
        assertEquals(Map.of("A", estimate("5.000000"), "B", estimate("7.000000")),
                attribute(r, window("A", "alpha", "10:00", "10:01"), window("B", "alpha", "10:01", "10:02")));
    }

    @Test
    void exactCostsFromTaskIdsNeedNoWindow() {
        CostReport r = report(List.of(series("alpha", "10:00", 6)), Map.of("A", new BigDecimal("1.250000")));
        assertEquals(Map.of("A", new TaskCost(new BigDecimal("1.250000"), false),
                        "B", new TaskCost(new BigDecimal("0.000000"), false)),
                attribute(r, window("A", "alpha", null, null), window("B", "alpha", "10:00", "11:00")));
    }

    /** An estimate comes from the task's own agent and window: each file of a duplicated id gets its own. */
    @Test
    void eachFileOfADuplicatedIdIsEstimatedOnItsOwn() {
        CostReport r = report(List.of(series("alpha", "10:00", 6)), Map.of());
        CostAttribution a = TaskCosts.attribute(List.of(window("A", "alpha", "09:00", "11:00"), window("A", "alpha", "12:00", "13:00"),
                window("A", null, null, null), window("A", "alpha", "09:30", "10:30")), r, NOW, null);
        assertEquals(estimate("3.000000"), a.cost(0), "shares the call with the fourth file, active with it");
        assertEquals(estimate("0.000000"), a.cost(1), "no call in its window");
        assertEquals(null, a.cost(2), "no agent: no estimate");
        assertEquals(estimate("3.000000"), a.cost(3));
    }

    @Test
    void attributionIsDeterministicWhateverTheInputOrder() {
        CostReport r = report(List.of(series("alpha", "10:01", 1, "10:07", 1, "10:13", 1)), Map.of());
        List<TaskWindow> windows = List.of(window("A", "alpha", "10:00", "10:10"), window("B", "alpha", "10:05", "10:15"),
                window("C", "alpha", "10:06", "10:08"));
        SortedMap<String, TaskCost> forward = TaskCosts.attribute(windows, r, NOW);
        List<TaskWindow> reversed = new ArrayList<>(windows);
        Collections.reverse(reversed);
        SortedMap<String, TaskCost> backward = TaskCosts.attribute(reversed, r, NOW);
        assertEquals(forward, backward);
        assertEquals(Map.of("A", estimate("1.333333"), "B", estimate("1.333333"), "C", estimate("0.333333")), forward);
    }

    /** serve: after a telemetry commit only the agents whose cost changed are split again. */
    @Test
    void aNewReportKeepsTheCostsOfAgentsItDidNotChange() {
        List<TaskWindow> windows = List.of(window("A", "alpha", "10:00", "11:00"), window("B", "alpha", "10:30", "12:00"),
                window("C", "beta", "10:00", "12:00"));
        CostReport before = report(List.of(series("alpha", "10:15", 6), series("beta", "10:20", 3)), Map.of());
        CostReport after = report(List.of(series("alpha", "10:15", 6), series("beta", "10:20", 3, "11:10", 1)), Map.of());
        CostAttribution earlier = TaskCosts.attribute(windows, before, NOW, null);
        CostAttribution kept = TaskCosts.attribute(windows, after, NOW, earlier);
        assertEquals(TaskCosts.attribute(windows, after, NOW), kept.costs());
        assertSame(earlier.costs().get("A"), kept.costs().get("A"), "alpha did not change");
        assertEquals(estimate("4.000000"), kept.costs().get("C"));
        assertArrayEquals(new int[] {2}, kept.changed(), "C, the third window");
        assertNull(earlier.changed(), "made afresh");
    }

    /** serve: in an agent split again, a task whose share did not change keeps its very cost object. */
    @Test
    void aTaskOfAChangedAgentWhoseShareStaysKeepsItsCost() {
        List<TaskWindow> windows = List.of(window("C", "beta", "10:00", "12:00"), window("D", "beta", "10:00", "10:30"));
        CostReport before = report(List.of(series("beta", "10:20", 3)), Map.of());
        CostReport after = report(List.of(series("beta", "10:20", 3, "11:10", 1)), Map.of());
        CostAttribution earlier = TaskCosts.attribute(windows, before, NOW, null);
        CostAttribution kept = TaskCosts.attribute(windows, after, NOW, earlier);
        assertEquals(TaskCosts.attribute(windows, after, NOW), kept.costs());
        assertSame(earlier.costs().get("D"), kept.costs().get("D"), "D ended before the new row");
        assertNotSame(earlier.costs().get("C"), kept.costs().get("C"));
        assertEquals(estimate("2.500000"), kept.costs().get("C"));
        assertArrayEquals(new int[] {0}, kept.changed(), "C, the first window");
    }

    /** serve: exact costs are updated too, naming just the tasks whose sum moved. */
    @Test
    void exactCostsAreUpdatedForTheTasksWhoseSumChanged() {
        List<TaskWindow> windows = List.of(window("A", "alpha", null, null), window("B", "alpha", null, null),
                window("C", "alpha", null, null));
        CostReport before = report(List.of(), Map.of("A", new BigDecimal("1.000000"), "B", new BigDecimal("2.000000")));
        CostReport after = report(List.of(), Map.of("A", new BigDecimal("1.000000"), "B", new BigDecimal("2.500000"),
                "C", new BigDecimal("0.100000")));
        CostAttribution earlier = TaskCosts.attribute(windows, before, NOW, null);
        CostAttribution kept = TaskCosts.attribute(windows, after, NOW, earlier);
        assertEquals(TaskCosts.attribute(windows, after, NOW), kept.costs());
        assertSame(earlier.costs().get("A"), kept.costs().get("A"));
        assertArrayEquals(new int[] {1, 2}, kept.changed(), "B and C");
    }

    /**
     * The caller says when the windows are the same (the engine knows from the change); another number of
     * windows, or another now, is attributed afresh whatever it says.
     */
    @Test
    void otherWindowsOrAnotherNowAreAttributedAfresh() {
        List<TaskWindow> windows = List.of(window("A", "alpha", "10:00", "11:00"));
        CostReport r = report(List.of(series("alpha", "10:15", 6)), Map.of());
        CostAttribution earlier = TaskCosts.attribute(windows, r, NOW, null);
        List<TaskWindow> more = List.of(window("A", "alpha", "10:00", "11:00"), window("B", "alpha", "10:00", "11:00"));
        assertNull(TaskCosts.attribute(more, r, NOW, earlier).changed());
        assertEquals(Map.of("A", estimate("3.000000"), "B", estimate("3.000000")), TaskCosts.attribute(more, r, NOW, earlier).costs());
        assertNull(TaskCosts.attribute(windows, r, NOW.plusSeconds(1), earlier).changed());
        assertArrayEquals(new int[0], TaskCosts.attribute(windows, r, NOW, earlier).changed());
    }

    /** After a commit, only the file of a duplicated id whose window holds the new call changes. */
    @Test
    void aDuplicatedIdChangesOnlyWhereTheNewCallFalls() {
        List<TaskWindow> windows = List.of(window("A", "alpha", "10:00", "11:00"), window("A", "alpha", "12:00", "13:00"),
                window("B", "alpha", "12:00", "13:00"));
        CostReport before = report(List.of(series("alpha", "10:15", 6)), Map.of());
        CostReport after = report(List.of(series("alpha", "10:15", 6, "10:30", 2)), Map.of());
        CostAttribution earlier = TaskCosts.attribute(windows, before, NOW, null);
        CostAttribution kept = TaskCosts.attribute(windows, after, NOW, earlier);
        assertArrayEquals(new int[] {0}, kept.changed());
        assertEquals(estimate("8.000000"), kept.cost(0));
        assertSame(earlier.cost(1), kept.cost(1));
        assertSame(earlier.cost(2), kept.cost(2));
        assertEquals(TaskCosts.attribute(windows, after, NOW, null).cost(1), kept.cost(1), "as a fresh attribution");
    }
}
