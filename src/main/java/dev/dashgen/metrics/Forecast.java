package dev.dashgen.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Monte Carlo forecast of PRODUCT.md §4.4, made by {@link MonteCarlo}.
 *
 * @param window      the whole days the samples come from: the {@code forecast.window_days} days before today
 * @param samples     tasks finished on each of those days, oldest first, zeros included
 * @param open        N: tasks in inbox, assigned, in progress and blocked
 * @param whenDone    the 50/85/95 % dates by which the open work is done; a date is null when that share of the
 *                    trials did not finish within {@code capDays}
 * @param howMany     per date, "at least X tasks" finished by then in 50/85/95 % of the trials
 * @param doneBy      trials per completion date (for the chart); trials cut at the cap are not in it
 * @param unfinished  trials that had not finished the open work after {@code capDays} days
 * @param capDays     how far a trial is simulated at most
 * @param costNote    null, or why {@code whenDone.cost} is null
 */
public record Forecast(FlowReport.Window window, List<Integer> samples, int trials, long seed, int open,
                       WhenDone whenDone, List<HowMany> howMany, SortedMap<LocalDate, Integer> doneBy,
                       int unfinished, int capDays, String costNote) {

    public Forecast {
        samples = List.copyOf(samples);
        howMany = List.copyOf(howMany);
        doneBy = Collections.unmodifiableSortedMap(new TreeMap<>(doneBy));
    }

    /** When the open work will be done, and what it will cost in LLM calls (null without costs). */
    public record WhenDone(LocalDate p50, LocalDate p85, LocalDate p95, Cost cost) {}

    /**
     * The LLM cost of the open work: per trial the sum of N costs drawn from {@code tasks} tasks finished in the window;
     * nearest-rank percentiles, ascending (85 %: the cost stays at or under this in 85 % of the trials). USD.
     */
    public record Cost(BigDecimal p50, BigDecimal p85, BigDecimal p95, int tasks) {}

    /** Tasks finished from tomorrow to {@code by}: at least p50/p85/p95 in 50/85/95 % of the trials. */
    public record HowMany(LocalDate by, int p50, int p85, int p95) {}
}
