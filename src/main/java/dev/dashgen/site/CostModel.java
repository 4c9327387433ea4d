package dev.dashgen.site;

import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.Timestamp;
import dev.dashgen.telemetry.CostAttribution;
import dev.dashgen.telemetry.CostReport;
import dev.dashgen.telemetry.TaskCosts;
import dev.dashgen.telemetry.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the site knows about cost: the report (null without usable telemetry, then {@code notice}
 * says why, or is null when no telemetry was configured at all), cost per task, and the budget.
 * Costs are looked up by the task's index in the workspace, which is its window's index.
 */
final class CostModel {
    private final CostReport report;
    private final String notice;
    private final CostAttribution attribution;
    private final TaskView.ShownCost[] shown;
    private final BudgetView budget;

    private CostModel(CostReport report, String notice, CostAttribution attribution, TaskView.ShownCost[] shown,
                      BudgetView budget) {
        this.report = report;
        this.notice = notice;
        this.attribution = attribution;
        this.shown = shown;
        this.budget = budget;
    }

    /**
     * {@code windows}: every task's active window ({@link #windows}). {@code earlier}: the last model made
     * (or null); when it was made for the very same windows and {@code now}, its per-task costs are updated
     * rather than made again, and {@link #changed} says which tasks' costs differ from it.
     */
    static CostModel of(SiteInputs in, List<TaskCosts.TaskWindow> windows, CostModel earlier) {
        if (in.telemetry() instanceof Telemetry.Available a) {
            CostReport r = a.report();
            CostAttribution costs = TaskCosts.attribute(windows, r, in.now(),
                    earlier == null ? null : earlier.attribution);
            int[] changed = costs.changed();
            // The cost as shown is made once per cost, so views of unchanged tasks compare it by reference.
            TaskView.ShownCost[] shown;
            if (changed == null) {
                shown = new TaskView.ShownCost[windows.size()];
                for (int i = 0; i < shown.length; i++) shown[i] = TaskView.ShownCost.of(costs.cost(i));
            } else {
                shown = changed.length == 0 ? earlier.shown : earlier.shown.clone();
                for (int i : changed) {
                    TaskView.ShownCost now = TaskView.ShownCost.of(costs.cost(i));
                    if (!java.util.Objects.equals(now, shown[i])) shown[i] = now;
                }
            }
            return new CostModel(r, null, costs, shown, BudgetView.of(in.config().budget(), r.kpis().month()));
        }
        String notice = in.telemetry() instanceof Telemetry.Unavailable u ? u.reason() : null;
        return new CostModel(null, notice, null, null, BudgetView.of(in.config().budget(), null));
    }

    CostReport report() {
        return report;
    }

    String notice() {
        return notice;
    }

    BudgetView budget() {
        return budget;
    }

    boolean available() {
        return report != null;
    }

    /** The tasks (by index) whose cost differs from the model this one was made from; null when made afresh. */
    int[] changed() {
        return attribution == null ? null : attribution.changed();
    }

    /** The exact cost of the task at {@code index}, or null. */
    TaskCosts.TaskCost of(int index) {
        return attribution == null ? null : attribution.cost(index);
    }

    /** The cost of the task at {@code index} as pages show it, or null. */
    TaskView.ShownCost shown(int index) {
        return shown == null ? null : shown[index];
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
