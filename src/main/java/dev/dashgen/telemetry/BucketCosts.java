package dev.dashgen.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cost per (agent code, time bucket), the raw material of {@link AgentCostSeries}. */
final class BucketCosts {

    private final LongIndex index = new LongIndex();
    private long[] units = new long[256];

    void add(int agent, long bucket, long amount) {
        int cell = index.add((long) agent << 32 | bucket);
        if (cell == units.length) units = Arrays.copyOf(units, units.length * 2);
        units[cell] += amount;
    }

    void merge(BucketCosts other) {
        for (int i = 0; i < other.index.size(); i++) {
            long key = other.index.key(i);
            add((int) (key >>> 32), key & 0xFFFFFFFFL, other.units[i]);
        }
    }

    /** One series per agent with cost, in the order of {@code names}. */
    List<AgentCostSeries> series(Names names, int bucketSeconds) {
        int agents = names.codeLimit();
        int[] counts = new int[agents];
        for (int i = 0; i < index.size(); i++) counts[(int) (index.key(i) >>> 32)]++;
        long[][] keys = new long[agents][];
        for (int a = 0; a < agents; a++) keys[a] = new long[counts[a]];
        Arrays.fill(counts, 0);
        for (int i = 0; i < index.size(); i++) {
            int agent = (int) (index.key(i) >>> 32);
            keys[agent][counts[agent]++] = index.key(i);
        }
        List<AgentCostSeries> out = new ArrayList<>();
        for (int code : names.codesByName()) {
            long[] k = keys[code];
            if (k.length == 0) continue;
            Arrays.sort(k);
            int[] buckets = new int[k.length];
            long[] amounts = new long[k.length];
            for (int i = 0; i < k.length; i++) {
                buckets[i] = (int) (k[i] & 0xFFFFFFFFL);
                amounts[i] = units[index.find(k[i])];
            }
            out.add(new AgentCostSeries(names.name(code), bucketSeconds, buckets, amounts));
        }
        return out;
    }
}
