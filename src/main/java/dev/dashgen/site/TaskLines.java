package dev.dashgen.site;

import dev.dashgen.telemetry.TaskCosts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of {@code data/tasks.json}, one per task, kept between builds: a view that is the last build's,
 * at the same index, with the very same cost object, keeps its line without a look-up; others are
 * remembered by file and rendered when their view or cost changed.
 */
final class TaskLines {
    private final PageMemo<Object, byte[]> byFile = new PageMemo<>();
    private List<TaskView> lastViews;
    private List<byte[]> lastLines;
    private CostModel lastCosts;

    List<byte[]> of(List<TaskView> views, CostModel costs) {
        List<byte[]> lines = new ArrayList<>(views.size());
        boolean aligned = lastViews != null && lastViews.size() == views.size();
        boolean sameCosts = costs == lastCosts;
        for (int i = 0; i < views.size(); i++) {
            TaskView v = views.get(i);
            // After a telemetry commit most tasks keep their very cost object (see TaskCosts), and so their line.
            if (aligned && lastViews.get(i) == v && (sameCosts || costs.of(v.task()) == lastCosts.of(v.task()))) {
                lines.add(lastLines.get(i));
            } else {
                TaskCosts.TaskCost exact = costs.of(v.task());
                lines.add(byFile.get(v.task().file(), Arrays.asList(v, exact), () -> DataFiles.task(v, exact)));
            }
        }
        lastViews = views;
        lastLines = lines;
        lastCosts = costs;
        return lines;
    }

    /** Forgets the lines of files no longer in the site. */
    void retain(java.util.Set<String> files) {
        byFile.retain(files);
    }
}
