package dev.dashgen.site;

import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Task;
import dev.dashgen.telemetry.TaskCosts.TaskWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Every task's active window, for the cost key, kept between builds. Most tasks are the very objects of
 * the last build, at the same index, and keep their window object, so comparing keys is mostly comparing
 * references.
 */
final class CostWindows {
    private List<Task> lastTasks;
    private List<TaskWindow> lastWindows;

    List<TaskWindow> of(Workspace ws) {
        List<Task> tasks = ws.tasks();
        List<TaskWindow> windows;
        if (lastTasks != null && lastTasks.size() == tasks.size()) {
            windows = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                Task t = tasks.get(i);
                windows.add(t == lastTasks.get(i) ? lastWindows.get(i) : CostModel.window(t));
            }
        } else {
            windows = CostModel.windows(ws);
        }
        lastTasks = tasks;
        lastWindows = windows;
        return windows;
    }
}
