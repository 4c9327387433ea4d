package dev.dashgen.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code data/tasks.json}: one task a line, so a change shows as a one-line diff. Each line is remembered by
 * its task file with the view and exact cost it was made from. The file is made of blocks of {@value #BLOCK}
 * lines, each one array joined once; after an edit (the task list in the same order, {@link Delta#lines()}
 * naming the lines to look at) a changed line is written between runs of its block's array, so the file goes
 * to disk as a hundred long runs of bytes rather than 100,000 small arrays, and a telemetry commit that
 * changes lines in nearly every block joins none of them. {@link #settle} joins such blocks again once
 * changes pause.
 */
final class TasksJson implements PageKind {
    static final String PATH = "data/tasks.json";
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

        /** Adds this block with {@code all}'s lines in place of the joined ones where {@code changed} says. */
        void addTo(Content.Builder out, List<byte[]> all, BitSet changed) {
            int run = 0; // the first line of the joined run not yet added
            int end = first + lines.length;
            for (int at = changed.nextSetBit(first); at >= 0 && at < end; at = changed.nextSetBit(at + 1)) {
                int i = at - first;
                out.add(joined, starts[run], starts[i]).add(separator(at)).add(all.get(at));
                run = i + 1;
            }
            out.add(joined, starts[run], joined.length);
        }

        private static byte[] separator(int line) {
            return line == 0 ? FIRST_LINE : NEXT_LINE;
        }
    }

    /** What the next build starts from: every line, the blocks, and the lines changed since their block was joined. */
    private record Kept(List<byte[]> lines, List<Block> blocks, BitSet changed) {
        boolean stale(int block) {
            int at = changed.nextSetBit(block * BLOCK);
            return at >= 0 && at < (block + 1) * BLOCK;
        }
    }

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.TASKS, Reads.COSTS);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        List<TaskView> views = m.views();
        Kept kept = ctx.kept() instanceof Kept k ? k : null;
        BitSet only = ctx.delta().lines();
        if (ctx.full() || kept == null || only == null || !ctx.delta().aligned()) {
            List<byte[]> lines = new ArrayList<>(views.size());
            for (int i = 0; i < views.size(); i++) lines.add(line(ctx, i));
            List<Block> blocks = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += BLOCK) blocks.add(Block.of(lines, from, Math.min(lines.size(), from + BLOCK)));
            Kept next = new Kept(lines, blocks, new BitSet());
            out.put(PATH, file(m, next));
            out.keep(next);
            return;
        }
        List<byte[]> lines = new ArrayList<>(kept.lines());
        BitSet changed = (BitSet) kept.changed().clone();
        for (int i = only.nextSetBit(0); i >= 0; i = only.nextSetBit(i + 1)) {
            byte[] line = line(ctx, i);
            if (!Arrays.equals(line, lines.set(i, line))) changed.set(i);
        }
        Kept next = new Kept(lines, kept.blocks(), changed);
        out.put(PATH, file(m, next));
        out.keep(next);
    }

    /** Joins again the blocks with lines changed since they were joined; the file keeps its bytes. */
    @Override
    public void settle(PageContext ctx, PageOutput out) {
        out.keep(ctx.kept());
        if (!(ctx.kept() instanceof Kept k) || k.changed().isEmpty()) return;
        List<Block> blocks = new ArrayList<>(k.blocks());
        for (int b = 0; b < blocks.size(); b++) {
            if (!k.stale(b)) continue;
            Block old = blocks.get(b);
            blocks.set(b, Block.of(k.lines(), old.first(), old.first() + old.lines().length));
        }
        Kept next = new Kept(k.lines(), blocks, new BitSet());
        out.put(PATH, file(ctx.model(), next));
        out.keep(next);
    }

    private static Content file(SiteModel m, Kept k) {
        Content.Builder pieces = new Content.Builder(2 * k.blocks().size() + 2);
        pieces.add(DataFiles.tasksHead(m.now()));
        for (int b = 0; b < k.blocks().size(); b++) {
            if (k.stale(b)) k.blocks().get(b).addTo(pieces, k.lines(), k.changed());
            else pieces.add(k.blocks().get(b).joined());
        }
        return pieces.add(DataFiles.TASKS_TAIL).build();
    }

    /**
     * The line of the task at {@code index}. A task whose line differs from the last one made for its file
     * only in its cost (a telemetry commit) has the cost swapped in rather than the line written again.
     */
    private static byte[] line(PageContext ctx, int index) {
        TaskView v = ctx.model().views().get(index);
        var exact = ctx.model().costs().of(index);
        String file = v.task().file();
        return ctx.caches().lines.get(file, Arrays.asList(v, exact), () -> {
            DataFiles.TaskLine last = ctx.caches().lines.peek(file);
            return last != null && last.sameFields(v) ? last.withCost(v, exact) : DataFiles.task(v, exact);
        }).bytes();
    }
}
