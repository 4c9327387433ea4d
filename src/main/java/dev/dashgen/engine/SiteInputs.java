package dev.dashgen.engine;

import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.Repository;
import dev.dashgen.site.Theme;
import dev.dashgen.telemetry.Telemetry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything a build reads, already loaded: the pure engine's whole input. {@code telemetry} is null when
 * no telemetry source was configured; {@code baseUrl} may be null (links are relative; the 404 page, served
 * at any depth, then links from the root). {@code documents} are the repository files that tasks name in
 * their dependencies and that exist (from the repository root); {@code history} is {@link History#ABSENT} outside Git
 * or with history off.
 */
public record SiteInputs(Config config, Workspace workspace, Telemetry telemetry, Theme theme, Instant now,
                         String version, String baseUrl, Repository repository, SortedSet<String> documents,
                         History history) {
    public SiteInputs {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(history, "history");
        documents = Collections.unmodifiableSortedSet(new TreeSet<>(documents));
    }

    /** Inputs of task files alone, in no repository: for tests of pages. */
    public SiteInputs(Config config, Workspace workspace, Telemetry telemetry, Theme theme, Instant now, String version,
                      String baseUrl) {
        this(config, workspace, telemetry, theme, now, version, baseUrl, Repository.none(Path.of("")), new TreeSet<>(),
                History.ABSENT);
    }
}
