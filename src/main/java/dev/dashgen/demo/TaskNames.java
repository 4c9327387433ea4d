package dev.dashgen.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ids, titles and dependencies. Tasks older than {@value #RENAME_DAYS} days carry the team's old
 * ids ({@code t-000123}), newer ones date-style ids ({@code 2026-11-03T0912-backend-dev-add-login}),
 * as after a change of convention. Dependencies point only at earlier healthy tasks, so they never
 * dangle and never form a cycle; a finished task depends only on work finished before it started.
 */
final class TaskNames {
    private static final int RENAME_DAYS = 60;
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm", Locale.ROOT);

    private final List<PlannedTask> plan;
    private final int[] brokenOrdinals;
    private final String[] ids;
    private final String[] titles;
    private final TaskText.Subject[] subjects;
    /** Membership only (never iterated), so hash order cannot leak into the output. */
    private final Set<String> duplicated = new HashSet<>();

    private TaskNames(List<PlannedTask> plan, int[] brokenOrdinals) {
        this.plan = plan;
        this.brokenOrdinals = brokenOrdinals;
        this.ids = new String[plan.size()];
        this.titles = new String[plan.size()];
        this.subjects = new TaskText.Subject[plan.size()];
    }

    static TaskNames assign(List<PlannedTask> plan, int[] brokenOrdinals, Instant now, Rand rand) {
        TaskNames names = new TaskNames(plan, brokenOrdinals);
        Instant renamed = now.minusSeconds(RENAME_DAYS * 86_400L);
        Set<String> used = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedTask task = plan.get(i);
            names.subjects[i] = TaskText.subject(rand);
            names.titles[i] = TaskText.title(task.agent(), names.subjects[i], rand);
            String id = task.created().isBefore(renamed) ? sequenceId(i + 1)
                    : ID_TIME.format(task.created().atOffset(ZoneOffset.UTC)) + "-" + task.agent() + "-" + TaskText.slug(names.titles[i]);
            if (!used.add(id)) {
                id = id + "-" + (i + 1);
                used.add(id);
            }
            names.ids[i] = id;
        }
        return names;
    }

    private static String sequenceId(int number) {
        String digits = Integer.toString(number);
        return "t-" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    String id(int i) {
        return ids[i];
    }

    String title(int i) {
        return titles[i];
    }

    TaskText.Subject subject(int i) {
        return subjects[i];
    }

    List<String> dependencies(int i, Rand rand) {
        if (i == 0 || !rand.chance(0.3)) return List.of();
        int wanted = 1 + rand.below(3);
        PlannedTask task = plan.get(i);
        List<String> dependencies = new ArrayList<>(wanted);
        for (int attempt = 0; attempt < wanted * 4 && dependencies.size() < wanted; attempt++) {
            int j = i - 1 - rand.below(Math.min(i, 80));
            if (brokenOrdinals[j] >= 0) continue;
            PlannedTask other = plan.get(j);
            if (task.lane().closed() && (!other.lane().closed() || other.completed().isAfter(task.started()))) continue;
            if (!dependencies.contains(ids[j])) dependencies.add(ids[j]);
        }
        return dependencies;
    }

    /**
     * The id a duplicate-id file copies: a healthy task's where one is left, else that of a broken
     * file whose id is still readable (the kind cycle puts one before every duplicate). Each id is
     * copied once, so the copies' file names never collide.
     */
    String duplicateTarget(int self, Rand rand) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int j = rand.below(plan.size());
            if (j != self && brokenOrdinals[j] < 0 && duplicated.add(ids[j])) return ids[j];
        }
        for (int j = 0; j < plan.size(); j++) {
            if (j != self && brokenOrdinals[j] < 0 && duplicated.add(ids[j])) return ids[j];
        }
        for (int j = 0; j < plan.size(); j++) {
            if (j != self && brokenOrdinals[j] >= 0 && readableId(BrokenFiles.kind(brokenOrdinals[j])) && duplicated.add(ids[j])) {
                return ids[j];
            }
        }
        throw new IllegalStateException("no task id left to duplicate");
    }

    private static boolean readableId(BrokenKind kind) {
        return kind == BrokenKind.DANGLING_DEPENDENCY || kind == BrokenKind.UNREADABLE_TIMESTAMP;
    }
}
