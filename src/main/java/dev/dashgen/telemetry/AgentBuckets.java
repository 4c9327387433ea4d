package dev.dashgen.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cost per agent per time bucket, the raw material of {@link AgentCostSeries}. Rows arrive roughly in
 * time order, so each agent's costs are appended (a row in the same bucket as the agent's previous one
 * is added to it) and sorted once at the end: appending costs nothing per row, where a map keyed by
 * (agent, second) would miss the cache on nearly every row. 16 bytes per agent-second with cost.
 */
final class AgentBuckets {

    /** Rows in a series' recent part before the next commit sorts all of the agent's rows again. */
    private static final int MAX_RECENT = 4096;

    private long[][] buckets = new long[16][];
    private long[][] units = new long[16][];
    private int[] sizes = new int[16];
    /** The series last made of each agent, and how many of its rows that holds: serve asks again after every commit. */
    private AgentCostSeries[] made = new AgentCostSeries[16];
    private int[] covered = new int[16];

    /** {@code bucket}: epoch second / bucket width. */
    void add(int agent, long bucket, long amount) {
        if (agent >= sizes.length) grow(agent);
        int n = sizes[agent];
        long[] b = buckets[agent];
        if (n > covered[agent] && b[n - 1] == bucket) { // a row the last series holds stays as it was
            units[agent][n - 1] += amount;
            return;
        }
        if (b == null || n == b.length) {
            int size = b == null ? 64 : n * 2;
            b = buckets[agent] = b == null ? new long[size] : Arrays.copyOf(b, size);
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
        covered = Arrays.copyOf(covered, length);
    }

    void merge(AgentBuckets other) {
        for (int agent = 0; agent < other.sizes.length; agent++) {
            int more = other.sizes[agent];
            if (more == 0) continue;
            if (agent >= sizes.length) grow(agent);
            int n = sizes[agent];
            if (buckets[agent] == null || n + more > buckets[agent].length) { // room for all at once, doubling at least
                int size = Math.max(64, Math.max(n + more, 2 * n));
                buckets[agent] = buckets[agent] == null ? new long[size] : Arrays.copyOf(buckets[agent], size);
                units[agent] = units[agent] == null ? new long[size] : Arrays.copyOf(units[agent], size);
            }
            for (int i = 0; i < more; i++) add(agent, other.buckets[agent][i], other.units[agent][i]);
        }
    }

    /** One series per agent with cost, in the order of {@code names}. */
    List<AgentCostSeries> series(Names names, int bucketSeconds) {
        List<AgentCostSeries> out = new ArrayList<>();
        for (int agent : names.codesByName()) {
            if (agent >= sizes.length || sizes[agent] == 0) continue;
            AgentCostSeries s = made[agent];
            int n = sizes[agent];
            if (s == null || s.bucketSeconds() != bucketSeconds || !s.agent().equals(names.name(agent))) {
                s = AgentCostSeries.of(names.name(agent), bucketSeconds, buckets[agent], units[agent], n);
            } else if (covered[agent] < n) {
                // A commit's few rows join the series' recent part; once that has grown large, all are sorted anew.
                boolean few = bucketSeconds == 1 && s.recentSize() + n - covered[agent] <= MAX_RECENT;
                s = few ? s.withMore(buckets[agent], units[agent], covered[agent], n)
                        : AgentCostSeries.of(names.name(agent), bucketSeconds, buckets[agent], units[agent], n);
            }
            made[agent] = s;
            covered[agent] = n;
            out.add(s);
        }
        return out;
    }
}
