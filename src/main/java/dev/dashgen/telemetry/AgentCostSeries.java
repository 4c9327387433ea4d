package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * One agent's cost over time in fixed buckets (a second from {@code invocations}, a day from
 * {@code daily_costs}), kept as sorted bucket numbers and prefix sums: an agent's cost in any window is
 * two binary searches, and 10 million invocations cost at most 16 bytes each. Inside a bucket, cost is
 * taken to accrue evenly, so a window covering half a bucket gets half its cost: a second is as fine as
 * the timestamps SQL reads and the windows task files give, so a call's cost goes to the tasks active at
 * its very second (PRODUCT.md §3), where a wider bucket would spread it to tasks started or ended around it.
 *
 * <p>A series is a main part and a few recent rows ({@link #withMore}): serve adds a commit's rows to the
 * recent part and shares the main one, rather than copying millions of seconds per commit. Per-second
 * sums are whole numbers of units, so the two parts add up to exactly what one part would hold.
 */
public final class AgentCostSeries {

    private final String agent;
    private final int bucketSeconds;
    private final Part main;
    private final Part recent;

    /**
     * The series of the first {@code n} rows of {@code buckets} (epoch second / bucketSeconds) and {@code units}, in
     * any order, a bucket possibly more than once.
     */
    static AgentCostSeries of(String agent, int bucketSeconds, long[] buckets, long[] units, int n) {
        return new AgentCostSeries(agent, bucketSeconds, Part.sorted(buckets, units, n), Part.EMPTY);
    }

    private AgentCostSeries(String agent, int bucketSeconds, Part main, Part recent) {
        if (bucketSeconds <= 0) throw new IllegalArgumentException("bucketSeconds > 0");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.bucketSeconds = bucketSeconds;
        this.main = main;
        this.recent = recent;
    }

    /**
     * This series with rows {@code from} (inclusive) to {@code to} of {@code buckets} and {@code units} added, in any
     * order: they join the recent part, and the main part is shared. Only for per-second series, whose parts add up
     * exactly.
     */
    AgentCostSeries withMore(long[] buckets, long[] units, int from, int to) {
        if (bucketSeconds != 1) throw new IllegalStateException("only a per-second series takes rows");
        int old = recent.size();
        long[] b = Arrays.copyOf(recent.buckets, old + to - from);
        long[] u = new long[b.length];
        recent.unitsInto(u, 0);
        System.arraycopy(buckets, from, b, old, to - from);
        System.arraycopy(units, from, u, old, to - from);
        return new AgentCostSeries(agent, bucketSeconds, main, Part.sorted(b, u, b.length));
    }

    /** How many rows the recent part holds. */
    int recentSize() {
        return recent.size();
    }

    public String agent() {
        return agent;
    }

    public int bucketSeconds() {
        return bucketSeconds;
    }

    /** Number of buckets with cost (a second in both parts counts twice). */
    public int size() {
        return main.size() + recent.size();
    }

    public BigDecimal total() {
        return Money.usd(main.total() + recent.total());
    }

    /** Cost accrued before {@code second}, pro rata inside the bucket that holds it. */
    double unitsBefore(long second) {
        double before = main.unitsBefore(second, bucketSeconds);
        return recent.size() == 0 ? before : before + recent.unitsBefore(second, bucketSeconds);
    }

    /** A reader of {@link #unitsBefore} at seconds that never decrease, such as a sweep over task boundaries. */
    Cursor cursor() {
        return new Cursor();
    }

    /**
     * Gives what {@link #unitsBefore} gives, to the bit, walking forward from its last answer (galloping) rather than
     * searching the whole series again: a sweep over thousands of boundaries then reads the series in order.
     */
    final class Cursor {
        private int mainAt;
        private int recentAt;

        double unitsBefore(long second) {
            long bucket = Math.floorDiv(second, bucketSeconds);
            mainAt = main.seek(bucket, mainAt);
            double before = main.unitsAt(mainAt, bucket, second, bucketSeconds);
            if (recent.size() == 0) return before;
            recentAt = recent.seek(bucket, recentAt);
            return before + recent.unitsAt(recentAt, bucket, second, bucketSeconds);
        }
    }

    /** Equal cost in every bucket, however it is split between the parts. A changed series differs in its total, looked at first. */
    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof AgentCostSeries s) || !agent.equals(s.agent) || bucketSeconds != s.bucketSeconds
                || main.total() + recent.total() != s.main.total() + s.recent.total()) {
            return false;
        }
        return main.same(s.main) && recent.same(s.recent) || whole().same(s.whole());
    }

    /** Both parts as one. */
    private Part whole() {
        if (recent.size() == 0) return main;
        int n = main.size() + recent.size();
        long[] b = Arrays.copyOf(main.buckets, n);
        long[] u = new long[n];
        main.unitsInto(u, 0);
        System.arraycopy(recent.buckets, 0, b, main.size(), recent.size());
        recent.unitsInto(u, main.size());
        return Part.sorted(b, u, n);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agent, bucketSeconds, main.total() + recent.total()); // as equals, whatever the split
    }

    @Override
    public String toString() {
        return "AgentCostSeries[" + agent + ", " + size() + " buckets of " + bucketSeconds + " s]";
    }

    /** Sorted distinct buckets and the prefix sums of their units. */
    private record Part(long[] buckets, long[] cumulative) {
        static final Part EMPTY = new Part(new long[0], new long[1]);

        static Part of(long[] buckets, long[] units) {
            if (buckets.length != units.length) throw new IllegalArgumentException("buckets and units must match");
            long[] cumulative = new long[units.length + 1];
            for (int i = 0; i < units.length; i++) {
                if (i > 0 && buckets[i] <= buckets[i - 1]) throw new IllegalArgumentException("buckets must ascend");
                cumulative[i + 1] = cumulative[i] + units[i];
            }
            return new Part(buckets, cumulative);
        }

        /**
         * The first {@code n} of {@code buckets} and {@code units} in any order, a bucket possibly more than once:
         * sorted as (bucket, row) in one long each, which holds any span of buckets up to 2^32 (136 years of
         * seconds) beside a row number below 2^31, and each bucket's units summed.
         */
        static Part sorted(long[] buckets, long[] units, int n) {
            boolean ascending = true;
            long min = n == 0 ? 0 : buckets[0];
            for (int i = 1; i < n; i++) {
                ascending &= buckets[i - 1] < buckets[i];
                min = Math.min(min, buckets[i]);
            }
            if (ascending) return of(Arrays.copyOf(buckets, n), Arrays.copyOf(units, n));
            long[] order = new long[n];
            for (int i = 0; i < n; i++) order[i] = (buckets[i] - min) << 31 | i;
            Arrays.sort(order);
            long[] outBuckets = new long[n];
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
            return of(Arrays.copyOf(outBuckets, size), Arrays.copyOf(outUnits, size));
        }

        int size() {
            return buckets.length;
        }

        /** Each bucket's units, into {@code out} from {@code at} on. */
        void unitsInto(long[] out, int at) {
            for (int i = 0; i < buckets.length; i++) out[at + i] = cumulative[i + 1] - cumulative[i];
        }

        long total() {
            return cumulative[buckets.length];
        }

        double unitsBefore(long second, int bucketSeconds) {
            long bucket = Math.floorDiv(second, bucketSeconds);
            return unitsAt(seek(bucket, 0), bucket, second, bucketSeconds);
        }

        /** The units before {@code second}, whose bucket is {@code bucket}, given the first index {@code at} not below it. */
        double unitsAt(int at, long bucket, long second, int bucketSeconds) {
            double before = cumulative[at];
            if (at < buckets.length && buckets[at] == bucket) {
                long into = second - bucket * bucketSeconds;
                before += (double) (cumulative[at + 1] - cumulative[at]) * into / bucketSeconds;
            }
            return before;
        }

        /**
         * The first index from {@code from} on whose bucket is not below {@code bucket}, none before {@code from} being
         * at or above it: galloping, so a cursor moving forward pays for how far it moves.
         */
        int seek(long bucket, int from) {
            int n = buckets.length;
            if (from >= n || buckets[from] >= bucket) return from;
            int lo = from; // buckets[lo] < bucket
            int step = 1;
            while (lo + step < n && buckets[lo + step] < bucket) {
                lo += step;
                step <<= 1;
            }
            int hi = Math.min(n, lo + step); // buckets[hi] >= bucket, or hi == n
            lo++;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (buckets[mid] < bucket) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        boolean same(Part o) {
            return this == o || total() == o.total() && Arrays.equals(buckets, o.buckets) && Arrays.equals(cumulative, o.cumulative);
        }
    }
}
