package dev.dashgen.telemetry;

import dev.dashgen.telemetry.TaskCosts.TaskCost;
import dev.dashgen.telemetry.TaskCosts.TaskWindow;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The cost of each task window ({@link TaskCosts}), by the window's index, and what a later report needs to
 * update it: the windows and {@code now} it was made for, each agent's spans and the shares they got.
 * An update re-splits only the agents whose cost series changed, keeps the very cost object of every task
 * whose cost stays, and says which windows' costs changed; it equals a fresh attribution.
 */
public final class CostAttribution {
    private final List<TaskWindow> windows;
    private final Instant now;
    private final TaskCost[] costs; // by window; with exact costs, a later window of a duplicated id holds its first window's
    private final int[] changed;
    private final Map<String, Integer> first; // id -> its first window
    private final Map<Integer, int[]> copies; // with exact costs: first window -> later windows of the same id
    private final SortedMap<String, BigDecimal> exact; // the report's exact costs, when it had them
    private final Map<String, AgentSplit> splits;
    private final Map<String, AgentCostSeries> series; // what each agent's spans were split by
    private final Map<String, double[]> shares;

    private CostAttribution(List<TaskWindow> windows, Instant now, TaskCost[] costs, int[] changed,
                            Map<String, Integer> first, Map<Integer, int[]> copies, SortedMap<String, BigDecimal> exact,
                            Map<String, AgentSplit> splits, Map<String, AgentCostSeries> series,
                            Map<String, double[]> shares) {
        this.windows = windows;
        this.now = now;
        this.costs = costs;
        this.changed = changed;
        this.first = first;
        this.copies = copies;
        this.exact = exact;
        this.splits = splits;
        this.series = series;
        this.shares = shares;
    }

    /** The cost of window {@code window}'s task, or null when it has none (no agent, or not begun). */
    public TaskCost cost(int window) {
        return costs[window];
    }

    /** Cost per task id, made on each call (for tests and reports: the site looks costs up by window). */
    public Map<String, TaskCost> costs() {
        Map<String, TaskCost> out = new HashMap<>();
        first.forEach((id, at) -> {
            if (costs[at] != null) out.put(id, costs[at]);
        });
        return out;
    }

    /** The windows whose cost object differs from the attribution this one updated, ascending; null when made afresh. */
    public int[] changed() {
        return changed == null ? null : changed.clone();
    }

    /**
     * Whether an update can follow from this attribution: as many windows (the caller vouches they are equal),
     * the same {@code now}, and a report of the same kind (exact or estimated).
     */
    boolean updatable(List<TaskWindow> windows, Instant now, CostReport report) {
        return this.windows.size() == windows.size() && this.now.equals(now) && (exact != null) == report.hasTaskIds();
    }

    static CostAttribution fresh(List<TaskWindow> windows, CostReport report, Instant now) {
        Map<String, Integer> first = new HashMap<>(2 * windows.size());
        Map<Integer, int[]> copies = new HashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            Integer at = first.putIfAbsent(windows.get(i).taskId(), i);
            if (at != null) copies.merge(at, new int[] {i}, CostAttribution::concat);
        }
        TaskCost[] costs = new TaskCost[windows.size()];
        if (report.hasTaskIds()) {
            BigDecimal zero = Money.usd(0L);
            first.forEach((id, at) -> costs[at] = new TaskCost(report.taskCosts().getOrDefault(id, zero), false));
            fillCopies(costs, copies, null);
            return new CostAttribution(windows, now, costs, null, first, copies, report.taskCosts(), Map.of(), Map.of(), Map.of());
        }
        // An estimate is made from the task's own agent and window (PRODUCT.md §3), so each file of a duplicated id
        // gets its own: one in the inbox with no agent has none, and two active together share the agent's cost.
        long nowSecond = now.getEpochSecond();
        Map<String, List<Integer>> byAgent = new HashMap<>();
        for (int i = 0; i < windows.size(); i++) {
            TaskWindow w = windows.get(i);
            if (w.agent() == null || w.start() == null || w.start().isAfter(now)) continue;
            if (end(w, nowSecond) < w.start().getEpochSecond()) continue;
            byAgent.computeIfAbsent(w.agent(), a -> new ArrayList<>()).add(i);
        }
        Map<String, AgentSplit> splits = new HashMap<>();
        Map<String, AgentCostSeries> series = new HashMap<>();
        Map<String, double[]> shares = new HashMap<>();
        byAgent.forEach((agent, at) -> {
            int[] spans = at.stream().mapToInt(Integer::intValue).toArray();
            long[] starts = new long[spans.length];
            long[] ends = new long[spans.length];
            for (int k = 0; k < spans.length; k++) {
                starts[k] = windows.get(spans[k]).start().getEpochSecond();
                ends[k] = end(windows.get(spans[k]), nowSecond);
            }
            AgentSplit split = new AgentSplit(spans, starts, ends);
            AgentCostSeries s = report.series(agent).orElse(null);
            double[] units = split.shares(s);
            for (int k = 0; k < spans.length; k++) costs[spans[k]] = new TaskCost(Money.usd(units[k]), true);
            splits.put(agent, split);
            series.put(agent, s);
            shares.put(agent, units);
        });
        return new CostAttribution(windows, now, costs, null, first, Map.of(), null, splits, series, shares);
    }

    /** This attribution under a later report for the same windows and {@code now}. */
    CostAttribution update(CostReport report) {
        TaskCost[] next = costs.clone();
        BitSet changedAt = new BitSet();
        if (exact != null) {
            BigDecimal zero = Money.usd(0L);
            for (String id : differingKeys(exact, report.taskCosts())) {
                Integer at = first.get(id);
                if (at == null) continue;
                next[at] = new TaskCost(report.taskCosts().getOrDefault(id, zero), false);
                changedAt.set(at);
            }
            fillCopies(next, copies, changedAt);
            return new CostAttribution(windows, now, next, changedAt.stream().toArray(), first, copies,
                    report.taskCosts(), splits, series, shares);
        }
        Map<String, AgentCostSeries> nextSeries = new HashMap<>(series);
        Map<String, double[]> nextShares = new HashMap<>(shares);
        splits.forEach((agent, split) -> {
            AgentCostSeries s = report.series(agent).orElse(null);
            if (Objects.equals(s, series.get(agent))) return;
            double[] before = shares.get(agent);
            double[] units = split.shares(s);
            for (int k = 0; k < split.size(); k++) {
                // The same double is the same cost; a different one may still round to the same micro-dollar.
                if (Double.compare(units[k], before[k]) == 0) continue;
                int at = split.window(k);
                TaskCost cost = new TaskCost(Money.usd(units[k]), true);
                if (cost.equals(next[at])) continue;
                next[at] = cost;
                changedAt.set(at);
            }
            nextSeries.put(agent, s);
            nextShares.put(agent, units);
        });
        return new CostAttribution(windows, now, next, changedAt.stream().toArray(), first, copies, null, splits,
                nextSeries, nextShares);
    }

    /** A task's window ends at its end, or now while open; a window ending after now is cut at now. */
    private static long end(TaskWindow w, long nowSecond) {
        return w.end() == null ? nowSecond : Math.min(w.end().getEpochSecond(), nowSecond);
    }

    /** Gives later windows of a duplicated id their first window's cost; with {@code changed}, where that changed. */
    private static void fillCopies(TaskCost[] costs, Map<Integer, int[]> copies, BitSet changed) {
        copies.forEach((at, later) -> {
            if (changed != null && !changed.get(at)) return;
            for (int i : later) {
                costs[i] = costs[at];
                if (changed != null) changed.set(i);
            }
        });
    }

    /** The keys whose values differ between two maps in the same key order (present in one only counts). */
    private static List<String> differingKeys(SortedMap<String, BigDecimal> a, SortedMap<String, BigDecimal> b) {
        List<String> out = new ArrayList<>();
        if (a == b) return out;
        Iterator<Map.Entry<String, BigDecimal>> i = a.entrySet().iterator();
        Iterator<Map.Entry<String, BigDecimal>> j = b.entrySet().iterator();
        Map.Entry<String, BigDecimal> x = i.hasNext() ? i.next() : null;
        Map.Entry<String, BigDecimal> y = j.hasNext() ? j.next() : null;
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
            if (c != 0 || !x.getValue().equals(y.getValue())) out.add(c <= 0 ? x.getKey() : y.getKey());
            if (c <= 0) x = i.hasNext() ? i.next() : null;
            if (c >= 0) y = j.hasNext() ? j.next() : null;
        }
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
