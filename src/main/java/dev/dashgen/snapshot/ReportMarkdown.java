package dev.dashgen.snapshot;

import static dev.dashgen.snapshot.MarkdownDoc.code;
import static dev.dashgen.snapshot.MarkdownDoc.strong;
import static dev.dashgen.snapshot.MarkdownDoc.text;

import dev.dashgen.config.Config;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.metrics.Usd;
import dev.dashgen.tasks.Lane;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.commonmark.node.Node;

/** A snapshot's Markdown file: the state of the board, what changed since the previous snapshot, and the cost. */
public final class ReportMarkdown {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private ReportMarkdown() {}

    public static String render(Report r, Config.Lanes lanes) {
        MarkdownDoc md = new MarkdownDoc();
        Snapshot now = r.current();
        md.heading(1, "Snapshot " + now.date() + " · " + r.title());
        String counted = String.format(Locale.ROOT, "%,d tasks as of %s", now.tasks().size(), time(now.now()));
        md.paragraph(text(r.previous() == null
                ? counted + ". This is the first snapshot in this folder: there is nothing to compare with yet."
                : counted + ", compared with the snapshot of " + r.previous().date() + " (" + time(r.previous().now()) + ")."));
        if (!r.skipped().isEmpty()) {
            md.paragraph(text("Earlier snapshots that could not be read were passed over and left as they are:"));
            md.bullets(r.skipped().stream().map(s -> List.of(code(s.file()), text(": " + s.reason()))).toList());
        }
        lanes(md, r, lanes);
        changes(md, r, lanes);
        cost(md, r);
        md.heading(2, "Problems");
        String counts = String.format(Locale.ROOT, "%,d %s and %,d %s in task files and config", r.errors(),
                r.errors() == 1 ? "error" : "errors", r.warnings(), r.warnings() == 1 ? "warning" : "warnings");
        if (r.errors() + r.warnings() == 0) md.paragraph(text(counts + "."));
        else md.paragraph(text(counts + "; "), code("dashgen check"), text(" lists them."));
        return md.render();
    }

    private static void lanes(MarkdownDoc md, Report r, Config.Lanes labels) {
        md.heading(2, "Lanes");
        Map<Lane, Integer> now = r.current().laneCounts();
        Map<Lane, Integer> before = r.previous() == null ? null : r.previous().laneCounts();
        List<List<String>> rows = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            List<String> row = new ArrayList<>(List.of(labels.label(lane), String.format(Locale.ROOT, "%,d", now.get(lane))));
            int change = before == null ? 0 : now.get(lane) - before.get(lane);
            if (before != null) row.add(change == 0 ? "0" : String.format(Locale.ROOT, "%+,d", change));
            rows.add(row);
        }
        if (before == null) md.table(List.of("Lane", "Tasks"), List.of(false, true), rows);
        else md.table(List.of("Lane", "Tasks", "Change"), List.of(false, true, true), rows);
    }

    private static void changes(MarkdownDoc md, Report r, Config.Lanes labels) {
        Changes c = r.changes();
        if (c == null) return;
        md.heading(2, "Changes since " + r.previous().date());
        if (c.none()) {
            md.paragraph(text("No task was added, finished, moved or removed."));
            return;
        }
        md.paragraph(strong(String.format(Locale.ROOT, "%,d new, %,d finished, %,d moved, %,d removed.",
                c.added().size(), c.finished().size(), c.moved().size(), c.removed().size())));
        section(md, "New", c.added(), ch -> labels.label(ch.to()));
        section(md, "Finished", c.finished(), ch -> (ch.from() == null ? "new, " : labels.label(ch.from()) + " → ") + labels.label(ch.to()));
        section(md, "Moved", c.moved(), ch -> labels.label(ch.from()) + " → " + labels.label(ch.to()));
        section(md, "Removed", c.removed(), ch -> "was " + labels.label(ch.from()));
    }

    private static void section(MarkdownDoc md, String name, List<Change> changes, Function<Change, String> where) {
        if (changes.isEmpty()) return;
        md.heading(3, String.format(Locale.ROOT, "%s (%,d)", name, changes.size()));
        List<List<Node>> items = new ArrayList<>(changes.size());
        for (Change ch : changes) {
            String title = ch.title() == null || ch.title().equals(ch.id()) ? "" : " " + ch.title();
            String agent = ch.agent() == null ? "" : " (" + ch.agent() + ")";
            items.add(List.of(code(ch.id()), text(title + " — " + where.apply(ch) + agent)));
        }
        md.bullets(items);
    }

    private static void cost(MarkdownDoc md, Report r) {
        md.heading(2, "Cost");
        CostFigures c = r.cost();
        if (c == null) {
            md.paragraph(text("No cost figures: " + r.costNote() + "."));
            return;
        }
        List<List<Node>> lines = new ArrayList<>();
        PeriodCost p = c.period();
        if (p == null) {
            lines.add(List.of(text("In the period: unknown — the telemetry could not be read as of the previous snapshot")));
        } else {
            String since = p.from() == null ? "up to " + time(p.to()) + " (since the telemetry began)"
                    : time(p.from()) + " → " + time(p.to());
            lines.add(List.of(text("In the period " + since + ": "), strong(Usd.format(p.usd()))));
        }
        lines.add(List.of(text("This month: " + Usd.format(c.month()) + " (projected " + Usd.format(c.projectedMonth()) + ")")));
        lines.add(List.of(text("All time: " + Usd.format(c.allTime()))));
        lines.add(budget(r.budget()));
        md.bullets(lines);
        if (p != null && !p.byModel().isEmpty()) {
            md.table(List.of("Model", "Cost in the period"), List.of(false, true),
                    p.byModel().stream().map(m -> List.of(m.model(), Usd.format(m.usd()))).toList());
        }
    }

    private static List<Node> budget(BudgetView b) {
        if (b.monthlyUsd() == null) return List.of(text("Budget: none set ("), code("budget.monthly_usd"), text(" in dashgen.yaml)"));
        return List.of(text("Budget: " + b.usedText() + " of " + b.limitText() + " used this month (" + b.percent() + " %): " + b.state()));
    }

    private static String time(Instant t) {
        return MINUTE.format(t.atOffset(ZoneOffset.UTC));
    }
}
