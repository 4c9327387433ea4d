package dev.dashgen.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What changed in the inputs since the previous build, as the side that read them knows it: the engine
 * never works it out by comparing the inputs themselves. A batch of file events is one change.
 */
public sealed interface Change {

    /** The first build, another config or theme, a rescan: nothing of the previous build carries over. */
    record Everything() implements Change {}

    /**
     * Task files re-read in place, each still a task with the same file, id and dependencies: the workspace
     * keeps its order, and these are the indices (ascending) of the tasks that were replaced.
     */
    record TasksReplaced(int[] indices) implements Change {
        public TasksReplaced {
            indices = indices.clone();
            Arrays.sort(indices);
        }

        @Override
        public int[] indices() {
            return indices.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TasksReplaced t && Arrays.equals(indices, t.indices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indices);
        }

        @Override
        public String toString() {
            return "TasksReplaced" + Arrays.toString(indices);
        }
    }

    /**
     * Task files came, went, or changed id or dependencies (these files, relative to the work root): the
     * workspace was made again and its order may differ.
     */
    record TasksAddedOrRemoved(Set<String> files) implements Change {
        public TasksAddedOrRemoved {
            files = Set.copyOf(files);
        }
    }

    /** Rows were appended to the telemetry table and folded into the report. */
    record TelemetryAppended() implements Change {}

    /** The telemetry was read again whole: costs may differ anywhere. */
    record CostsChanged() implements Change {}

    /**
     * The repository around the work tree changed (a specification, an agent profile, a linked document) or a task
     * links another specification: everything derived from it is derived again, rendered pages are kept by their inputs.
     */
    record RepositoryChanged() implements Change {}

    /** New commits (or another branch): the Git history of the work tree was read again. */
    record HistoryChanged() implements Change {}

    /** Problems found outside the task files (config, telemetry rows, unread folders) differ. */
    record ProblemsChanged() implements Change {}

    /** Several of the above at once: one batch of events. */
    record Several(List<Change> changes) implements Change {
        public Several {
            changes = List.copyOf(changes);
        }
    }

    /** {@code a} and {@code b} as one change. */
    static Change both(Change a, Change b) {
        if (a == null) return b;
        if (b == null) return a;
        return new Several(List.of(a, b));
    }
}
