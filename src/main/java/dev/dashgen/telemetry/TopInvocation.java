package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.time.Instant;

/** One of the most expensive invocations. */
public record TopInvocation(String invocationId, Instant timestamp, String model, String agent, String tool,
                            BigDecimal cost, long promptTokens, long completionTokens, long tokens,
                            long latencyMs, boolean error) {
}
