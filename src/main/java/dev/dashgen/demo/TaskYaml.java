package dev.dashgen.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a task as YAML the way people and agents write them: mostly tidy, with the variety the
 * reader must cope with (PRODUCT.md §2): mixed timestamp forms, status and priority spellings,
 * {@code task_id}, missing fields and extra ones. Emitted by hand because SnakeYAML's dumper is
 * too slow for 100,000 files and cannot vary the style; every value goes through {@link #scalar}.
 */
final class TaskYaml {
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.ofHours(2), ZoneOffset.ofHours(2),
            ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30));
    /** Words YAML 1.1 would read as booleans or null if left unquoted. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("y", "n", "yes", "no", "true", "false",
            "on", "off", "null");

    private static final List<String> PRIORITIES = List.of("critical", "high", "medium", "normal", "low", "",
            "High", "CRITICAL", "Low", "urgent");
    private static final int[] PRIORITY_WEIGHTS = {4, 18, 18, 28, 14, 12, 2, 1, 1, 2};

    private enum Style { ISO_Z, OFFSET, SPACE, DATE }

    private final StringBuilder out = new StringBuilder(1024);
    private final Rand rand;
    private final Style style;
    private final ZoneOffset offset;
    private final boolean quoteTimes;

    private TaskYaml(Rand rand) {
        this.rand = rand;
        this.style = Style.values()[rand.weighted(45, 15, 30, 10)];
        this.offset = rand.pick(OFFSETS);
        this.quoteTimes = rand.chance(0.15);
    }

    static String render(TaskDraft task, Rand rand) {
        return new TaskYaml(rand).task(task);
    }

    private String task(TaskDraft task) {
        PlannedTask plan = task.plan();
        DemoLane lane = plan.lane();
        field(rand.chance(0.015) ? "task_id" : "id", task.id());
        if (!rand.chance(0.01)) field("title", scalar(task.title()));
        if (lane == DemoLane.INBOX ? rand.chance(0.6) : !rand.chance(0.05)) field("agent", plan.agent());
        String status = status(lane);
        if (status != null) field("status", scalar(status));
        String priority = PRIORITIES.get(rand.weighted(PRIORITY_WEIGHTS));
        if (!priority.isEmpty()) field("priority", priority);
        if (task.unreadableCreated() != null) {
            field("created_at", scalar(task.unreadableCreated()));
        } else if (!rand.chance(0.01)) {
            field(rand.chance(0.03) ? "created" : "created_at", time(plan.created(), style == Style.DATE));
        }
        if (plan.assigned() != null) field("assigned_at", time(plan.assigned(), false));
        if (plan.started() != null && (lane != DemoLane.ARCHIVE || rand.chance(0.8))) {
            field("started_at", time(plan.started(), false));
        }
        // Only the creation date may be a bare date: it reads as midnight, which must not fall before the start.
        if (plan.completed() != null) field("completed_at", time(plan.completed(), false));
        if (rand.chance(0.9)) block("description", TaskText.description(task.title(), task.subject(), lane.closed(), rand));
        if (lane.closed() && lane != DemoLane.ERROR && rand.chance(0.7)) {
            list(rand.chance(0.1) ? "artifacts" : "artefacts", TaskText.artefacts(task.title(), rand), false);
        }
        if (!task.dependencies().isEmpty()) {
            ids("dependencies", task.dependencies(), rand.chance(0.3));
        } else if (rand.chance(0.2)) {
            field("dependencies", "[]");
        }
        if (rand.chance(0.6)) field("mode", rand.pick(TaskText.MODES));
        if (rand.chance(0.7)) list("tags", tags(), true);
        if (lane == DemoLane.DONE || lane == DemoLane.ARCHIVE) result(plan.agent(), task.subject());
        if (lane == DemoLane.ERROR) field("error", scalar(rand.pick(TaskText.TASK_ERRORS)));
        if (lane == DemoLane.BLOCKED && rand.chance(0.8)) field("blocked_reason", scalar("Waiting for the " + rand.pick(TaskText.AGENTS) + " to finish the prerequisite"));
        if (rand.chance(0.25)) field("estimate_hours", String.format(Locale.ROOT, "%.1f", 0.5 * (1 + rand.below(16))));
        if (rand.chance(0.15)) field("reviewer", rand.pick(TaskText.AGENTS));
        return out.toString();
    }

    /** The status a file in this lane carries, with the spellings and the occasional folder mismatch seen in practice. */
    private String status(DemoLane lane) {
        return switch (lane) {
            case INBOX -> pick3("new", 70, "pending", 10, null, 20);
            case ASSIGNED -> pick3("assigned", 91, null, 5, "done", 4);
            case IN_PROGRESS -> pick3("in_progress", 85, "In Progress", 10, "in-progress", 5);
            case BLOCKED -> "blocked";
            case DONE -> pick3("done", 88, "completed", 10, rand.chance(0.5) ? "Done" : "in_progress", 2);
            case ERROR -> "error";
            case FRIDGE -> pick3("new", 60, "assigned", 20, null, 20);
            case ARCHIVE -> pick3("done", 90, "completed", 10, null, 0);
        };
    }

    private String pick3(String a, int wa, String b, int wb, String c, int wc) {
        return switch (rand.weighted(wa, wb, wc)) {
            case 0 -> a;
            case 1 -> b;
            default -> c;
        };
    }

    private List<String> tags() {
        int first = rand.below(TaskText.TAGS.size());
        int count = 1 + rand.below(3);
        String[] tags = new String[count];
        for (int i = 0; i < count; i++) tags[i] = TaskText.TAGS.get((first + i * 5) % TaskText.TAGS.size());
        return List.of(tags);
    }

    private void result(String agent, TaskText.Subject subject) {
        out.append("result:\n  summary: ").append(scalar(TaskText.summary(subject, rand))).append('\n');
        if (rand.chance(0.7)) {
            String next = rand.pick(TaskText.AGENTS);
            out.append("  next_agent: ").append(next.equals(agent) ? "reviewer" : next).append('\n');
        }
    }

    private String time(Instant instant, boolean dateOnly) {
        String text;
        if (dateOnly) {
            text = DATE.format(instant.atOffset(ZoneOffset.UTC));
        } else {
            text = switch (style) {
                case ISO_Z -> instant.toString();
                case OFFSET -> OFFSET.format(instant.atOffset(offset));
                case SPACE, DATE -> SPACE.format(instant.atOffset(ZoneOffset.UTC));
            };
        }
        return quoteTimes ? "'" + text + "'" : text;
    }

    private void field(String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }

    private void list(String key, List<String> items, boolean flow) {
        sequence(key, items.stream().map(TaskYaml::scalar).toList(), flow);
    }

    /** Ids go unquoted, as people write them: YAML reads {@code 2026-11-03T0912-x} as a string, not a timestamp. */
    private void ids(String key, List<String> ids, boolean flow) {
        sequence(key, ids, flow);
    }

    private void sequence(String key, List<String> values, boolean flow) {
        out.append(key).append(':');
        if (flow) {
            out.append(" [").append(String.join(", ", values)).append("]\n");
        } else {
            out.append('\n');
            for (String value : values) out.append("  - ").append(value).append('\n');
        }
    }

    /**
     * Safe unquoted: starts with a letter (so never a number, date or indicator), holds only letters,
     * digits, {@code ._()/'+-} and spaces (so no {@code ": "}, {@code " #"} or flow {@code ,}), and ends without a space.
     * A hand-written loop: a regex here was the generator's hottest spot.
     */
    private static boolean plain(String value) {
        int n = value.length();
        if (n == 0 || !letter(value.charAt(0)) || value.charAt(n - 1) == ' ') return false;
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!letter(c) && !(c >= '0' && c <= '9') && "._()/'+- ".indexOf(c) < 0) return false;
        }
        return !RESERVED.contains(value.toLowerCase(Locale.ROOT));
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A literal block ({@code |}): Markdown needs no escaping there, only indentation. */
    private void block(String key, String text) {
        out.append(key).append(": |\n");
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            if (end > start) out.append("  ").append(text, start, end);
            out.append('\n');
            start = end + 1;
        }
    }

    /** Plain when YAML reads it back as the same string, else double-quoted with escapes. */
    static String scalar(String value) {
        if (plain(value)) return value;
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
