package dev.dashgen.site;

import dev.dashgen.telemetry.TaskCosts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code data/tasks.json} and its lines, one per task, kept between builds: a view that is the last build's,
 * at the same index, with the very same cost object, keeps its line without a look-up; others are
 * remembered by file and rendered when their view or cost changed. When a few lines changed, the file is
 * the last one with those lines swapped: copying long runs of bytes, rather than thousands of small
 * arrays scattered over the heap.
 */
final class TaskLines {
    /** Beyond this many changed lines the file is put together from its lines again. */
    private static final int FEW = 64;

    private final PageMemo<Object, byte[]> byFile = new PageMemo<>();
    private List<TaskView> lastViews;
    private List<byte[]> lastLines;
    private CostModel lastCosts;
    private Instant lastNow;
    private byte[] lastFile;
    /** Where each of {@code lastLines} starts in {@code lastFile}. */
    private int[] lastStarts;

    byte[] file(List<TaskView> views, CostModel costs, Instant now) {
        boolean aligned = lastViews != null && lastViews.size() == views.size();
        boolean sameCosts = costs == lastCosts;
        List<byte[]> lines = new ArrayList<>(views.size());
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            TaskView v = views.get(i);
            // After a telemetry commit most tasks keep their very cost object (see TaskCosts), and so their line.
            if (aligned && lastViews.get(i) == v && (sameCosts || costs.of(v.task()) == lastCosts.of(v.task()))) {
                lines.add(lastLines.get(i));
            } else {
                TaskCosts.TaskCost exact = costs.of(v.task());
                byte[] line = byFile.get(v.task().file(), Arrays.asList(v, exact), () -> DataFiles.task(v, exact));
                lines.add(line);
                if (aligned && line != lastLines.get(i)) changed.add(i);
            }
        }
        byte[] file;
        if (aligned && now.equals(lastNow) && changed.size() <= FEW) {
            file = changed.isEmpty() ? lastFile : swapped(lines, changed);
        } else {
            file = DataFiles.tasks(lines, now);
            lastStarts = starts(lines, file);
        }
        lastViews = views;
        lastLines = lines;
        lastCosts = costs;
        lastNow = now;
        lastFile = file;
        return file;
    }

    /** The last file with the lines at {@code changed} (ascending) replaced; updates {@code lastStarts}. */
    private byte[] swapped(List<byte[]> lines, List<Integer> changed) {
        long size = lastFile.length;
        for (int i : changed) size += lines.get(i).length - lastLines.get(i).length;
        byte[] out = new byte[Math.toIntExact(size)];
        int[] starts = lastStarts.clone();
        int read = 0;
        int written = 0;
        int shift = 0;
        int next = 0; // the first index whose start has not been shifted yet
        for (int i : changed) {
            for (; next <= i; next++) starts[next] += shift;
            int keep = lastStarts[i] - read;
            System.arraycopy(lastFile, read, out, written, keep);
            written += keep;
            byte[] line = lines.get(i);
            System.arraycopy(line, 0, out, written, line.length);
            written += line.length;
            read = lastStarts[i] + lastLines.get(i).length;
            shift += line.length - lastLines.get(i).length;
        }
        for (; next < starts.length; next++) starts[next] += shift;
        System.arraycopy(lastFile, read, out, written, lastFile.length - read);
        lastStarts = starts;
        return out;
    }

    /** Where each line starts in a file {@link DataFiles#tasks} made of them: after the head and a newline. */
    private static int[] starts(List<byte[]> lines, byte[] file) {
        int[] starts = new int[lines.size()];
        int end = file.length - DataFiles.TASKS_TAIL.length;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (i < lines.size() - 1) end--; // the comma after every line but the last
            end -= lines.get(i).length;
            starts[i] = end;
            end--; // the newline before it
        }
        return starts;
    }

    /** Forgets the lines of files no longer in the site. */
    void retain(java.util.Set<String> files) {
        byFile.retain(files);
    }
}
