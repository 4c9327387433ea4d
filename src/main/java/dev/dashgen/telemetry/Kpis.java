package dev.dashgen.telemetry;

import java.math.BigDecimal;

/**
 * Cost over UTC calendar days relative to {@code now}: {@code today} is now's UTC day; {@code last7Days}
 * and {@code last30Days} are that many days ending with today; {@code month} is now's calendar month to
 * date. {@code projectedMonth} = month / day-of-month(now) × days in the month: the spend so far, at the
 * month's average daily rate (today counted as a whole day, so the 1st does not extrapolate a few minutes).
 */
public record Kpis(BigDecimal allTime, BigDecimal month, BigDecimal today, BigDecimal last7Days,
                   BigDecimal last30Days, BigDecimal projectedMonth) {
}
