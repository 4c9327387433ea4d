package dev.dashgen.engine;

import dev.dashgen.config.Config;
import dev.dashgen.config.ConfigParser;
import dev.dashgen.model.Problem;
import dev.dashgen.portfolio.RepoRoot;
import dev.dashgen.tasks.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one project's inputs are and how they are configured, for every command: flags win over
 * {@code dashgen.yaml}, which wins over defaults; paths in the config are relative to the config file's
 * folder. Paths here are absolute; {@code configFile} is where the config is looked for, whether or not it exists. Files are named to the user (in problems) from the repository root.
 * {@code clock} is set when {@code now} came from it (neither {@code --now} nor {@code SOURCE_DATE_EPOCH}).
 */
public record Project(Path work, Path repoRoot, Path out, Path configFile, Config config, List<Problem> configProblems,
                      Path templates, Path assets, String telemetry, String baseUrl, Instant now, Clock clock,
                      String version, String at) {

    public static final String DEFAULT_WORK = "work/collaboration";
    public static final String DEFAULT_CONFIG = "dashgen.yaml";

    /**
     * The command-line options every command shares; null = not given. {@code history} is "on" or "off";
     * {@code at} a revision to build as of (its tree, not the disk).
     */
    public record Options(Path work, String telemetry, Path out, Path config, String baseUrl, String now, String history,
                          String at) {
        public Options(Path work, String telemetry, Path out, Path config, String baseUrl, String now) {
            this(work, telemetry, out, config, baseUrl, now, null, null);
        }
    }

    public Project {
        configProblems = List.copyOf(configProblems);
    }

    /** Resolves {@code o} against {@code cwd}; {@code clock} gives {@code now} unless the options or environment fix it. */
    public static Project resolve(Options o, Path cwd, Map<String, String> env, Clock clock, String version) {
        cwd = cwd.toAbsolutePath().normalize();
        Path configFile = (o.config() != null ? cwd.resolve(o.config()) : cwd.resolve(DEFAULT_CONFIG)).normalize();
        Config config = Config.DEFAULTS;
        List<Problem> problems = new ArrayList<>();
        Path base = cwd;
        boolean hasConfig = Files.isRegularFile(configFile);
        if (hasConfig) {
            String shown = o.config() != null ? o.config().toString() : DEFAULT_CONFIG;
            try {
                ConfigParser.Result r = ConfigParser.parse(Files.readString(configFile, StandardCharsets.UTF_8), shown);
                config = r.config();
                problems.addAll(r.problems());
            } catch (IOException e) {
                throw new InputError(false, shown + ": cannot be read (" + e.getMessage() + ") — check the file");
            }
            base = configFile.getParent();
        } else if (o.config() != null) {
            throw new InputError(true, "config file " + o.config() + " not found — check --config, or run without it");
        }
        Path work = (o.work() != null ? cwd.resolve(o.work()) : config.work() != null ? base.resolve(config.work())
                : cwd.resolve(DEFAULT_WORK)).normalize();
        if (!Files.isDirectory(work)) {
            throw new InputError(true, "work tree " + work + " not found — pass -w DIR, set work: in dashgen.yaml, or try --demo");
        }
        String telemetry = o.telemetry() != null ? source(cwd, o.telemetry())
                : config.telemetry() != null ? source(base, config.telemetry())
                : Files.exists(cwd.resolve("telemetry.db")) ? cwd.resolve("telemetry.db").toString() : null;
        Path out = (o.out() != null ? cwd.resolve(o.out()) : config.out() != null ? base.resolve(config.out()) : cwd.resolve("_site")).normalize();
        Path templates = config.themeTemplates() == null ? null : base.resolve(config.themeTemplates()).normalize();
        Path assets = config.themeAssets() == null ? null : base.resolve(config.themeAssets()).normalize();
        String baseUrl = o.baseUrl() != null ? o.baseUrl() : config.baseUrl();
        Path repoRoot = RepoRoot.of(work);
        if (o.history() != null) {
            if (!o.history().equals("on") && !o.history().equals("off")) {
                throw new InputError(true, "--history " + o.history() + " is neither on nor off — use --history off to build without Git history");
            }
            config = config.withHistory(o.history().equals("on"));
        }
        if (o.at() != null && !config.history()) {
            throw new InputError(true, "--at " + o.at() + " reads the work tree from Git history, which --history off (or history: off) turns off — drop one");
        }
        Instant fixed = fixedNow(o.now(), env);
        List<Problem> located = new ArrayList<>();
        for (Problem p : problems) located.add(p.at(name(repoRoot, configFile)));
        return new Project(work, repoRoot, out, configFile, config, located, templates, assets,
                telemetry, baseUrl, fixed != null ? fixed : clock.instant(), fixed != null ? null : clock, version, o.at());
    }

    /** A file path made absolute against {@code base}; a JDBC URL as it is. */
    private static String source(Path base, String source) {
        return source.startsWith("jdbc:") ? source : base.resolve(source).normalize().toString();
    }

    /** The moment {@code --now} or {@code SOURCE_DATE_EPOCH} fixes, or null when the clock decides. */
    static Instant fixedNow(String flag, Map<String, String> env) {
        if (flag != null) {
            Timestamp ts = Timestamp.parse(flag);
            if (!ts.readable()) {
                throw new InputError(true, "--now \"" + flag + "\" is not a timestamp — use ISO-8601 such as 2026-11-24T12:00:00Z");
            }
            return ts.instant();
        }
        String epoch = env.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
            } catch (NumberFormatException e) {
                throw new InputError(true, "SOURCE_DATE_EPOCH \"" + epoch + "\" is not a number of seconds — fix or unset it");
            }
        }
        return null;
    }

    /** {@code now} as the options and environment give it, else the clock's. */
    public static Instant now(String flag, Map<String, String> env, Clock clock) {
        Instant fixed = fixedNow(flag, env);
        return fixed != null ? fixed : clock.instant();
    }

    /** A file as problems name it: its path from the repository root, {@code /}-separated. */
    static String name(Path repoRoot, Path file) {
        String rel = repoRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return rel.isEmpty() ? "." : rel;
    }

    /** A file as problems name it: its path from the repository root. */
    public String name(Path file) {
        return name(repoRoot, file);
    }

    /** The work tree's path from the repository root with a trailing slash, or empty: what task problems start with. */
    public String prefix() {
        String rel = name(work);
        return rel.equals(".") ? "" : rel + "/";
    }

    /** How problems name the telemetry source: a file from the repository root, a JDBC URL as given. */
    public String telemetryName() {
        return telemetry == null || telemetry.startsWith("jdbc:") ? telemetry : name(Path.of(telemetry));
    }

    /** Rows dated a few minutes after a clock-given {@code now} count as now (writers' clocks differ); not after a fixed one. */
    public boolean nowFromClock() {
        return clock != null;
    }
}
