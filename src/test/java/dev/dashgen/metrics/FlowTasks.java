package dev.dashgen.metrics;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dashgen.config.Config;
import dev.dashgen.history.Transition;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskParser;
import java.time.Instant;
import java.util.List;

/** One-line helpers for flow tests: a task from a path and YAML lines, a config with a few flow keys set. */
final class FlowTasks {
    private FlowTasks() {}

    static Task task(String file, String... lines) {
        ParsedFile parsed = TaskParser.parse(String.join("\n", lines) + "\n", file, LaneSource.FOLDER);
        assertNotNull(parsed.task(), () -> file + ": " + parsed.problems());
        return parsed.task();
    }

    /** A task whose id is its file name, with the given timestamp fields (null: absent). */
    static Task dated(String file, String status, String created, String assigned, String started, String completed) {
        String id = file.substring(file.lastIndexOf('/') + 1, file.lastIndexOf('.'));
        StringBuilder y = new StringBuilder("id: " + id + "\n");
        if (status != null) y.append("status: ").append(status).append('\n');
        if (created != null) y.append("created: '").append(created).append("'\n");
        if (assigned != null) y.append("assigned_at: '").append(assigned).append("'\n");
        if (started != null) y.append("started_at: '").append(started).append("'\n");
        if (completed != null) y.append("completed_at: '").append(completed).append("'\n");
        return task(file, y.toString().strip());
    }

    static Config config(String timezone, int reportDays, Integer wipLimit, Config.Forecast forecast) {
        Config d = Config.DEFAULTS;
        return new Config(d.title(), d.work(), d.telemetry(), d.out(), d.baseUrl(), d.exclude(), d.lanes(), d.budget(),
                d.themeTemplates(), d.themeAssets(), reportDays, d.specs(), timezone, d.repoUrl(), d.linkPatterns(),
                d.board(), new Config.Flow(wipLimit), forecast, d.history());
    }

    static Transition move(String lane, String at) {
        return new Transition(lane, Instant.parse(at), "c0ffee" + lane.hashCode() + at.hashCode(), "Ada", Instant.parse(at),
                lane + "/x.yaml");
    }

    static List<Transition> moves(String... laneAt) {
        List<Transition> list = new java.util.ArrayList<>();
        for (int i = 0; i < laneAt.length; i += 2) list.add(move(laneAt[i], laneAt[i + 1]));
        return list;
    }
}
