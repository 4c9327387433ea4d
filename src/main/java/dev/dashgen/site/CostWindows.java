package dev.dashgen.site;

import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Task;
import dev.dashgen.telemetry.TaskCosts.TaskWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Every task's active window, for the cost key, kept between builds. Most tasks are the very objects of
 * the last build, at the same index, and keep their window object; when no window changed, the list is
 * the last one, so the cost key compares by reference.
 */
final class CostWindows {
    private List<Task> lastTasks;
    private List<TaskWindow> lastWindows;

    /**
     * The windows of {@code ws}'s tasks. {@code previous} and {@code replaced}, when known, say that the
     * tasks are {@code previous} but at those indices: then only those are looked at.
     */
    List<TaskWindow> of(Workspace ws, List<Task> previous, int[] replaced) {
        List<Task> tasks = ws.tasks();
        List<TaskWindow> windows;
        if (lastTasks != null && lastTasks.size() == tasks.size()) {
            int[] only = replaced != null && previous == lastTasks ? replaced : null;
            // Compare references first: an edit replaces a task or two, and then the list is copied once.
            windows = lastWindows;
            for (int k = 0, n = only == null ? tasks.size() : only.length; k < n; k++) {
                int i = only == null ? k : only[k];
                Task t = tasks.get(i);
                if (t == lastTasks.get(i)) continue;
                TaskWindow w = CostModel.window(t);
                if (w.equals(lastWindows.get(i))) continue; // a new title, say: the same window, the same list
                if (windows == lastWindows) windows = new ArrayList<>(lastWindows);
                windows.set(i, w);
            }
        } else {
            windows = CostModel.windows(ws);
        }
        lastTasks = tasks;
        lastWindows = windows;
        return windows;
    }
}
