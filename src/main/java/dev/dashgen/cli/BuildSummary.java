package dev.dashgen.cli;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import dev.dashgen.site.SiteWriter;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The one-screen text a build prints: counts per lane, problems (the first few), what was written, where. */
final class BuildSummary {
    private static final int SHOWN_PROBLEMS = 10;

    private BuildSummary() {}

    static String text(Project project, Workspace ws, SiteWriter.Result written, long millis, boolean verbose) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "dashgen %s: %,d tasks from %s in %,d ms%n", Dashgen.version(),
                ws.tasks().size(), project.work(), millis));
        Map<Lane, Integer> counts = new EnumMap<>(Lane.class);
        for (Task t : ws.tasks()) counts.merge(t.lane(), 1, Integer::sum);
        StringBuilder lanes = new StringBuilder("  ");
        for (Lane lane : Lane.values()) {
            if (lanes.length() > 2) lanes.append(" · ");
            lanes.append(project.config().lanes().label(lane)).append(' ').append(counts.getOrDefault(lane, 0));
        }
        s.append(lanes).append(System.lineSeparator());
        long errors = ws.count(Severity.ERROR);
        long warnings = ws.count(Severity.WARNING);
        s.append(String.format(Locale.ROOT, "  problems: %d error%s, %d warning%s%n", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s"));
        List<Problem> shown = ws.problems().stream()
                .sorted((a, b) -> a.severity().compareTo(b.severity()))
                .limit(verbose ? Long.MAX_VALUE : SHOWN_PROBLEMS).toList();
        for (Problem p : shown) s.append("    ").append(p).append(System.lineSeparator());
        if (shown.size() < ws.problems().size()) {
            s.append(String.format(Locale.ROOT, "    … %d more in %s%n", ws.problems().size() - shown.size(),
                    project.out().resolve("problems.html")));
        }
        s.append(String.format(Locale.ROOT, "  wrote %,d files, %,d unchanged, %,d removed%n", written.written().size(),
                written.unchanged(), written.removed().size()));
        s.append("  board: ").append(project.out().toAbsolutePath().resolve("index.html").toUri()).append(System.lineSeparator());
        return s.toString();
    }
}
