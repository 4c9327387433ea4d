package dev.dashgen.demo;

import java.time.Instant;

/**
 * What {@code dashgen demo} generates. {@code tasks} counts the task files in the folders dashgen
 * reads (inbox, assigned, done, fridge, archive), broken ones included; the few copies under
 * {@code backups/} come on top. {@code broken} of those task files are broken on purpose, and every
 * timestamp is derived from {@code now}, so the same options always give the same workspace.
 */
public record DemoOptions(int tasks, int invocations, long seed, int broken, Instant now) {

    public DemoOptions {
        if (tasks < 0) throw new IllegalArgumentException("tasks must be >= 0, was " + tasks);
        if (invocations < 0) throw new IllegalArgumentException("invocations must be >= 0, was " + invocations);
        if (broken < 0) throw new IllegalArgumentException("broken must be >= 0, was " + broken);
        if (broken > tasks) {
            throw new IllegalArgumentException("broken (" + broken + ") must not exceed tasks (" + tasks
                    + "): the broken files are some of the task files");
        }
        if (now == null) throw new IllegalArgumentException("now must not be null");
    }
}
