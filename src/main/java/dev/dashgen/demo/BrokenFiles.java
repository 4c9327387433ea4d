package dev.dashgen.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Chooses which task files are broken and writes the broken ones. */
final class BrokenFiles {
    private static final BrokenKind[] CYCLE = BrokenKind.values();
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm", Locale.ROOT);

    private BrokenFiles() {}

    /**
     * For each task, the how-many-th broken file it is, or -1 when healthy. Broken files go round
     * the folders (inbox, assigned, done, fridge, archive), a random task within each, so they
     * spread over the tree instead of landing where most tasks are (done).
     */
    static int[] choose(List<PlannedTask> tasks, int count, Rand rand) {
        List<List<Integer>> byFolder = new ArrayList<>();
        for (int f = 0; f < DemoLane.FOLDERS.size(); f++) byFolder.add(new ArrayList<>());
        for (int i = 0; i < tasks.size(); i++) {
            byFolder.get(DemoLane.FOLDERS.indexOf(tasks.get(i).lane().folder)).add(i);
        }
        int[] ordinals = new int[tasks.size()];
        Arrays.fill(ordinals, -1);
        for (int k = 0; k < count; k++) {
            for (int shift = 0; shift < byFolder.size(); shift++) {
                List<Integer> candidates = byFolder.get((k + shift) % byFolder.size());
                if (candidates.isEmpty()) continue;
                int at = rand.below(candidates.size());
                int task = candidates.get(at);
                candidates.set(at, candidates.get(candidates.size() - 1));
                candidates.remove(candidates.size() - 1);
                ordinals[task] = k;
                break;
            }
        }
        return ordinals;
    }

    static BrokenKind kind(int ordinal) {
        return CYCLE[ordinal % CYCLE.length];
    }

    /** Which variant of its kind the broken file is, so a second round of the cycle differs from the first. */
    static int round(int ordinal) {
        return ordinal / CYCLE.length;
    }

    /** Bad indentation (even rounds) or an unclosed quote (odd rounds): no YAML parser accepts either. */
    static String unparseable(TaskDraft task, int round) {
        PlannedTask plan = task.plan();
        String created = plan.created().toString();
        if (round % 2 == 0) {
            return "id: " + task.id() + "\ntitle: " + TaskYaml.scalar(task.title()) + "\nagent: " + plan.agent()
                    + "\n  priority: high\nstatus: new\ncreated_at: " + created
                    + "\ndescription: |\n  Indented one level too deep above; the parser stops there.\n";
        }
        return "id: " + task.id() + "\ntitle: \"" + task.title().replace("\"", "").replace("\\", "")
                + "\nagent: " + plan.agent() + "\nstatus: new\ncreated_at: " + created + "\n";
    }

    /** The whole task as the single item of a YAML list: valid YAML, but not a mapping. */
    static String asList(String taskYaml) {
        StringBuilder out = new StringBuilder(taskYaml.length() + 256);
        boolean first = true;
        for (String line : taskYaml.split("\n", -1)) {
            if (!line.isEmpty()) out.append(first ? "- " : "  ").append(line);
            out.append('\n');
            first = false;
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** An id no task can have: date-style, but from before the window every task was created in. */
    static String missingId(Instant now, String agent, int round) {
        Instant longAgo = now.minusSeconds((TaskPlanner.WINDOW_DAYS + 30L + round) * 86_400L);
        return ID_TIME.format(longAgo.atOffset(ZoneOffset.UTC)) + "-" + agent + "-retired-spike";
    }

    static String unreadableTimestamp(int round) {
        return TaskText.UNREADABLE_TIMESTAMPS.get(round % TaskText.UNREADABLE_TIMESTAMPS.size());
    }

    /**
     * A file exported by an old tool in Latin-1: a comment and a title with accented letters, so it
     * holds bytes that are not UTF-8. Characters Latin-1 lacks (arrows, dashes) become ASCII first.
     */
    static String latin1(String taskYaml) {
        StringBuilder out = new StringBuilder(taskYaml.length() + 48).append("# Übernommen aus dem alten Tracker\n");
        for (int i = 0; i < taskYaml.length(); i++) {
            char c = taskYaml.charAt(i);
            out.append(c <= 0xFF ? String.valueOf(c) : c == '→' ? "->" : "-");
        }
        return out.toString();
    }

    static String latin1Title(int round) {
        return TaskText.LATIN1_TITLES.get(round % TaskText.LATIN1_TITLES.size());
    }
}
