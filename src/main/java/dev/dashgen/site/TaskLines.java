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
 * {@value #BLOCK} lines, each one array joined once; a line changed since is written between runs of that
 * array, so the file goes to disk as a hundred long runs of bytes rather than 100,000 small arrays
 * scattered over the heap (which took twice as long to copy), and a telemetry commit that changes lines in
 * nearly every block joins none of them. {@link #settle()} joins blocks with changed lines again once
 * changes pause. When no line changed, the file is the last one.
 */
final class TaskLines {
    private static final int BLOCK = 1024;
    private static final byte[] FIRST_LINE = {'\n'};
    private static final byte[] NEXT_LINE = {',', '\n'};

    /**
     * Lines {@code first…first + lines.length} joined into {@code joined}, each after its newline (and, but for
     * the first line of all, the comma ending the line before); line {@code i} starts at {@code starts[i]}.
     */
    private record Block(int first, byte[][] lines, byte[] joined, int[] starts) {
        static Block of(List<byte[]> all, int first, int end) {
            byte[][] lines = all.subList(first, end).toArray(new byte[0][]);
            int[] starts = new int[lines.length + 1];
            for (int i = 0; i < lines.length; i++) starts[i + 1] = starts[i] + separator(first + i).length + lines[i].length;
            byte[] joined = new byte[starts[lines.length]];
            for (int i = 0; i < lines.length; i++) {
                byte[] sep = separator(first + i);
                System.arraycopy(sep, 0, joined, starts[i], sep.length);
                System.arraycopy(lines[i], 0, joined, starts[i] + sep.length, lines[i].length);
            }
            return new Block(first, lines, joined, starts);
        }

        /** Adds this block with {@code all}'s lines in place of the joined ones wherever they differ. */
        void addTo(Content.Builder out, List<byte[]> all) {
            int run = 0; // the first line of the joined run not yet added
            for (int i = 0; i < lines.length; i++) {
                byte[] now = all.get(first + i);
                if (now == lines[i]) continue;
                out.add(joined, starts[run], starts[i]).add(separator(first + i)).add(now);
                run = i + 1;
            }
            out.add(joined, starts[run], joined.length);
        }

        private static byte[] separator(int line) {
            return line == 0 ? FIRST_LINE : NEXT_LINE;
        }
    }

    private final PageMemo<Object, DataFiles.TaskLine> byFile = new PageMemo<>();
    private List<TaskView> lastViews;
    private List<byte[]> lastLines;
    private CostModel lastCosts;
    private Instant lastNow;
    private List<Block> blocks;
    /** The blocks holding a line changed since they were joined. */
    private final BitSet stale = new BitSet();
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
        boolean changed = false;
        if (aligned && replaced != null && previous == lastViews) {
            lines = new ArrayList<>(lastLines);
            for (int i : replaced) {
                byte[] line = line(i, views.get(i), costs);
                if (line != lines.set(i, line)) {
                    changed = true;
                    stale.set(i / BLOCK);
                }
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
                    if (!aligned || line != lastLines.get(i)) {
                        changed = true;
                        stale.set(i / BLOCK);
                    }
                }
            }
        }
        Content file;
        if (aligned && !changed && now.equals(lastNow)) {
            file = lastFile;
        } else {
            if (!aligned) {
                blocks = new ArrayList<>();
                for (int from = 0; from < lines.size(); from += BLOCK) blocks.add(Block.of(lines, from, Math.min(lines.size(), from + BLOCK)));
                stale.clear();
            }
            Content.Builder pieces = new Content.Builder(2 * blocks.size() + 2);
            pieces.add(DataFiles.tasksHead(now));
            for (int k = 0; k < blocks.size(); k++) {
                if (stale.get(k)) blocks.get(k).addTo(pieces, lines);
                else pieces.add(blocks.get(k).joined());
            }
            file = pieces.add(DataFiles.TASKS_TAIL).build();
        }
        lastViews = views;
        lastLines = lines;
        lastCosts = costs;
        lastNow = now;
        lastFile = file;
        return file;
    }

    /** Joins again the blocks with lines changed since they were joined. Call when changes pause. */
    void settle() {
        if (blocks == null) return;
        for (int k = stale.nextSetBit(0); k >= 0; k = stale.nextSetBit(k + 1)) {
            Block b = blocks.get(k);
            blocks.set(k, Block.of(lastLines, b.first(), b.first() + b.lines().length));
        }
        stale.clear();
    }

    private byte[] line(int index, TaskView v, CostModel costs) {
        TaskCosts.TaskCost exact = costs.of(index);
        String file = v.task().file();
        return byFile.get(file, Arrays.asList(v, exact), () -> {
            DataFiles.TaskLine last = byFile.peek(file);
            return last != null && last.sameFields(v) ? last.withCost(v, exact) : DataFiles.task(v, exact);
        }).bytes();
    }

    /** Forgets the lines of files no longer in the site. */
    void retain(java.util.Set<String> files) {
        byFile.retain(files);
    }
}
