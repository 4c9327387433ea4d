package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.metrics.BudgetView;
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
import java.util.Objects;

/**
 * What the site knows about cost: the report (null without usable telemetry, then {@code notice}
 * says why, or is null when no telemetry was configured at all), cost per task, and the budget.
 * Costs are looked up by the task's index in the workspace, which is its window's index.
 */
public final class CostModel {
    private final CostReport report;
    private final String notice;
    private final CostAttribution attribution;
    private final TaskView.ShownCost[] shown;
    private final BudgetView budget;
    private final int[] changed;

    private CostModel(CostReport report, String notice, CostAttribution attribution, TaskView.ShownCost[] shown,
                      BudgetView budget, int[] changed) {
        this.report = report;
        this.notice = notice;
        this.attribution = attribution;
        this.shown = shown;
        this.budget = budget;
        this.changed = changed;
    }

    /** The model of a build that starts afresh: {@code windows} are every task's active window ({@link #windows}). */
    public static CostModel of(Telemetry telemetry, Config.Budget budget, Instant now, List<TaskCosts.TaskWindow> windows) {
        if (telemetry instanceof Telemetry.Available a) {
            CostReport r = a.report();
            CostAttribution costs = TaskCosts.attribute(windows, r, now, null);
            TaskView.ShownCost[] shown = new TaskView.ShownCost[windows.size()];
            for (int i = 0; i < shown.length; i++) shown[i] = TaskView.ShownCost.of(costs.cost(i));
            return new CostModel(r, null, costs, shown, BudgetView.of(budget, r.kpis().month()), null);
        }
        String notice = telemetry instanceof Telemetry.Unavailable u ? u.reason() : null;
        return new CostModel(null, notice, null, null, BudgetView.of(budget, null), new int[0]);
    }

    /**
     * The model after this one for the same tasks in the same order (so windows and costs keep their
     * indices): {@code telemetry} is this build's, {@code windowsChanged} says whether any task's window
     * differs from this model's. {@link #changed} then says which tasks' costs differ from this model's.
     */
    public CostModel next(Telemetry telemetry, Config.Budget budget, Instant now, List<TaskCosts.TaskWindow> windows,
                          boolean windowsChanged) {
        if (!(telemetry instanceof Telemetry.Available a) || attribution == null) return of(telemetry, budget, now, windows);
        CostReport r = a.report();
        // Unchanged windows: only agents whose cost series moved are split again. Changed windows move the
        // split of every agent they touch, and a fresh split is compared with this one, cost by cost.
        CostAttribution costs = TaskCosts.attribute(windows, r, now, windowsChanged ? null : attribution);
        int[] differ = costs.changed() == null ? differing(costs) : costs.changed();
        TaskView.ShownCost[] nextShown = differ.length == 0 ? shown : shown.clone();
        for (int i : differ) {
            TaskView.ShownCost cost = TaskView.ShownCost.of(costs.cost(i));
            if (!Objects.equals(cost, nextShown[i])) nextShown[i] = cost;
        }
        return new CostModel(r, null, costs, nextShown, BudgetView.of(budget, r.kpis().month()), differ);
    }

    private int[] differing(CostAttribution costs) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            if (!Objects.equals(costs.cost(i), attribution.cost(i))) out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    CostReport report() {
        return report;
    }

    String notice() {
        return notice;
    }

    public BudgetView budget() {
        return budget;
    }

    /** The agents the report has cost for; none without telemetry. */
    public List<String> agents() {
        return report == null ? List.of() : report.byAgent().stream().map(b -> b.name()).toList();
    }

    public boolean available() {
        return report != null;
    }

    /** The tasks (by index, ascending) whose exact cost differs from the model this one followed; null when made afresh. */
    public int[] changed() {
        return changed == null ? null : changed.clone();
    }

    /** The exact cost of the task at {@code index}, or null. */
    public TaskCosts.TaskCost exact(int index) {
        return of(index);
    }

    TaskCosts.TaskCost of(int index) {
        return attribution == null ? null : attribution.cost(index);
    }

    /** The cost of the task at {@code index} as pages show it, or null. */
    public TaskView.ShownCost shown(int index) {
        return shown == null ? null : shown[index];
    }

    /** A task's active window: started (else assigned) to completed, or open until now. */
    public static List<TaskCosts.TaskWindow> windows(Workspace ws) {
        List<TaskCosts.TaskWindow> windows = new ArrayList<>(ws.tasks().size());
        for (Task t : ws.tasks()) windows.add(window(t));
        return windows;
    }

    public static TaskCosts.TaskWindow window(Task t) {
        Task.Lifecycle l = t.lifecycle();
        Instant start = instant(l.started());
        if (start == null) start = instant(l.assigned());
        return new TaskCosts.TaskWindow(t.id(), t.agent(), start, instant(l.completed()));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.instant();
    }
}
