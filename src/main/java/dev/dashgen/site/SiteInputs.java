package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.telemetry.Telemetry;
import java.time.Instant;
import java.util.Objects;

/** Everything a build reads, already loaded: the pure renderer's whole input besides the theme. */
/**
 * {@code baseUrl} may be null: links are relative; the 404 page, served at any depth, then links from the root.
 * {@code telemetry} is null when no telemetry source was configured.
 */
public record SiteInputs(Workspace workspace, Config config, Instant now, String version, String baseUrl,
                         Telemetry telemetry) {
    public SiteInputs {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(version, "version");
    }

    /** Inputs without telemetry: a site with no cost pages. */
    public SiteInputs(Workspace workspace, Config config, Instant now, String version, String baseUrl) {
        this(workspace, config, now, version, baseUrl, null);
    }
}
