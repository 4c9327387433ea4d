package dev.dashgen.telemetry;

import java.util.Objects;

/**
 * All-time usage of one model, agent or tool. {@code latency} is null when it is unknown (costs from
 * {@code daily_costs} only).
 */
public record Breakdown(String name, Usage usage, Latency latency) {

    public Breakdown {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usage, "usage");
    }
}
