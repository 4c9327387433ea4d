package dev.dashgen.telemetry;

/**
 * Latency counts per code of one name column, in log buckets: every millisecond below 256 has its own
 * bucket; above, a bucket keeps the 8 leading bits, so it is at most 1/128 of its lower bound wide and
 * its midpoint is within 0.4 % of any value in it. 3,200 buckets cover 0 ms to 2^31 ms; counts from
 * parallel chunks simply add up.
 */
final class LatencyHistogram {

    static final int BUCKETS = 256 + 23 * 128;

    private final int[][] counts;

    LatencyHistogram(int codes) {
        counts = new int[codes][];
    }

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
        int[] c = counts[code];
        if (c == null) c = counts[code] = new int[BUCKETS];
        c[bucket]++;
    }

    void merge(LatencyHistogram other) {
        for (int code = 0; code < counts.length; code++) {
            int[] theirs = other.counts[code];
            if (theirs == null) continue;
            if (counts[code] == null) counts[code] = new int[BUCKETS];
            for (int b = 0; b < BUCKETS; b++) counts[code][b] += theirs[b];
        }
    }

    /** Nearest-rank p50 and p95 of one code, or null when it has no latencies. */
    Latency latency(int code) {
        int[] c = code < counts.length ? counts[code] : null;
        if (c == null) return null;
        long n = 0;
        for (int x : c) n += x;
        if (n == 0) return null;
        return new Latency(atRank(c, (n * 50 + 99) / 100), atRank(c, (n * 95 + 99) / 100));
    }

    private static long atRank(int[] c, long rank) {
        long seen = 0;
        for (int b = 0; b < c.length; b++) {
            seen += c[b];
            if (seen >= rank) return value(b);
        }
        throw new IllegalStateException("rank beyond count");
    }
}
