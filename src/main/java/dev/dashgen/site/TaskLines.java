package dev.dashgen.site;

import dev.dashgen.telemetry.TaskCosts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code data/tasks.json} and its lines, one per task, kept between builds: a view that is the last build's,
 * at the same index, with the very same cost object, keeps its line without a look-up; others are
 * remembered by file and rendered when their view or cost changed. When no line changed, the file is the
 * last one (the same object, so the writer sees it unchanged at once).
 */
final class TaskLines {
    private final PageMemo<Object, byte[]> byFile = new PageMemo<>();
    private List<TaskView> lastViews;
    private List<byte[]> lastLines;
    private CostModel lastCosts;
    private Instant lastNow;
    private Content lastFile;

    Content file(List<TaskView> views, CostModel costs, Instant now) {
        boolean aligned = lastViews != null && lastViews.size() == views.size();
        boolean sameCosts = costs == lastCosts;
        List<byte[]> lines = new ArrayList<>(views.size());
        boolean changed = !aligned;
        for (int i = 0; i < views.size(); i++) {
            TaskView v = views.get(i);
            // After a telemetry commit most tasks keep their very cost object (see TaskCosts), and so their line.
            if (aligned && lastViews.get(i) == v && (sameCosts || costs.of(v.task()) == lastCosts.of(v.task()))) {
                lines.add(lastLines.get(i));
            } else {
                TaskCosts.TaskCost exact = costs.of(v.task());
                byte[] line = byFile.get(v.task().file(), Arrays.asList(v, exact), () -> DataFiles.task(v, exact));
                lines.add(line);
                if (aligned && line != lastLines.get(i)) changed = true;
            }
        }
        Content file = !changed && now.equals(lastNow) ? lastFile : DataFiles.tasks(lines, now);
        lastViews = views;
        lastLines = lines;
        lastCosts = costs;
        lastNow = now;
        lastFile = file;
        return file;
    }

    /** Forgets the lines of files no longer in the site. */
    void retain(java.util.Set<String> files) {
        byFile.retain(files);
    }
}
