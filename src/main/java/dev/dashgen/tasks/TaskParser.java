package dev.dashgen.tasks;

import dev.dashgen.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one task file's text into a {@link Task} and its problems (PRODUCT.md §2). Pure: the
 * caller supplies the text and the file's path relative to the work root.
 */
public final class TaskParser {

    /** Fields dashgen interprets; every other field is kept in {@link Task#extra()}. */
    private static final Set<String> KNOWN = Set.of("id", "task_id", "title", "agent", "status", "priority",
            "created_at", "created", "assigned_at", "started_at", "completed_at", "description",
            "artefacts", "artifacts", "dependencies", "specification", "mode", "tags", "result", "error");

    private TaskParser() {}

    public static ParsedFile parse(String text, String file, LaneSource source) {
        YamlMapping.Result result = YamlMapping.parse(text, file, YamlMapping.Scalars.AS_WRITTEN);
        if (result instanceof YamlMapping.Failed failed) return new ParsedFile(file, null, List.of(failed.problem()));
        YamlMapping.Read read = (YamlMapping.Read) result;
        List<Problem> problems = new ArrayList<>(read.problems());
        Task task = new Builder(file, read.mapping(), problems).build(source);
        return new ParsedFile(file, task, problems);
    }

    private static final class Builder {
        private final String file;
        private final YamlMapping yaml;
        private final List<Problem> problems;

        Builder(String file, YamlMapping yaml, List<Problem> problems) {
            this.file = file;
            this.yaml = yaml;
            this.problems = problems;
        }

        Task build(LaneSource source) {
            Placement placement = Placement.of(file);
            String id = id();
            String statusText = text("status");
            Status status = null;
            if (statusText != null) {
                status = Status.parse(statusText).orElse(null);
                if (status == null) {
                    warn("status", "unknown status \"" + statusText + "\" — use " + Status.allowed());
                }
            }
            Lane lane = LaneRules.lane(placement, status, statusText, source, file, yaml.lines().getOrDefault("status", 0), problems);
            String agent = text("agent");
            if (agent == null) agent = placement.folderAgent();
            String title = text("title");
            Task.Lifecycle lifecycle = new Task.Lifecycle(
                    timestamp(yaml.values().containsKey("created_at") ? "created_at" : "created"),
                    timestamp("assigned_at"), timestamp("started_at"), timestamp("completed_at"));
            Map<String, Object> result = mapping("result");
            Map<String, Object> extra = new LinkedHashMap<>();
            yaml.values().forEach((k, v) -> {
                if (!KNOWN.contains(k)) extra.put(k, v);
            });
            Dependencies.Read dependencies = Dependencies.parse(yaml.values().get("dependencies"));
            dependencies.warnings().forEach(w -> warn("dependencies", w));
            return new Task(file, id, title == null || title.isBlank() ? id : title, agent, statusText, status, lane,
                    priority(), lifecycle, text("description"),
                    list(yaml.values().containsKey("artefacts") ? "artefacts" : "artifacts"),
                    dependencies.taskIds(), text("specification"), text("mode"), list("tags"),
                    result == null ? null : plain(result.get("summary")),
                    result == null ? null : plain(result.get("next_agent")),
                    text("error"), extra, yaml.lines(), dependencies.items());
        }

        private String id() {
            String base = baseName();
            String id = text("id");
            String field = "id";
            if (id == null) {
                id = text("task_id");
                field = "task_id";
                if (id != null) {
                    warn("task_id", "no id field; using task_id \"" + id + "\" — rename task_id to id");
                }
            }
            if (id == null || id.isBlank()) {
                problems.add(Problem.warning(file, 1, 1, "no id field; using the file name \"" + base + "\" — add id: " + base));
                return base;
            }
            if (!id.equals(base)) {
                warn(field, "id \"" + id + "\" differs from the file name \"" + base
                        + "\" — rename the file to " + id + ".yaml or change the id");
            }
            return id;
        }

        private String baseName() {
            String name = file.substring(file.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            return dot > 0 ? name.substring(0, dot) : name;
        }

        private Priority priority() {
            String text = text("priority");
            if (text == null) return Priority.NORMAL;
            return Priority.parse(text).orElseGet(() -> {
                warn("priority", "unknown priority \"" + text + "\" — use " + Priority.allowed() + "; shown as normal");
                return Priority.NORMAL;
            });
        }

        private Timestamp timestamp(String field) {
            Object value = yaml.values().get(field);
            if (value == null) return null;
            Timestamp ts = Timestamp.parse(String.valueOf(value));
            if (!ts.readable()) {
                warn(field, "unreadable timestamp \"" + ts.raw() + "\" in " + field
                        + " — use ISO-8601 such as 2026-11-24T16:51:44Z, or 2026-11-24 16:51:44");
            }
            return ts;
        }

        /** A scalar field as text; a list or mapping where text belongs is a problem. */
        private String text(String field) {
            Object value = yaml.values().get(field);
            if (value == null) return null;
            if (value instanceof Map || value instanceof List) {
                warn(field, field + " should be a single value, not a " + (value instanceof Map ? "mapping" : "list")
                        + " — write it as text");
                return null;
            }
            return String.valueOf(value);
        }

        private Map<String, Object> mapping(String field) {
            Object value = yaml.values().get(field);
            if (value == null) return null;
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) map;
                return m;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", value);
            return m;
        }

        private List<String> list(String field) {
            Object value = yaml.values().get(field);
            if (value == null) return List.of();
            if (value instanceof List<?> items) {
                List<String> out = new ArrayList<>(items.size());
                for (Object item : items) {
                    String s = plain(item);
                    if (s != null && !s.isBlank()) out.add(s.strip());
                }
                return out;
            }
            if (value instanceof Map) {
                warn(field, field + " should be a list, not a mapping — write one item per line starting with \"- \"");
                return List.of();
            }
            String s = String.valueOf(value).strip();
            return s.isEmpty() ? List.of() : List.of(s);
        }

        private static String plain(Object value) {
            return value == null ? null : String.valueOf(value);
        }

        private void warn(String field, String message) {
            problems.add(Problem.warning(file, yaml.lines().getOrDefault(field, 0), yaml.columns().getOrDefault(field, 0), message));
        }
    }
}
