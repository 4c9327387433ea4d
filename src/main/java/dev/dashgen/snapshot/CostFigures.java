package dev.dashgen.snapshot;

import dev.dashgen.telemetry.Kpis;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost a snapshot reports: all-time, this month and its projection as of the snapshot, and the period since
 * the previous one ({@code period} is null when the telemetry could not be read as of the previous snapshot).
 */
public record CostFigures(BigDecimal allTime, BigDecimal month, BigDecimal projectedMonth, PeriodCost period) {

    public CostFigures {
        Objects.requireNonNull(allTime, "allTime");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(projectedMonth, "projectedMonth");
    }

    public static CostFigures of(Kpis k, PeriodCost period) {
        return new CostFigures(k.allTime(), k.month(), k.projectedMonth(), period);
    }
}
