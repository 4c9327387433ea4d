package dev.dashgen.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The forecast's trials (PRODUCT.md §4.4). A trial simulates the days from tomorrow on, each day's finished count
 * drawn uniformly from the samples; it ends when the open work is done and the last "how many by" date is reached.
 * The open work is done on the first day the running sum reaches N (today when N is 0). Then the trial draws N
 * task costs uniformly from the given costs and sums them.
 *
 * <p>Draws are fixed to the bit, so the same inputs give the same forecast on every JDK and machine: one
 * {@link SplittableRandom} seeded with {@code forecast.seed} (its algorithm is part of the JDK's specification) gives
 * 64 bits at a time, and each 32-bit half in turn, high half first, picks an index among n as ⌊half·n / 2³²⌋ (a
 * multiplication instead of a division, off from uniform by at most n/2³²). Trial after trial, the day draws come
 * first, then the cost draws, and each trial starts on a fresh 64 bits.
 *
 * <p>A trial stops at {@value #CAP_DAYS} days (ten years) even if not done: very slow throughput against much open
 * work would otherwise run for ever; such trials count as not done, and a percentile that falls on one has no date.
 */
public final class MonteCarlo {
    public static final int TRIALS = 10_000;
    public static final int CAP_DAYS = 3653;
    private static final int MICRO = 6;

    private MonteCarlo() {}

    /**
     * Everything a forecast depends on, as a value: equal inputs give an equal forecast, so a caller may keep the last
     * one and skip the trials when an edit leaves these unchanged (a title edit, a move between open lanes).
     *
     * @param samples tasks finished on each day of {@code window}, oldest first; at least one must be non-zero
     * @param dates   the "how many by" dates; those not after today or beyond the cap are left out
     * @param costs   USD per task finished in the report window, in a fixed order; null or empty for no cost forecast
     * @param costNote why there is no cost forecast, when {@code costs} is null or empty
     */
    public record Inputs(LocalDate today, FlowReport.Window window, List<Integer> samples, int open, long seed,
                         List<LocalDate> dates, List<BigDecimal> costs, String costNote) {
        public Inputs {
            samples = List.copyOf(samples);
            dates = List.copyOf(dates);
            costs = costs == null ? null : List.copyOf(costs);
        }
    }

    public static Forecast run(Inputs in) {
        return run(in.today(), in.window(), in.samples().stream().mapToInt(Integer::intValue).toArray(), in.open(), in.seed(),
                in.dates(), in.costs(), in.costNote());
    }

    /**
     * @param samples tasks finished on each day of {@code window}, oldest first; at least one must be non-zero
     * @param dates   the "how many by" dates; those not after today or beyond the cap are left out
     * @param costs   USD per task finished in the report window, in a fixed order; null or empty for no cost forecast
     */
    public static Forecast run(LocalDate today, FlowReport.Window window, int[] samples, int open, long seed,
                               List<LocalDate> dates, List<BigDecimal> costs, String costNote) {
        if (Arrays.stream(samples).allMatch(s -> s == 0)) throw new IllegalArgumentException("no throughput to sample");
        if (open < 0) throw new IllegalArgumentException("open must be >= 0");
        LocalDate last = today.plusDays(CAP_DAYS);
        LocalDate[] by = dates.stream().filter(d -> d.isAfter(today) && !d.isAfter(last)).distinct().sorted().toArray(LocalDate[]::new);
        int[] byDay = Arrays.stream(by).mapToInt(d -> (int) (d.toEpochDay() - today.toEpochDay())).toArray();
        int horizon = byDay.length == 0 ? 0 : byDay[byDay.length - 1];
        long[] micros = costs == null ? new long[0] : costs.stream()
                .mapToLong(c -> c.setScale(MICRO, RoundingMode.HALF_EVEN).unscaledValue().longValueExact()).toArray();

        Draws draws = new Draws(seed);
        int[] doneDay = new int[TRIALS];
        int[][] counts = new int[byDay.length][TRIALS];
        long[] cost = new long[TRIALS];
        int w = samples.length;
        for (int trial = 0; trial < TRIALS; trial++) {
            draws.fresh();
            int sum = 0;
            int done = open == 0 ? 0 : -1;
            int next = 0;
            for (int day = 1; done < 0 && day <= CAP_DAYS || day <= horizon; day++) {
                sum += samples[draws.index(w)];
                if (done < 0 && sum >= open) done = day;
                while (next < byDay.length && byDay[next] == day) counts[next++][trial] = sum;
            }
            doneDay[trial] = done < 0 ? Integer.MAX_VALUE : done;
            if (micros.length > 0) cost[trial] = draws.sum(micros, open);
        }
        Arrays.sort(doneDay);
        TreeMap<LocalDate, Integer> doneBy = new TreeMap<>();
        int unfinished = 0;
        for (int d : doneDay) {
            if (d == Integer.MAX_VALUE) unfinished++;
            else doneBy.merge(today.plusDays(d), 1, Integer::sum);
        }
        Forecast.Cost costs3 = null;
        if (micros.length > 0) {
            Arrays.sort(cost);
            costs3 = new Forecast.Cost(usd(cost, Percentiles.P50), usd(cost, Percentiles.P85), usd(cost, Percentiles.P95), micros.length);
        }
        Forecast.WhenDone whenDone = new Forecast.WhenDone(date(today, doneDay, Percentiles.P50),
                date(today, doneDay, Percentiles.P85), date(today, doneDay, Percentiles.P95), costs3);
        List<Forecast.HowMany> howMany = new java.util.ArrayList<>();
        for (int j = 0; j < by.length; j++) {
            int[] c = counts[j];
            Arrays.sort(c);
            howMany.add(new Forecast.HowMany(by[j], atLeast(c, Percentiles.P50), atLeast(c, Percentiles.P85), atLeast(c, Percentiles.P95)));
        }
        List<Integer> sampleList = Arrays.stream(samples).boxed().toList();
        return new Forecast(window, sampleList, TRIALS, seed, open, whenDone, howMany, doneBy, unfinished, CAP_DAYS,
                micros.length > 0 ? null : costNote);
    }

    private static LocalDate date(LocalDate today, int[] ascending, BigDecimal p) {
        int d = ascending[Percentiles.nearestRank(ascending.length, p) - 1];
        return d == Integer.MAX_VALUE ? null : today.plusDays(d);
    }

    /** "At least X": the nearest rank counted from the top, so that share of the trials finished X or more. */
    private static int atLeast(int[] ascending, BigDecimal p) {
        return ascending[ascending.length - Percentiles.nearestRank(ascending.length, p)];
    }

    private static BigDecimal usd(long[] ascending, BigDecimal p) {
        return Percentiles.plain(BigDecimal.valueOf(ascending[Percentiles.nearestRank(ascending.length, p) - 1], MICRO));
    }

    /** The index draws described above. */
    private static final class Draws {
        private final SplittableRandom random;
        private long bits;
        private boolean low;

        Draws(long seed) {
            random = new SplittableRandom(seed);
        }

        /** Each trial starts on fresh bits, so a trial's draws do not depend on how many the one before took. */
        void fresh() {
            low = false;
        }

        int index(int n) {
            if (low) {
                low = false;
                return (int) (((bits & 0xFFFF_FFFFL) * n) >>> 32);
            }
            bits = random.nextLong();
            low = true;
            return (int) (((bits >>> 32) * n) >>> 32);
        }

        /** The sum of {@code count} values drawn from {@code values}: the same draws as {@link #index} in turn, two a step. */
        long sum(long[] values, int count) {
            long total = 0;
            int n = values.length;
            int i = 0;
            if (low && count > 0) {
                total += values[index(n)];
                i = 1;
            }
            for (; i + 1 < count; i += 2) {
                long b = random.nextLong();
                total += values[(int) (((b >>> 32) * n) >>> 32)] + values[(int) (((b & 0xFFFF_FFFFL) * n) >>> 32)];
            }
            if (i < count) total += values[index(n)];
            return total;
        }
    }
}
