package dev.dashgen.metrics;

import java.util.Objects;

/**
 * A task left out of a metric, and why. {@code metric} is a key of {@code data/flow.json} ({@code leadTime},
 * {@code cycleTime}, {@code throughput}, {@code cfd}, {@code aging}, {@code wipByAgent}, {@code forecast}), or a
 * stage ({@code arrived}, {@code committed}, {@code started}, {@code finished}) for a date that was set aside.
 */
public record Excluded(String id, String metric, String reason) {
    public Excluded {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(reason, "reason");
    }
}
