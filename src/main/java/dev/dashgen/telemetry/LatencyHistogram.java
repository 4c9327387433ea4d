package dev.dashgen.telemetry;

import java.util.Arrays;

/**
 * Latency counts per code of one name column, in log buckets: every millisecond below 256 has its own
 * bucket; above, a bucket keeps the 8 leading bits, so it is at most 1/128 of its lower bound wide and
 * its midpoint is within 0.4 % of any value in it. 3,200 buckets cover 0 ms to 2^31 ms; counts from
 * parallel chunks simply add up. The first {@value #DENSE_CODES} codes get an array each (a row is an
 * increment); a column with thousands of names (tool names holding ids, say) shares one sparse table,
 * so memory follows the buckets used rather than names × 3,200.
 */
final class LatencyHistogram {

    static final int BUCKETS = 256 + 23 * 128;
    private static final int DENSE_CODES = 256;

    private int[][] dense = new int[16][];
    private final LongIndex sparseKeys = new LongIndex();
    private long[] sparseCounts = new long[64];

    static int bucket(long ms) {
        if (ms < 256) return (int) ms;
        int shift = 63 - Long.numberOfLeadingZeros(ms) - 7;
        return 256 + (shift - 1) * 128 + (int) (ms >>> shift) - 128;
    }

    /** The midpoint of a bucket, in whole milliseconds (rounded half up). */
    static long value(int bucket) {
        if (bucket < 256) return bucket;
        int shift = (bucket - 256) / 128 + 1;
        long mantissa = (bucket - 256) % 128 + 128;
        long low = mantissa << shift;
        long high = ((mantissa + 1) << shift) - 1;
        return (low + high + 1) / 2;
    }

    void add(int code, int bucket) {
        add(code, bucket, 1);
    }

    private void add(int code, int bucket, long count) {
        if (code < DENSE_CODES) {
            if (code >= dense.length) dense = Arrays.copyOf(dense, Math.max(code + 1, dense.length * 2));
            int[] c = dense[code];
            if (c == null) c = dense[code] = new int[BUCKETS];
            c[bucket] += (int) count;
            return;
        }
        int cell = sparseKeys.add((long) code * BUCKETS + bucket);
        if (cell == sparseCounts.length) sparseCounts = Arrays.copyOf(sparseCounts, cell * 2);
        sparseCounts[cell] += count;
    }

    void merge(LatencyHistogram other) {
        for (int code = 0; code < other.dense.length; code++) {
            int[] theirs = other.dense[code];
            if (theirs == null) continue;
            for (int b = 0; b < BUCKETS; b++) {
                if (theirs[b] != 0) add(code, b, theirs[b]);
            }
        }
        for (int i = 0; i < other.sparseKeys.size(); i++) {
            long key = other.sparseKeys.key(i);
            add((int) (key / BUCKETS), (int) (key % BUCKETS), other.sparseCounts[i]);
        }
    }

    /** Nearest-rank p50 and p95 per code (index = code), null where a code has no latencies. */
    Latency[] latencies(int codes) {
        Latency[] out = new Latency[codes];
        long[] counts = new long[BUCKETS];
        for (int code = 0; code < Math.min(codes, dense.length); code++) {
            if (dense[code] == null) continue;
            for (int b = 0; b < BUCKETS; b++) counts[b] = dense[code][b];
            out[code] = percentiles(counts);
        }
        long[] keys = new long[sparseKeys.size()];
        for (int i = 0; i < keys.length; i++) keys[i] = sparseKeys.key(i);
        Arrays.sort(keys);
        for (int i = 0; i < keys.length; ) {
            int code = (int) (keys[i] / BUCKETS);
            Arrays.fill(counts, 0);
            for (; i < keys.length && keys[i] / BUCKETS == code; i++) {
                counts[(int) (keys[i] % BUCKETS)] = sparseCounts[sparseKeys.find(keys[i])];
            }
            if (code < codes) out[code] = percentiles(counts);
        }
        return out;
    }

    private static Latency percentiles(long[] counts) {
        long n = 0;
        for (long c : counts) n += c;
        return n == 0 ? null : new Latency(atRank(counts, (n * 50 + 99) / 100), atRank(counts, (n * 95 + 99) / 100));
    }

    private static long atRank(long[] counts, long rank) {
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank) return value(b);
        }
        throw new IllegalStateException("rank beyond count");
    }
}
