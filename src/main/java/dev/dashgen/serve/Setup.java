package dev.dashgen.serve;

import dev.dashgen.config.Config;
import dev.dashgen.model.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where a served site's inputs are and how they are configured, as resolved from flags and
 * {@code dashgen.yaml}. The server asks for a fresh one when the config file changes.
 * {@code configFile}, {@code templates}, {@code assets} and {@code telemetry} may be null.
 */
public record Setup(Path work, Path out, Path configFile, Config config, List<Problem> configProblems,
                    Path templates, Path assets, String telemetry, String baseUrl, Instant now, String version) {
    public Setup {
        configProblems = List.copyOf(configProblems);
    }
}
