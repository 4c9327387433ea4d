package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
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
     * in its window gets an estimated $0. When a task id appears twice, exact costs go to each of its files alike, and
     * each file gets its own estimate; the map by id holds the first file's.
     */
    public static SortedMap<String, TaskCost> attribute(List<TaskWindow> windows, CostReport report, Instant now) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(attribute(windows, report, now, null).costs()));
    }

    /**
     * As {@link #attribute(List, CostReport, Instant)}, by window. {@code earlier}, when not null, is the
     * attribution made for an earlier report of the same {@code windows} (equal windows in the same order) and
     * the same {@code now}, as the caller knows from what changed: then only agents whose cost series changed
     * are split again, and a telemetry commit costs the agents it touched.
     */
    public static CostAttribution attribute(List<TaskWindow> windows, CostReport report, Instant now,
                                            CostAttribution earlier) {
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(now, "now");
        return earlier != null && earlier.updatable(windows, now, report) ? earlier.update(report)
                : CostAttribution.fresh(windows, report, now);
    }
}
