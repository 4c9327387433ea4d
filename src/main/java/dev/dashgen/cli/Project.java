package dev.dashgen.cli;

import dev.dashgen.config.Config;
import dev.dashgen.config.ConfigParser;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.TaskReader;
import dev.dashgen.telemetry.Telemetry;
import dev.dashgen.telemetry.TelemetryReader;
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
 * Where a command's inputs are and how they are configured: flags win over {@code dashgen.yaml},
 * which wins over defaults; paths in the config are relative to the config file's folder.
 */
record Project(Path work, String telemetry, Path out, Config config, List<Problem> configProblems,
               Instant now, Path templates, Path assets, String baseUrl, Path repoRoot) {

    static final String DEFAULT_WORK = "work/collaboration";
    static final String DEFAULT_CONFIG = "dashgen.yaml";

    static Project resolve(CommonOptions o, Path cwd, Map<String, String> env, Clock clock) {
        Path configFile = o.config != null ? cwd.resolve(o.config) : cwd.resolve(DEFAULT_CONFIG);
        Config config = Config.DEFAULTS;
        List<Problem> problems = new ArrayList<>();
        Path base = cwd;
        if (Files.isRegularFile(configFile)) {
            String shown = o.config != null ? o.config.toString() : DEFAULT_CONFIG;
            try {
                ConfigParser.Result r = ConfigParser.parse(Files.readString(configFile, StandardCharsets.UTF_8), shown);
                config = r.config();
                problems.addAll(r.problems());
            } catch (IOException e) {
                throw new DashgenException(ExitCodes.IO, shown + ": cannot be read (" + e.getMessage() + ") — check the file");
            }
            base = configFile.toAbsolutePath().getParent();
        } else if (o.config != null) {
            throw new DashgenException(ExitCodes.USAGE, "config file " + o.config + " not found — check --config, or run without it");
        }
        Path work = o.work != null ? cwd.resolve(o.work) : config.work() != null ? base.resolve(config.work()) : cwd.resolve(DEFAULT_WORK);
        if (!Files.isDirectory(work)) {
            throw new DashgenException(ExitCodes.USAGE, "work tree " + work + " not found — pass -w DIR, set work: in dashgen.yaml, or try --demo");
        }
        String telemetry = o.telemetry != null ? o.telemetry
                : config.telemetry() != null ? resolveSource(base, config.telemetry())
                : Files.exists(cwd.resolve("telemetry.db")) ? cwd.resolve("telemetry.db").toString() : null;
        Path out = o.out != null ? cwd.resolve(o.out) : config.out() != null ? base.resolve(config.out()) : cwd.resolve("_site");
        Path templates = config.themeTemplates() == null ? null : base.resolve(config.themeTemplates());
        Path assets = config.themeAssets() == null ? null : base.resolve(config.themeAssets());
        String baseUrl = o.baseUrl != null ? o.baseUrl : config.baseUrl();
        // Every problem names its file relative to the work root, the config's too, so output does not
        // depend on where the checkout lives and GitHub annotations resolve from the repository root.
        Path workRoot = work.toAbsolutePath().normalize();
        List<Problem> located = problems.stream().map(p -> relocate(p, workRoot, configFile)).toList();
        return new Project(work.normalize(), telemetry, out.normalize(), config, located, now(o.now, env, clock),
                templates, assets, baseUrl, repoRoot(work));
    }

    static Problem relocate(Problem p, Path workRoot, Path file) {
        String rel = workRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return new Problem(rel, p.line(), p.column(), p.severity(), p.message());
    }

    private static String resolveSource(Path base, String source) {
        return source.startsWith("jdbc:") ? source : base.resolve(source).toString();
    }

    /** Whether {@link #now} takes the clock: neither {@code --now} nor {@code SOURCE_DATE_EPOCH} says otherwise. */
    static boolean nowFromClock(String flag, Map<String, String> env) {
        String epoch = env.get("SOURCE_DATE_EPOCH");
        return flag == null && (epoch == null || epoch.isBlank());
    }

    static Instant now(String flag, Map<String, String> env, Clock clock) {
        if (flag != null) {
            Timestamp ts = Timestamp.parse(flag);
            if (!ts.readable()) {
                throw new DashgenException(ExitCodes.USAGE, "--now \"" + flag + "\" is not a timestamp — use ISO-8601 such as 2026-11-24T12:00:00Z");
            }
            return ts.instant();
        }
        String epoch = env.get("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
            } catch (NumberFormatException e) {
                throw new DashgenException(ExitCodes.USAGE, "SOURCE_DATE_EPOCH \"" + epoch + "\" is not a number of seconds — fix or unset it");
            }
        }
        return clock.instant();
    }

    /** The nearest folder above the work tree that holds {@code .git}, else the work tree's parent's parent. */
    static Path repoRoot(Path work) {
        Path abs = work.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        Path parent = abs.getParent();
        return parent != null && parent.getParent() != null ? parent.getParent() : abs;
    }

    /** Reads the work tree into the model, with config and telemetry problems among the others. */
    Workspace readWorkspace(Telemetry telemetry) throws IOException {
        return workspace(readTasks(), telemetry);
    }

    TaskReader.Result readTasks() throws IOException {
        return TaskReader.read(work, config.exclude(), config.lanes().source());
    }

    /** The model of the tasks read, with config and telemetry problems among the others. */
    Workspace workspace(TaskReader.Result read, Telemetry telemetry) {
        List<Problem> problems = new ArrayList<>(configProblems);
        problems.addAll(read.problems());
        if (telemetry instanceof Telemetry.Available a) {
            boolean isFile = !this.telemetry.startsWith("jdbc:");
            Path root = work.toAbsolutePath().normalize();
            for (Problem p : a.problems()) problems.add(isFile ? relocate(p, root, Path.of(this.telemetry)) : p);
        }
        return Workspace.of(read.files(), problems);
    }

    /** The telemetry, or null when none is configured and there is no telemetry.db. */
    Telemetry readTelemetry() {
        return telemetry == null ? null : TelemetryReader.read(telemetry, now, config.reportDays());
    }
}
