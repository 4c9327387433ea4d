package dev.dashgen.site;

import dev.dashgen.telemetry.TaskCosts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * {@code data/tasks.json} and its lines, one per task, kept between builds: a view that is the last build's,
 * at the same index, with the very same cost object, keeps its line without a look-up; others are
 * remembered by file and rendered when their view or cost changed. The file is made of blocks of
 * {@value #BLOCK} lines, and only a block with a changed line is joined again: the file goes to disk as
 * a hundred long runs of bytes rather than 100,000 small arrays scattered over the heap, which took twice
 * as long to copy. Blocks left as lines by a change all over the file are joined by {@link #settle()}.
 * When no line changed, the file is the last one.
 */
final class TaskLines {
    private static final int BLOCK = 1024;
    /** Up to this many changed blocks are joined at once. */
    private static final int FEW_BLOCKS = 4;

    private final PageMemo<Object, DataFiles.TaskLine> byFile = new PageMemo<>();
    private List<TaskView> lastViews;
    private List<byte[]> lastLines;
    private CostModel lastCosts;
    private Instant lastNow;
    private List<byte[]> lastBlocks;
    private Content lastFile;

    /**
     * The file for {@code views}. {@code previous} and {@code replaced}, when known, say that the views are
     * {@code previous} and the tasks' costs the last call's, but at those indices: only those lines are
     * looked at.
     */
    Content file(List<TaskView> views, CostModel costs, Instant now, List<TaskView> previous, int[] replaced) {
        boolean aligned = lastViews != null && lastViews.size() == views.size();
        boolean sameCosts = costs == lastCosts;
        List<byte[]> lines;
        BitSet changed = new BitSet();
        if (aligned && replaced != null && previous == lastViews) {
            lines = new ArrayList<>(lastLines);
            for (int i : replaced) {
                byte[] line = line(i, views.get(i), costs);
                if (line != lines.set(i, line)) changed.set(i / BLOCK);
            }
        } else {
            lines = new ArrayList<>(views.size());
            for (int i = 0; i < views.size(); i++) {
                TaskView v = views.get(i);
                // After a telemetry commit most tasks keep their very cost object (see TaskCosts), and so their line.
                if (aligned && lastViews.get(i) == v && (sameCosts || costs.of(i) == lastCosts.of(i))) {
                    lines.add(lastLines.get(i));
                } else {
                    byte[] line = line(i, v, costs);
                    lines.add(line);
                    if (!aligned || line != lastLines.get(i)) changed.set(i / BLOCK);
                }
            }
        }
        Content file;
        if (aligned && changed.isEmpty() && now.equals(lastNow)) {
            file = lastFile;
        } else {
            // An edit changes a block or two: join them now. A telemetry commit changes lines all over the
            // file: joining 50 MB then took longer than writing it, so its blocks go out as lines and are
            // joined by settle(), once changes pause.
            boolean few = aligned && changed.cardinality() <= FEW_BLOCKS;
            List<byte[]> blocks = new ArrayList<>();
            List<byte[]> pieces = new ArrayList<>();
            for (int from = 0, k = 0; from < lines.size(); from += BLOCK, k++) {
                int to = Math.min(lines.size(), from + BLOCK);
                byte[] block = aligned && !changed.get(k) ? lastBlocks.get(k) : few ? DataFiles.taskBlock(lines, from, to) : null;
                blocks.add(block);
                if (block != null) pieces.add(block);
                else DataFiles.taskPieces(lines, from, to, pieces);
            }
            file = DataFiles.tasks(pieces, now);
            lastBlocks = blocks;
        }
        lastViews = views;
        lastLines = lines;
        lastCosts = costs;
        lastNow = now;
        lastFile = file;
        return file;
    }

    private byte[] line(int index, TaskView v, CostModel costs) {
        TaskCosts.TaskCost exact = costs.of(index);
        String file = v.task().file();
        return byFile.get(file, Arrays.asList(v, exact), () -> {
            DataFiles.TaskLine last = byFile.peek(file);
            return last != null && last.sameFields(v) ? last.withCost(v, exact) : DataFiles.task(v, exact);
        }).bytes();
    }

    /** Joins the blocks that went out as lines; the next file is made of them. Call when changes pause. */
    void settle() {
        if (lastBlocks == null) return;
        for (int k = 0; k < lastBlocks.size(); k++) {
            if (lastBlocks.get(k) == null) {
                lastBlocks.set(k, DataFiles.taskBlock(lastLines, k * BLOCK, Math.min(lastLines.size(), (k + 1) * BLOCK)));
            }
        }
    }

    /** Forgets the lines of files no longer in the site. */
    void retain(java.util.Set<String> files) {
        byFile.retain(files);
    }
}
