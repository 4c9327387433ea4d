package dev.dashgen.cli;

import dev.dashgen.engine.Build;
import dev.dashgen.engine.Engine;
import dev.dashgen.engine.Inputs;
import dev.dashgen.engine.Project;
import dev.dashgen.engine.SiteInputs;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.model.Progress;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import dev.dashgen.output.OutputGuard;
import dev.dashgen.output.OutputLock;
import dev.dashgen.output.SiteWriter;
import dev.dashgen.telemetry.Telemetry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashgen build}: render the site once, print a one-screen summary. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Render the site into the output folder once.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--demo", description = "Build the bundled demo workspace.")
    boolean demo;

    @Option(names = "--fail-on-budget", description = "Exit 4 when this month's cost is over budget.monthly_usd.")
    boolean failOnBudget;

    @Option(names = "--summary", paramLabel = "FILE", description = "Append a Markdown summary to FILE, e.g. \"$GITHUB_STEP_SUMMARY\".")
    Path summary;

    @Option(names = "--at", paramLabel = "REV", description = "Build the site as of a commit (a branch, tag or id): the work tree from its tree, history up to it.")
    String at;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        if (demo) {
            if (options.work != null) throw new DashgenException(ExitCodes.USAGE, "--demo and --work exclude each other — use one");
            if (options.config == null) {
                options.config = BundledDemo.write(Project.now(options.now, System.getenv(), Clock.systemUTC()));
            }
        }
        options.at = at;
        Project project = Commands.project(options, cwd);
        OutputGuard.check(project.out(), project.work(), cwd, home()).ifPresent(why -> {
            throw new DashgenException(ExitCodes.USAGE, why);
        });
        try (OutputLock lock = Commands.lock(project, cwd)) {
            return build(project, cwd, start);
        }
    }

    private int build(Project project, Path cwd, long start) throws IOException {
        Optional<BuildStamp.Last> last = BuildStamp.read(project.out());
        Optional<BuildStamp.Fingerprint> stamp = BuildStamp.begin(project, Dashgen.version(), options.verbose,
                last.map(BuildStamp.Last::referenced).orElse(List.of()));
        // A step summary is written from the workspace itself, which a skipped build does not read.
        if (summary == null && stamp.isPresent() && last.isPresent() && last.get().fingerprint().equals(stamp.get().finish())) {
            BuildStamp.Last l = last.get();
            print(BuildSummary.text(project, cwd, l.tasks(), l.report(), "nothing changed since the last build: no file written",
                    millisSince(start)));
            return exitCode(l.errors() + l.warnings() > 0, l.overBudget());
        }
        BuildStamp.clear(project.out());
        Progress progress = options.verbose ? new Progress(BuildCommand::cpuNanos) : new Progress();
        SiteInputs in;
        Build build;
        SiteWriter.Result written;
        try (ProgressLine line = ProgressLine.start(spec.commandLine().getErr(), progress,
                ProgressLine.wanted(options.quiet, System.getenv(), System.console() != null))) {
            // With no stamp to compare with, the folders are looked at while the telemetry and history start reading.
            in = Inputs.read(project, progress, stamp.isEmpty() ? () -> { } : stamp.get()::finish);
            build = new Engine(progress).build(in);
            written = new SiteWriter(project.out()).write(build.site(), progress);
        }
        if (options.verbose && !options.quiet) {
            StringBuilder phases = new StringBuilder(String.format(java.util.Locale.ROOT, "  phases: starting the JVM %,d ms ·",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() - millisSince(start)));
            progress.durations(System.nanoTime()).forEach(p -> phases.append(String.format(java.util.Locale.ROOT,
                    " %s %,d ms (CPU %,d ms) ·", p.phase(), p.millis(), p.cpuMillis())));
            spec.commandLine().getOut().println(phases.substring(0, phases.length() - 2));
        }
        Workspace ws = in.workspace();
        Telemetry telemetry = in.telemetry();
        List<String> report = BuildSummary.report(project, ws, telemetry, build.model().flow(), options.verbose);
        if (summary != null) StepSummary.append(cwd.resolve(summary), StepSummary.markdown(project, ws, telemetry, build.model().flow()));
        if (stamp.isPresent()) {
            BuildStamp.write(project.out(), new BuildStamp.Last(stamp.get().finish(), ws.tasks().size(),
                    ws.count(Severity.ERROR), ws.count(Severity.WARNING), overBudget(telemetry, project), report,
                    BuildStamp.referenced(project, ws.tasks())));
        }
        print(BuildSummary.text(project, cwd, ws.tasks().size(), report, BuildSummary.written(written), millisSince(start)));
        return exitCode(!ws.problems().isEmpty(), overBudget(telemetry, project));
    }

    private int exitCode(boolean problems, boolean overBudget) {
        if (failOnBudget && overBudget) return ExitCodes.OVER_BUDGET;
        return options.strict && problems ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private static boolean overBudget(Telemetry telemetry, Project project) {
        return telemetry instanceof Telemetry.Available a
                && BudgetView.of(project.config().budget(), a.report().kpis().month()).over();
    }

    private void print(String text) {
        if (options.quiet) return;
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    /** The CPU time of the whole process (all threads), for --verbose phases: how busy each phase kept the cores. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Path home() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home);
    }
}
