package dev.dashgen.site;

import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.Timestamp;
import dev.dashgen.telemetry.CostReport;
import dev.dashgen.telemetry.TaskCosts;
import dev.dashgen.telemetry.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the site knows about cost: the report (null without usable telemetry, then {@code notice}
 * says why, or is null when no telemetry was configured at all), cost per task, and the budget.
 */
record CostModel(CostReport report, String notice, Map<String, TaskCosts.TaskCost> taskCosts,
                 Map<String, TaskView.ShownCost> shown, BudgetView budget) {

    /**
     * {@code windows}: every task's active window ({@link #windows}). {@code earlier}: the model made for
     * the same windows and {@code now} with an earlier report (or null), whose per-task costs are kept for
     * agents whose cost did not change.
     */
    static CostModel of(SiteInputs in, List<TaskCosts.TaskWindow> windows, CostModel earlier) {
        Telemetry t = in.telemetry();
        if (t instanceof Telemetry.Available a) {
            CostReport r = a.report();
            CostReport before = earlier == null ? null : earlier.report();
            Map<String, TaskCosts.TaskCost> costs = TaskCosts.attribute(windows, r, in.now(), before,
                    before == null ? Map.of() : earlier.taskCosts());
            // The cost as shown is made once per cost, so views of unchanged tasks compare it by reference.
            Map<String, TaskCosts.TaskCost> exact = costs;
            Map<String, TaskView.ShownCost> shown = new java.util.HashMap<>(2 * exact.size());
            exact.forEach((id, cost) -> {
                TaskView.ShownCost kept = before == null || earlier.taskCosts().get(id) != cost ? null : earlier.shown().get(id);
                shown.put(id, kept != null ? kept : TaskView.ShownCost.of(cost));
            });
            return new CostModel(r, null, exact, shown, BudgetView.of(in.config().budget(), r.kpis().month()));
        }
        String notice = t instanceof Telemetry.Unavailable u ? u.reason() : null;
        return new CostModel(null, notice, Map.of(), Map.of(), BudgetView.of(in.config().budget(), null));
    }

    boolean available() {
        return report != null;
    }

    TaskCosts.TaskCost of(Task t) {
        return taskCosts.get(t.id());
    }

    TaskView.ShownCost shown(Task t) {
        return shown.get(t.id());
    }

    /** A task's active window: started (else assigned) to completed, or open until now. */
    static List<TaskCosts.TaskWindow> windows(Workspace ws) {
        List<TaskCosts.TaskWindow> windows = new ArrayList<>(ws.tasks().size());
        for (Task t : ws.tasks()) windows.add(window(t));
        return windows;
    }

    static TaskCosts.TaskWindow window(Task t) {
        Task.Lifecycle l = t.lifecycle();
        Instant start = instant(l.started());
        if (start == null) start = instant(l.assigned());
        return new TaskCosts.TaskWindow(t.id(), t.agent(), start, instant(l.completed()));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.instant();
    }

}
