package dev.dashgen.cli;

import dev.dashgen.engine.Inputs;
import dev.dashgen.engine.Project;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.snapshot.Changes;
import dev.dashgen.snapshot.CostFigures;
import dev.dashgen.snapshot.PeriodCost;
import dev.dashgen.snapshot.Report;
import dev.dashgen.snapshot.ReportJson;
import dev.dashgen.snapshot.ReportMarkdown;
import dev.dashgen.snapshot.Skipped;
import dev.dashgen.snapshot.Snapshot;
import dev.dashgen.snapshot.SnapshotFolder;
import dev.dashgen.telemetry.CostReport;
import dev.dashgen.telemetry.Telemetry;
import dev.dashgen.telemetry.TelemetryReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashgen snapshot}: a dated Markdown + JSON report, with what changed since the previous one, to commit. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Write <date>.md and <date>.json into a folder meant to be committed: the board as of --now and what changed since the previous snapshot there.")
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--dir", paramLabel = "DIR", description = "Folder of snapshots (default: reports).")
    Path dir = Path.of("reports");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Project project = Commands.project(options, cwd);
        Path folder = cwd.resolve(dir).normalize();
        Path work = project.work().toAbsolutePath().normalize();
        if (folder.startsWith(work)) {
            throw new DashgenException(ExitCodes.USAGE, "--dir " + dir + " is inside the work tree " + work
                    + " — snapshots never write there; choose a folder beside it, such as reports");
        }
        Inputs.Model model = Inputs.model(project, true);
        Telemetry telemetry = model.telemetry();
        Workspace ws = model.workspace();
        Snapshot current = Snapshot.of(ws, project.now());
        SnapshotFolder.Previous previous = SnapshotFolder.previous(folder, current.date());
        Report report = report(project, ws, telemetry, current, previous);
        boolean md = SnapshotFolder.write(folder.resolve(SnapshotFolder.markdownName(current.date())),
                ReportMarkdown.render(report, project.config().lanes()).getBytes(StandardCharsets.UTF_8));
        boolean json = SnapshotFolder.write(folder.resolve(SnapshotFolder.jsonName(current.date())), ReportJson.write(report));
        print(report, md || json);
        boolean problems = !ws.problems().isEmpty();
        return options.strict && problems ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private static Report report(Project project, Workspace ws, Telemetry telemetry, Snapshot current,
                                 SnapshotFolder.Previous previous) {
        String title = project.config().title();
        long errors = ws.count(Severity.ERROR);
        long warnings = ws.count(Severity.WARNING);
        if (!(telemetry instanceof Telemetry.Available now)) {
            String note = telemetry == null ? "no telemetry database is configured"
                    : "the telemetry database could not be read (dashgen build says why)";
            return new Report(title, current, previous.snapshot(), previous.skipped(), errors, warnings, null, note,
                    BudgetView.of(project.config().budget(), null));
        }
        CostReport after = now.report();
        PeriodCost period;
        if (previous.snapshot() == null) {
            period = PeriodCost.between(null, after);
        } else {
            // The same source as of the previous snapshot: the difference of the two is the spend in between.
            // One report day is enough there: only the all-time figures are used.
            Telemetry then = TelemetryReader.read(project.telemetry(), previous.snapshot().now(), 1);
            period = then instanceof Telemetry.Available a ? PeriodCost.between(a.report(), after) : null;
        }
        return new Report(title, current, previous.snapshot(), previous.skipped(), errors, warnings,
                CostFigures.of(after.kpis(), period), null, BudgetView.of(project.config().budget(), after.kpis().month()));
    }

    private void print(Report r, boolean written) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.quiet) return;
        for (Skipped s : r.skipped()) {
            err.println("dashgen: warning: " + dir.resolve(s.file()) + ": " + s.reason()
                    + " — passed over and left as it is; fix or delete it");
        }
        err.flush();
        Changes c = r.changes();
        out.printf(Locale.ROOT, "dashgen snapshot %s: %,d tasks; %s%n", r.current().date(), r.current().tasks().size(),
                c == null ? "the first snapshot in " + dir : String.format(Locale.ROOT,
                        "since %s: %,d new, %,d finished, %,d moved, %,d removed", r.previous().date(),
                        c.added().size(), c.finished().size(), c.moved().size(), c.removed().size()));
        out.printf("  %s %s and %s%n", written ? "wrote" : "unchanged:", dir.resolve(SnapshotFolder.markdownName(r.current().date())),
                dir.resolve(SnapshotFolder.jsonName(r.current().date())));
        out.flush();
    }
}
