package dev.dashgen.cli;

import dev.dashgen.engine.Project;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.metrics.ForecastLine;
import dev.dashgen.output.SiteWriter;
import dev.dashgen.metrics.Usd;
import dev.dashgen.telemetry.Kpis;
import dev.dashgen.telemetry.Telemetry;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-screen text a build prints: counts per lane, problems (the first few), what was written, where. */
final class BuildSummary {
    private static final int SHOWN_PROBLEMS = 10;

    private BuildSummary() {}

    /** The lines about the workspace: lane counts and problems. A skipped build repeats them as they were. */
    static List<String> report(Project project, Workspace ws, Telemetry telemetry, FlowReport flow, boolean verbose) {
        List<String> lines = new ArrayList<>();
        Map<Lane, Integer> counts = new EnumMap<>(Lane.class);
        for (Task t : ws.tasks()) counts.merge(t.lane(), 1, Integer::sum);
        StringBuilder lanes = new StringBuilder("  ");
        for (Lane lane : Lane.values()) {
            if (lanes.length() > 2) lanes.append(" · ");
            lanes.append(project.config().lanes().label(lane)).append(' ').append(counts.getOrDefault(lane, 0));
        }
        lines.add(lanes.toString());
        if (telemetry instanceof Telemetry.Available a) {
            Kpis k = a.report().kpis();
            BudgetView b = BudgetView.of(project.config().budget(), k.month());
            lines.add("  cost: " + Usd.format(k.month()) + " this month (projected " + Usd.format(k.projectedMonth())
                    + "), " + Usd.format(k.allTime()) + " all time"
                    + (b.monthlyUsd() == null ? "" : "; budget " + b.limitText() + ": " + b.percent() + "% used, " + b.state()));
        } else if (telemetry instanceof Telemetry.Unavailable u) {
            lines.add("  cost: no cost pages — " + u.reason());
        }
        lines.add("  forecast: " + ForecastLine.of(flow));
        if (flow != null && flow.basis().shallow()) {
            lines.add("  history: a shallow clone, read as far as it goes (" + flow.basis().commits() + " commits)");
        }
        long errors = ws.count(Severity.ERROR);
        long warnings = ws.count(Severity.WARNING);
        lines.add(String.format(Locale.ROOT, "  problems: %d error%s, %d warning%s", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s"));
        List<Problem> shown = ws.problems().stream()
                .sorted((a, b) -> a.severity().compareTo(b.severity()))
                .limit(verbose ? Long.MAX_VALUE : SHOWN_PROBLEMS).toList();
        for (Problem p : shown) lines.add("    " + p);
        if (shown.size() < ws.problems().size()) {
            // Kept in the build stamp inside the output folder, so it names no absolute path.
            lines.add(String.format(Locale.ROOT, "    … %d more on problems.html (--verbose lists them all)",
                    ws.problems().size() - shown.size()));
        }
        return lines;
    }

    static String text(Project project, Path cwd, int tasks, List<String> report, String written, long millis) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "dashgen %s: %,d tasks from %s in %,d ms%n", Dashgen.version(),
                tasks, Commands.shown(cwd, project.work()), millis));
        for (String line : report) s.append(line).append(System.lineSeparator());
        s.append("  ").append(written).append(System.lineSeparator());
        Path index = project.out().toAbsolutePath().resolve("index.html");
        s.append("  board: ").append(index.toUri()).append(System.lineSeparator());
        return s.toString();
    }

    static String written(SiteWriter.Result w) {
        return String.format(Locale.ROOT, "wrote %,d files, %,d unchanged, %,d removed", w.written().size(),
                w.unchanged(), w.removed().size());
    }
}
