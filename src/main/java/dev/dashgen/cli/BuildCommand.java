package dev.dashgen.cli;

import dev.dashgen.model.Workspace;
import dev.dashgen.site.BudgetView;
import dev.dashgen.site.OutputGuard;
import dev.dashgen.site.Site;
import dev.dashgen.site.SiteBuilder;
import dev.dashgen.site.SiteInputs;
import dev.dashgen.site.SiteWriter;
import dev.dashgen.site.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import dev.dashgen.model.Severity;
import dev.dashgen.telemetry.Telemetry;
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
        Project project = Project.resolve(options, cwd, System.getenv(), Clock.systemUTC());
        OutputGuard.check(project.out(), project.work(), cwd, home()).ifPresent(why -> {
            throw new DashgenException(ExitCodes.USAGE, why);
        });
        Optional<String> fingerprint = BuildStamp.fingerprint(project, Dashgen.version(), options.verbose);
        Optional<BuildStamp.Last> last = BuildStamp.read(project.out());
        // A step summary is written from the workspace itself, which a skipped build does not read.
        if (summary == null && fingerprint.isPresent() && last.isPresent() && last.get().fingerprint().equals(fingerprint.get())) {
            BuildStamp.Last l = last.get();
            print(BuildSummary.text(project, l.tasks(), l.report(), "nothing changed since the last build: no file written",
                    millisSince(start)));
            return exitCode(l.errors() + l.warnings() > 0, l.overBudget());
        }
        BuildStamp.clear(project.out());
        // The telemetry is aggregated (mostly inside SQLite) while the task files are parsed.
        java.util.concurrent.CompletableFuture<Telemetry> reading = java.util.concurrent.CompletableFuture
                .supplyAsync(project::readTelemetry, job -> new Thread(job, "telemetry").start());
        var tasks = project.readTasks();
        Telemetry telemetry = reading.join();
        Workspace ws = project.workspace(tasks, telemetry);
        Theme theme = Theme.load(project.templates(), project.assets());
        Site site = new SiteBuilder(theme).build(new SiteInputs(ws, project.config(), project.now(), Dashgen.version(),
                project.baseUrl(), telemetry));
        SiteWriter.Result written = new SiteWriter(project.out()).write(site);
        List<String> report = BuildSummary.report(project, ws, telemetry, options.verbose);
        if (summary != null) StepSummary.append(cwd.resolve(summary), StepSummary.markdown(project, ws, telemetry));
        if (fingerprint.isPresent()) {
            BuildStamp.write(project.out(), new BuildStamp.Last(fingerprint.get(), ws.tasks().size(),
                    ws.count(Severity.ERROR), ws.count(Severity.WARNING), overBudget(telemetry, project), report));
        }
        print(BuildSummary.text(project, ws.tasks().size(), report, BuildSummary.written(written), millisSince(start)));
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

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Path home() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home);
    }
}
