package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Cost per task. Exact when invocations carry a {@code task_id}: the sum of that task's invocations.
 * Otherwise an estimate: an agent's cost at each moment is split evenly among that agent's tasks active
 * at that moment, and a task gets its share over its window (start to end, or to now while open).
 */
public final class TaskCosts {

    /** A task's active window: {@code started_at} or else {@code assigned_at}, to {@code completed_at}; null start = unknown. */
    public record TaskWindow(String taskId, String agent, Instant start, Instant end) {
        public TaskWindow {
            Objects.requireNonNull(taskId, "taskId");
        }
    }

    public record TaskCost(BigDecimal usd, boolean estimated) {
        public TaskCost {
            Objects.requireNonNull(usd, "usd");
        }
    }

    private TaskCosts() {
    }

    /**
     * Pure and deterministic. With exact costs every task gets one ($0 when it has no invocations). Estimates
     * go only to tasks with an agent and a window that has begun by {@code now}; a task with no invocations
     * in its window gets an estimated $0. When a task id appears twice, the first window counts.
     */
    public static SortedMap<String, TaskCost> attribute(List<TaskWindow> windows, CostReport report, Instant now) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(attribute(windows, report, now, null, Map.of())));
    }

    /**
     * As {@link #attribute(List, CostReport, Instant)}, given what an earlier report with the same windows and
     * {@code now} gave: an agent whose cost series is unchanged keeps its tasks' costs (the very objects)
     * without splitting its series again, so a telemetry commit costs the agents it touched. In no
     * particular order: keeping 100,000 ids sorted took a third of a commit's rebuild.
     */
    public static Map<String, TaskCost> attribute(List<TaskWindow> windows, CostReport report, Instant now,
                                                        CostReport earlier, Map<String, TaskCost> earlierCosts) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(now, "now");
        Map<String, TaskWindow> byId = new LinkedHashMap<>();
        for (TaskWindow w : windows) byId.putIfAbsent(w.taskId(), w);
        Map<String, TaskCost> out = new HashMap<>(2 * byId.size());
        if (report.hasTaskIds()) {
            BigDecimal zero = Money.usd(0L);
            for (String id : byId.keySet()) out.put(id, new TaskCost(report.taskCosts().getOrDefault(id, zero), false));
            return Collections.unmodifiableMap(out);
        }
        long nowSecond = now.getEpochSecond();
        Map<String, List<Span>> byAgent = new TreeMap<>();
        for (TaskWindow w : byId.values()) {
            if (w.agent() == null || w.start() == null || w.start().isAfter(now)) continue;
            long end = w.end() == null ? nowSecond : Math.min(w.end().getEpochSecond(), nowSecond);
            if (end < w.start().getEpochSecond()) continue;
            byAgent.computeIfAbsent(w.agent(), a -> new ArrayList<>()).add(new Span(w.taskId(), w.start().getEpochSecond(), end));
        }
        byAgent.forEach((agent, spans) -> {
            AgentCostSeries series = report.series(agent).orElse(null);
            if (earlier != null && !earlier.hasTaskIds() && Objects.equals(series, earlier.series(agent).orElse(null))
                    && spans.stream().allMatch(s -> earlierCosts.containsKey(s.taskId()))) {
                for (Span s : spans) out.put(s.taskId(), earlierCosts.get(s.taskId()));
                return;
            }
            Map<String, Double> units = split(spans, series);
            units.forEach((id, u) -> {
                // A task outside the new rows' moments keeps its share: then it keeps the very object, and
                // nothing made from it (its page, card and line) is made again.
                TaskCost cost = new TaskCost(Money.usd(u), true);
                TaskCost kept = earlierCosts.get(id);
                out.put(id, cost.equals(kept) ? kept : cost);
            });
        });
        return Collections.unmodifiableMap(out);
    }

    private record Span(String taskId, long start, long end) {
    }

    /**
     * Sweeps the agent's window boundaries in time order, keeping a running "cost per active task": each
     * stretch between boundaries adds its cost divided by the number of tasks active in it. A task's share
     * is that running value at its end minus at its start, so the sweep stays O(n log n) however many
     * tasks overlap.
     */
    private static Map<String, Double> split(List<Span> spans, AgentCostSeries series) {
        record Edge(long second, int delta, int span) {
        }
        List<Edge> edges = new ArrayList<>();
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span.end() == span.start()) {
                out.put(span.taskId(), 0.0);
                continue;
            }
            edges.add(new Edge(span.start(), +1, i));
            edges.add(new Edge(span.end(), -1, i));
        }
        // Ends before starts at the same second: a task ending as another begins never shares that instant.
        edges.sort(Comparator.comparingLong(Edge::second).thenComparingInt(Edge::delta).thenComparingInt(Edge::span));
        double[] atStart = new double[spans.size()];
        double perTask = 0;
        int active = 0;
        long previous = Long.MIN_VALUE;
        for (Edge e : edges) {
            if (active > 0 && series != null) perTask += series.unitsBetween(previous, e.second()) / active;
            previous = e.second();
            if (e.delta() > 0) {
                atStart[e.span()] = perTask;
                active++;
            } else {
                out.put(spans.get(e.span()).taskId(), perTask - atStart[e.span()]);
                active--;
            }
        }
        return out;
    }
}
