package dev.dashgen.serve;

import dev.dashgen.config.Config;
import dev.dashgen.model.Problem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Where a served site's inputs are and how they are configured, as resolved from flags and
 * {@code dashgen.yaml}. The server asks for a fresh one when the config file changes.
 * {@code configFile}, {@code templates}, {@code assets} and {@code telemetry} may be null.
 * {@code now} stays where serve started, so pages keep their bytes; {@code clock} is the clock it came
 * from, or null when {@code --now} (or {@code SOURCE_DATE_EPOCH}) fixed it.
 */
public record Setup(Path work, Path out, Path configFile, Config config, List<Problem> configProblems,
                    Path templates, Path assets, String telemetry, String baseUrl, Instant now, String version,
                    Clock clock) {
    public Setup {
        configProblems = List.copyOf(configProblems);
    }

    /** A setup whose {@code now} is fixed. */
    public Setup(Path work, Path out, Path configFile, Config config, List<Problem> configProblems, Path templates,
                 Path assets, String telemetry, String baseUrl, Instant now, String version) {
        this(work, out, configFile, config, configProblems, templates, assets, telemetry, baseUrl, now, version, null);
    }

    /**
     * Up to when telemetry rows count (as of {@code now}) rather than as future rows: the clock, to the minute,
     * when serve's {@code now} came from it, since the telemetry service goes on writing rows dated by it.
     */
    public Instant telemetryHorizon() {
        if (clock == null) return now;
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return minute.isAfter(now) ? minute : now;
    }
}
