package dev.dashgen.engine;

import java.util.BitSet;

/**
 * A {@link Change} as the engine uses it: everything, or which tasks were replaced in place (workspace
 * indices, while the task list keeps its order) or that the task list was made again, and whether costs
 * and problems read outside task files may differ.
 */
record Scope(boolean everything, boolean repository, BitSet replaced, boolean restructured, boolean costs, boolean problems) {

    static Scope of(Change change) {
        Scope s = new Scope(false, false, new BitSet(), false, false, false);
        return s.with(change);
    }

    /**
     * Whether the model is derived from scratch: after everything, or a change in the repository around the work
     * tree (its files or its history).
     */
    boolean fresh() {
        return everything || repository;
    }

    private Scope with(Change change) {
        if (change instanceof Change.Everything) return new Scope(true, repository, replaced, restructured, true, true);
        if (change instanceof Change.RepositoryChanged || change instanceof Change.HistoryChanged) {
            return new Scope(everything, true, replaced, restructured, costs, true);
        }
        if (change instanceof Change.TasksReplaced t) {
            BitSet next = (BitSet) replaced.clone();
            for (int i : t.indices()) next.set(i);
            return new Scope(everything, repository, next, restructured, costs, problems);
        }
        if (change instanceof Change.TasksAddedOrRemoved) return new Scope(everything, repository, replaced, true, costs, problems);
        if (change instanceof Change.TelemetryAppended || change instanceof Change.CostsChanged) {
            return new Scope(everything, repository, replaced, restructured, true, problems);
        }
        if (change instanceof Change.ProblemsChanged) return new Scope(everything, repository, replaced, restructured, costs, true);
        Scope s = this;
        for (Change c : ((Change.Several) change).changes()) s = s.with(c);
        return s;
    }
}
