package dev.dashgen.telemetry;

import java.time.LocalDate;

/** One agent's usage on one UTC day ({@link CostReport#NO_NAME} for invocations without an agent). */
public record AgentDailyCost(LocalDate date, String agent, Usage usage) {
}
