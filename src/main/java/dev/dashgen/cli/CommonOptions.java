package dev.dashgen.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command shares (PRODUCT.md §1). */
public final class CommonOptions {
    @Option(names = {"-w", "--work"}, paramLabel = "DIR", description = "Work tree of task files (default: work/collaboration).")
    Path work;

    @Option(names = {"-t", "--telemetry"}, paramLabel = "PATH|JDBC-URL", description = "Telemetry database (default: telemetry.db when it exists).")
    String telemetry;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: _site).")
    Path out;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file (default: dashgen.yaml when it exists).")
    Path config;

    @Option(names = "--base-url", paramLabel = "URL", description = "Public URL of the site, e.g. https://me.github.io/repo/.")
    String baseUrl;

    @Option(names = "--now", paramLabel = "ISO-8601", description = "The moment the report is as of (default: SOURCE_DATE_EPOCH, else the clock).")
    String now;

    @Option(names = "--strict", description = "Exit 1 when any problem is found.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print more, and stack traces on failure.")
    boolean verbose;

    @Option(names = "--history", paramLabel = "on|off", description = "Read the Git history of the work tree (default: on, or history: in dashgen.yaml).")
    String history;

    /** {@code build --at REV}: the work tree as of a commit; other commands have no such option. */
    String at;

    /** The options that say where the inputs are, as the input pipeline takes them. */
    dev.dashgen.engine.Project.Options project() {
        return new dev.dashgen.engine.Project.Options(work, telemetry, out, config, baseUrl, now, history, at);
    }
}
