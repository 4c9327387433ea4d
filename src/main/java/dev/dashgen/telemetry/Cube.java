package dev.dashgen.telemetry;

import java.util.Arrays;

/**
 * Usage summed per (UTC day, name code). A scan fills three of them, one per name column (model, agent,
 * tool), from the same rows, so each adds up to the same totals. Cells are dense per day, and rows arrive
 * roughly in time order, so a row costs a comparison with the previous row's day and a few array
 * additions: no hashing on the hot path.
 */
final class Cube {

    static final int COUNT = 0;
    static final int ERRORS = 1;
    static final int UNITS = 2;
    static final int PROMPT = 3;
    static final int COMPLETION = 4;
    static final int TOKENS = 5;
    static final int CACHE_READ = 6;
    static final int CACHE_CREATION = 7;
    private static final int STRIDE = 8;

    static final int CODE_BITS = 15;
    static final int CODE_MASK = (1 << CODE_BITS) - 1;

    private final LongIndex days = new LongIndex();
    private long[][] cells = new long[16][];
    private long lastDay = Long.MIN_VALUE;
    private long[] lastCells;

    void add(long day, int code, long count, long errors, long units, long prompt, long completion, long tokens,
             long cacheRead, long cacheCreation) {
        long[] c = day == lastDay ? lastCells : cellsOf(day);
        int at = code * STRIDE;
        if (at >= c.length) c = grow(day, code);
        c[at + COUNT] += count;
        c[at + ERRORS] += errors;
        c[at + UNITS] += units;
        c[at + PROMPT] += prompt;
        c[at + COMPLETION] += completion;
        c[at + TOKENS] += tokens;
        c[at + CACHE_READ] += cacheRead;
        c[at + CACHE_CREATION] += cacheCreation;
    }

    void merge(Cube other) {
        for (int d = 0; d < other.days.size(); d++) {
            long day = other.days.key(d);
            long[] theirs = other.cells[d];
            for (int code = 0; code * STRIDE < theirs.length; code++) {
                int at = code * STRIDE;
                if (theirs[at + COUNT] == 0) continue;
                add(day, code, theirs[at + COUNT], theirs[at + ERRORS], theirs[at + UNITS], theirs[at + PROMPT],
                        theirs[at + COMPLETION], theirs[at + TOKENS], theirs[at + CACHE_READ], theirs[at + CACHE_CREATION]);
            }
        }
    }

    /** Visits every non-empty cell. */
    void forEach(CellVisitor visitor) {
        for (int d = 0; d < days.size(); d++) {
            long[] c = cells[d];
            for (int code = 0; code * STRIDE < c.length; code++) {
                if (c[code * STRIDE + COUNT] != 0) visitor.visit(days.key(d), code, c, code * STRIDE);
            }
        }
    }

    interface CellVisitor {
        /** {@code sums[at + COUNT]} … {@code sums[at + CACHE_CREATION]} are the cell's measures. */
        void visit(long day, int code, long[] sums, int at);
    }

    private long[] cellsOf(long day) {
        int d = days.add(day);
        if (d == cells.length) cells = Arrays.copyOf(cells, d * 2);
        if (cells[d] == null) cells[d] = new long[STRIDE * 16];
        lastDay = day;
        lastCells = cells[d];
        return lastCells;
    }

    private long[] grow(long day, int code) {
        int d = days.find(day);
        cells[d] = Arrays.copyOf(cells[d], Math.max((code + 1) * STRIDE, cells[d].length * 2));
        lastDay = day;
        lastCells = cells[d];
        return lastCells;
    }
}
