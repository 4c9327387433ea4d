package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.metrics.Flow;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A flow report over sixty generated tasks (every lane, a spread of dates, costs) and one without dates, for page and data-file tests. */
final class FlowSample {
    static final Instant NOW = Instant.parse("2026-03-18T12:00:00Z");
    static final Chrome.SiteMeta META = new Chrome.SiteMeta("Flow test", NOW.toString(), "2026-03-18 12:00 UTC", 0, 0, "test", true, null);

    private FlowSample() {}

    static List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        String[] folders = {"done/ada/", "done/bob/", "assigned/ada/", "assigned/cy/", "inbox/", "archive/2026-02/", "fridge/", "done/cy/"};
        for (int i = 0; i < 60; i++) {
            String folder = folders[i % folders.length];
            int created = 2 + (i * 7) % 40;
            int assigned = created + 1 + i % 3;
            int completed = assigned + 1 + (i * 5) % 9;
            StringBuilder y = new StringBuilder("id: t" + i + "\ntitle: Task <" + i + ">\n");
            y.append("status: ").append(folder.startsWith("done") ? (i == 7 ? "error" : "done")
                    : folder.startsWith("assigned") ? (i % 2 == 0 ? "in_progress" : "blocked") : "new").append('\n');
            y.append("created_at: ").append(day(created)).append("T09:00:00Z\n");
            if (!folder.startsWith("inbox") && !folder.startsWith("fridge")) y.append("assigned_at: ").append(day(assigned)).append("T10:00:00Z\n");
            if (folder.startsWith("done") || folder.startsWith("archive")) y.append("completed_at: ").append(day(completed)).append("T15:00:00Z\n");
            ParsedFile p = TaskParser.parse(y.toString(), folder + "t" + i + ".yaml", LaneSource.FOLDER);
            assertNotNull(p.task(), p.problems()::toString);
            tasks.add(p.task());
        }
        tasks.add(TaskParser.parse("id: undated\nstatus: assigned\n", "assigned/undated.yaml", LaneSource.FOLDER).task());
        return tasks;
    }

    /** Day {@code n} counted from 2026-02-01 (day 1), capped at today. */
    private static String day(int n) {
        return java.time.LocalDate.parse("2026-01-31").plusDays(Math.min(n, 46)).toString();
    }

    static Map<String, BigDecimal> costs(List<Task> tasks) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (int i = 0; i < tasks.size(); i++) costs.put(tasks.get(i).file(), new BigDecimal("0.05").multiply(BigDecimal.valueOf(1 + i % 7)));
        return costs;
    }

    static FlowReport report() {
        List<Task> tasks = tasks();
        return Flow.compute(tasks, History.ABSENT, NOW, config(), costs(tasks));
    }

    static Config config() {
        Config d = Config.DEFAULTS;
        return new Config(d.title(), d.work(), d.telemetry(), d.out(), d.baseUrl(), d.exclude(), d.lanes(), d.budget(),
                d.themeTemplates(), d.themeAssets(), 30, d.specs(), "UTC", d.repoUrl(), d.linkPatterns(), d.board(),
                new Config.Flow(2), d.forecast(), d.history());
    }
}
