package dev.dashgen.telemetry;

import java.time.YearMonth;

/** Usage in one UTC calendar month. */
public record MonthlyCost(YearMonth month, Usage usage) {
}
