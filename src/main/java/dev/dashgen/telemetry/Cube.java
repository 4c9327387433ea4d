package dev.dashgen.telemetry;

import java.util.Arrays;

/**
 * Usage summed per (UTC day, error?, model, agent, tool): every report except latency, the top list and
 * cost per task derives from these cells, so all of them add up to the same totals. Names are codes
 * (see {@link Names}), 15 bits each; the day takes the high bits.
 */
final class Cube {

    static final int COUNT = 0;
    static final int UNITS = 1;
    static final int PROMPT = 2;
    static final int COMPLETION = 3;
    static final int TOKENS = 4;
    static final int CACHE_READ = 5;
    static final int CACHE_CREATION = 6;
    private static final int STRIDE = 7;

    static final int CODE_BITS = 15;
    static final int CODE_MASK = (1 << CODE_BITS) - 1;

    private final LongIndex index = new LongIndex();
    private long[] sums = new long[STRIDE * 256];

    static long key(long day, boolean error, int model, int agent, int tool) {
        return day << 46 | (error ? 1L << 45 : 0) | (long) model << 30 | (long) agent << 15 | tool;
    }

    static long day(long key) {
        return key >>> 46;
    }

    static boolean error(long key) {
        return (key & 1L << 45) != 0;
    }

    static int model(long key) {
        return (int) (key >>> 30) & CODE_MASK;
    }

    static int agent(long key) {
        return (int) (key >>> 15) & CODE_MASK;
    }

    static int tool(long key) {
        return (int) key & CODE_MASK;
    }

    void add(long key, long count, long units, long prompt, long completion, long tokens, long cacheRead,
             long cacheCreation) {
        int at = slot(key) * STRIDE;
        sums[at + COUNT] += count;
        sums[at + UNITS] += units;
        sums[at + PROMPT] += prompt;
        sums[at + COMPLETION] += completion;
        sums[at + TOKENS] += tokens;
        sums[at + CACHE_READ] += cacheRead;
        sums[at + CACHE_CREATION] += cacheCreation;
    }

    void merge(Cube other) {
        for (int i = 0; i < other.size(); i++) {
            int at = slot(other.key(i)) * STRIDE;
            for (int m = 0; m < STRIDE; m++) sums[at + m] += other.sums[i * STRIDE + m];
        }
    }

    int size() {
        return index.size();
    }

    long key(int cell) {
        return index.key(cell);
    }

    long get(int cell, int measure) {
        return sums[cell * STRIDE + measure];
    }

    private int slot(long key) {
        int cell = index.add(key);
        if ((cell + 1) * STRIDE > sums.length) sums = Arrays.copyOf(sums, sums.length * 2);
        return cell;
    }
}
