package dev.dashgen.cli;

import dev.dashgen.engine.Project;
import static dev.dashgen.snapshot.MarkdownDoc.code;
import static dev.dashgen.snapshot.MarkdownDoc.strong;
import static dev.dashgen.snapshot.MarkdownDoc.text;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.metrics.Usd;
import dev.dashgen.snapshot.MarkdownDoc;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import dev.dashgen.telemetry.Kpis;
import dev.dashgen.telemetry.Telemetry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.node.Node;

/**
 * What {@code build --summary FILE} appends: a Markdown summary for a CI job page such as GitHub's
 * {@code $GITHUB_STEP_SUMMARY}: tasks per lane, problems (the first few), cost this month and the budget state.
 */
final class StepSummary {
    static final int SHOWN_PROBLEMS = 10;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private StepSummary() {}

    static String markdown(Project project, Workspace ws, Telemetry telemetry, dev.dashgen.metrics.FlowReport flow) {
        MarkdownDoc md = new MarkdownDoc();
        md.heading(3, "dashgen: " + project.config().title());
        md.paragraph(text(String.format(Locale.ROOT, "%,d tasks as of %s.", ws.tasks().size(),
                MINUTE.format(project.now().atOffset(ZoneOffset.UTC)))));
        Map<Lane, Integer> counts = new EnumMap<>(Lane.class);
        for (Task t : ws.tasks()) counts.merge(t.lane(), 1, Integer::sum);
        List<String> labels = new ArrayList<>();
        List<String> row = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            labels.add(project.config().lanes().label(lane));
            row.add(String.format(Locale.ROOT, "%,d", counts.getOrDefault(lane, 0)));
            right.add(true);
        }
        md.table(labels, right, List.of(row));
        problems(md, ws);
        cost(md, project, telemetry);
        md.paragraph(text("Forecast: " + dev.dashgen.metrics.ForecastLine.of(flow)
                + (flow != null && flow.basis().shallow() ? " (history from a shallow clone)" : "") + "."));
        return md.render();
    }

    private static void problems(MarkdownDoc md, Workspace ws) {
        long errors = ws.count(Severity.ERROR);
        long warnings = ws.count(Severity.WARNING);
        md.paragraph(strong("Problems:"), text(String.format(Locale.ROOT, " %,d %s, %,d %s", errors,
                errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings")));
        List<List<Node>> shown = ws.problems().stream()
                .sorted((a, b) -> a.severity().compareTo(b.severity()))
                .limit(SHOWN_PROBLEMS)
                .map(StepSummary::item).toList();
        md.bullets(shown);
        if (ws.problems().size() > SHOWN_PROBLEMS) {
            md.paragraph(text(String.format(Locale.ROOT, "… and %,d more: ", ws.problems().size() - SHOWN_PROBLEMS)),
                    code("dashgen check"), text(" lists them all."));
        }
    }

    private static List<Node> item(Problem p) {
        return List.of(code(p.location()), text(" " + p.severity().label() + ": " + p.message()));
    }

    private static void cost(MarkdownDoc md, Project project, Telemetry telemetry) {
        if (telemetry instanceof Telemetry.Available a) {
            Kpis k = a.report().kpis();
            md.paragraph(strong("Cost this month:"), text(" " + Usd.format(k.month()) + " (projected "
                    + Usd.format(k.projectedMonth()) + "); all time " + Usd.format(k.allTime())));
            BudgetView b = BudgetView.of(project.config().budget(), k.month());
            md.paragraph(strong("Budget:"), text(b.monthlyUsd() == null ? " none set"
                    : " " + b.usedText() + " of " + b.limitText() + " used (" + b.percent() + " %): " + b.state()));
        } else if (telemetry instanceof Telemetry.Unavailable u) {
            md.paragraph(strong("Cost:"), text(" no figures — " + u.reason()));
        }
    }

    /** Appends, never truncates: other steps may have written to the same file. */
    static void append(Path file, String markdown) {
        try {
            boolean separate = Files.isRegularFile(file) && Files.size(file) > 0;
            Files.writeString(file, (separate ? "\n" : "") + markdown, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DashgenException(ExitCodes.IO, "cannot append the summary to " + file + " (" + e.getMessage()
                    + ") — check the --summary path", e);
        }
    }
}
