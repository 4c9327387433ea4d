package dev.dashgen.engine;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.site.Theme;
import dev.dashgen.telemetry.Telemetry;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a build reads, already loaded: the pure engine's whole input. {@code telemetry} is null when
 * no telemetry source was configured; {@code baseUrl} may be null (links are relative; the 404 page, served
 * at any depth, then links from the root).
 */
public record SiteInputs(Config config, Workspace workspace, Telemetry telemetry, Theme theme, Instant now,
                         String version, String baseUrl) {
    public SiteInputs {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(version, "version");
    }

    SiteInputs with(Workspace ws, Telemetry t) {
        return new SiteInputs(config, ws, t, theme, now, version, baseUrl);
    }
}
