package dev.dashgen.telemetry;

import java.time.LocalDate;

/** One model's usage on one UTC day; only days and models with invocations appear. */
public record DailyCost(LocalDate date, String model, Usage usage) {
}
