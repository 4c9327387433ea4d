package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One agent's cost over time in fixed buckets (a minute from {@code invocations}, a day from
 * {@code daily_costs}), kept as sorted bucket numbers and prefix sums: an agent's cost in any window is
 * two binary searches, and 10 million invocations cost at most 12 bytes per busy agent-minute. Inside a
 * bucket, cost is taken to accrue evenly, so a window covering half a bucket gets half its cost.
 */
public final class AgentCostSeries {

    private final String agent;
    private final int bucketSeconds;
    private final int[] buckets;
    private final long[] cumulative;

    /** {@code buckets} ascending and distinct (epoch second / bucketSeconds); {@code units} per bucket. */
    AgentCostSeries(String agent, int bucketSeconds, int[] buckets, long[] units) {
        if (buckets.length != units.length || bucketSeconds <= 0) {
            throw new IllegalArgumentException("buckets and units must match; bucketSeconds > 0");
        }
        this.agent = Objects.requireNonNull(agent, "agent");
        this.bucketSeconds = bucketSeconds;
        this.buckets = buckets.clone();
        this.cumulative = new long[units.length + 1];
        for (int i = 0; i < units.length; i++) {
            if (i > 0 && buckets[i] <= buckets[i - 1]) throw new IllegalArgumentException("buckets must ascend");
            cumulative[i + 1] = cumulative[i] + units[i];
        }
    }

    public String agent() {
        return agent;
    }

    public int bucketSeconds() {
        return bucketSeconds;
    }

    /** Number of buckets with cost. */
    public int size() {
        return buckets.length;
    }

    public BigDecimal total() {
        return Money.usd(cumulative[buckets.length]);
    }

    /** The agent's cost between two instants (empty when {@code to} is not after {@code from}). */
    public BigDecimal costBetween(Instant from, Instant to) {
        return Money.usd(unitsBetween(from.getEpochSecond(), to.getEpochSecond()));
    }

    double unitsBetween(long fromSecond, long toSecond) {
        return toSecond <= fromSecond ? 0 : unitsBefore(toSecond) - unitsBefore(fromSecond);
    }

    /** Cost accrued before {@code second}, pro rata inside the bucket that holds it. */
    double unitsBefore(long second) {
        long bucket = Math.floorDiv(second, bucketSeconds);
        int lo = 0;
        int hi = buckets.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (buckets[mid] < bucket) lo = mid + 1;
            else hi = mid;
        }
        double before = cumulative[lo];
        if (lo < buckets.length && buckets[lo] == bucket) {
            long into = second - bucket * bucketSeconds;
            before += (double) (cumulative[lo + 1] - cumulative[lo]) * into / bucketSeconds;
        }
        return before;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgentCostSeries s && agent.equals(s.agent) && bucketSeconds == s.bucketSeconds
                && Arrays.equals(buckets, s.buckets) && Arrays.equals(cumulative, s.cumulative);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agent, bucketSeconds, Arrays.hashCode(buckets), Arrays.hashCode(cumulative));
    }

    @Override
    public String toString() {
        return "AgentCostSeries[" + agent + ", " + buckets.length + " buckets of " + bucketSeconds + " s]";
    }
}
