package dev.dashgen.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cost per agent per time bucket, the raw material of {@link AgentCostSeries}. Rows arrive roughly in
 * time order, so each agent's costs are appended (a row in the same bucket as the agent's previous one
 * is added to it) and sorted once at the end: appending costs nothing per row, where a map keyed by
 * (agent, minute) would miss the cache on nearly every row. 12 bytes per busy agent-minute.
 */
final class AgentBuckets {

    private int[][] buckets = new int[16][];
    private long[][] units = new long[16][];
    private int[] sizes = new int[16];
    /** The series last made of each agent, until a row is added to it: serve asks again after every commit. */
    private AgentCostSeries[] made = new AgentCostSeries[16];

    /** {@code bucket}: epoch second / bucket width, which fits an int until the year 6000 for minutes. */
    void add(int agent, int bucket, long amount) {
        if (agent >= sizes.length) grow(agent);
        made[agent] = null;
        int n = sizes[agent];
        int[] b = buckets[agent];
        if (n > 0 && b[n - 1] == bucket) {
            units[agent][n - 1] += amount;
            return;
        }
        if (b == null || n == b.length) {
            int size = b == null ? 64 : n * 2;
            b = buckets[agent] = b == null ? new int[size] : Arrays.copyOf(b, size);
            units[agent] = units[agent] == null ? new long[size] : Arrays.copyOf(units[agent], size);
        }
        b[n] = bucket;
        units[agent][n] = amount;
        sizes[agent] = n + 1;
    }

    private void grow(int agent) {
        int length = Math.max(agent + 1, sizes.length * 2);
        buckets = Arrays.copyOf(buckets, length);
        units = Arrays.copyOf(units, length);
        sizes = Arrays.copyOf(sizes, length);
        made = Arrays.copyOf(made, length);
    }

    void merge(AgentBuckets other) {
        for (int agent = 0; agent < other.sizes.length; agent++) {
            for (int i = 0; i < other.sizes[agent]; i++) add(agent, other.buckets[agent][i], other.units[agent][i]);
        }
    }

    /** One series per agent with cost, in the order of {@code names}. */
    List<AgentCostSeries> series(Names names, int bucketSeconds) {
        List<AgentCostSeries> out = new ArrayList<>();
        for (int agent : names.codesByName()) {
            if (agent >= sizes.length || sizes[agent] == 0) continue;
            AgentCostSeries s = made[agent];
            if (s == null || s.bucketSeconds() != bucketSeconds || !s.agent().equals(names.name(agent))) {
                s = made[agent] = series(names.name(agent), bucketSeconds, buckets[agent], units[agent], sizes[agent]);
            }
            out.add(s);
        }
        return out;
    }

    private static AgentCostSeries series(String agent, int bucketSeconds, int[] buckets, long[] units, int n) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) sorted = buckets[i - 1] < buckets[i];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) order[i] = sorted ? i : (long) buckets[i] << 31 | i;
        if (!sorted) Arrays.sort(order);
        int[] outBuckets = new int[n];
        long[] outUnits = new long[n];
        int size = 0;
        for (long o : order) {
            int i = (int) (o & Integer.MAX_VALUE);
            if (size > 0 && outBuckets[size - 1] == buckets[i]) {
                outUnits[size - 1] += units[i];
            } else {
                outBuckets[size] = buckets[i];
                outUnits[size++] = units[i];
            }
        }
        return new AgentCostSeries(agent, bucketSeconds, Arrays.copyOf(outBuckets, size), Arrays.copyOf(outUnits, size));
    }
}
