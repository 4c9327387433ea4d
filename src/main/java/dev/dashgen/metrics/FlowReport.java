package dev.dashgen.metrics;

import dev.dashgen.tasks.Lane;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code flow.html} and {@code data/flow.json} show (PRODUCT.md §4.4), computed by {@link Flow#compute}.
 *
 * @param today      now's calendar day in {@code timezone}
 * @param window     the {@code report_days} calendar days ending today
 * @param items      every task, in the order given, with its stage dates
 * @param excluded   every task left out of a metric, with the metric and why
 * @param forecast   null when there is no throughput to forecast from; {@code noForecast} then says why
 * @param basis      what the stage dates were read from: Git history (and whether it was cut short) or YAML alone
 */
public record FlowReport(Instant now, String timezone, LocalDate today, Basis basis, Window window, List<Item> items,
                         List<Excluded> excluded, List<WeekCount> throughput, Distribution leadTime,
                         Distribution cycleTime, List<CfdDay> cfd, List<Aging> aging, List<AgentWip> wipByAgent,
                         Forecast forecast, String noForecast) {

    public FlowReport {
        items = List.copyOf(items);
        excluded = List.copyOf(excluded);
        throughput = List.copyOf(throughput);
        cfd = List.copyOf(cfd);
        aging = List.copyOf(aging);
        wipByAgent = List.copyOf(wipByAgent);
        if ((forecast == null) == (noForecast == null)) throw new IllegalArgumentException("a forecast or the reason there is none");
    }

    /** Whether Git history was read ({@code commits} of it), and whether a shallow clone cut it short. */
    public record Basis(boolean git, boolean shallow, int commits) {}

    /** Calendar days {@code from} to {@code to}, both included. */
    public record Window(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate day) {
            return day != null && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * One task's stage dates and the day counts made from them: lead and cycle time for a finished task whose dates
     * are in order (finished or not in the window), age for an open committed task.
     */
    public record Item(String id, String file, Lane lane, String agent, StageDates dates, Integer leadDays,
                       Integer cycleDays, Integer ageDays) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(dates, "dates");
        }
    }

    /** Tasks finished in the ISO week starting on {@code weekStart} (a Monday) and inside the window. */
    public record WeekCount(LocalDate weekStart, int count) {}

    /** Lead or cycle time in days over the tasks finished in the window: R-7 percentiles, null without tasks. */
    public record Distribution(int count, BigDecimal p50, BigDecimal p85, BigDecimal p95) {}

    /** How many tasks have reached each stage on or before {@code date}. */
    public record CfdDay(LocalDate date, int arrived, int committed, int started, int finished) {}

    /**
     * An open committed task and how long it has been in progress. {@code pace} is its percentile rank among the cycle
     * times of the tasks finished in the window: the whole percentage (rounded down) of them whose cycle time is
     * shorter than this task's age, so "older than {@code pace} % of finished tasks"; null with no finished task.
     */
    public record Aging(String id, String file, Lane lane, String agent, int ageDays, Integer pace) {}

    /** Open committed tasks (assigned, in progress, blocked) an agent holds, and {@code flow.agent_wip_limit} (null: none). */
    public record AgentWip(String agent, int wip, Integer limit) {
        public boolean over() {
            return limit != null && wip > limit;
        }
    }
}
