package dev.dashgen.engine;

import java.util.BitSet;

/**
 * A {@link Change} as the engine uses it: everything, or which tasks were replaced in place (workspace
 * indices, while the task list keeps its order) or that the task list was made again, and whether costs
 * and problems read outside task files may differ.
 */
record Scope(boolean everything, BitSet replaced, boolean restructured, boolean costs, boolean problems) {

    static Scope of(Change change) {
        Scope s = new Scope(false, new BitSet(), false, false, false);
        return s.with(change);
    }

    private Scope with(Change change) {
        if (change instanceof Change.Everything) return new Scope(true, replaced, restructured, true, true);
        if (change instanceof Change.TasksReplaced t) {
            BitSet next = (BitSet) replaced.clone();
            for (int i : t.indices()) next.set(i);
            return new Scope(everything, next, restructured, costs, problems);
        }
        if (change instanceof Change.TasksAddedOrRemoved) return new Scope(everything, replaced, true, costs, problems);
        if (change instanceof Change.TelemetryAppended || change instanceof Change.CostsChanged) {
            return new Scope(everything, replaced, restructured, true, problems);
        }
        if (change instanceof Change.ProblemsChanged) return new Scope(everything, replaced, restructured, costs, true);
        Scope s = this;
        for (Change c : ((Change.Several) change).changes()) s = s.with(c);
        return s;
    }
}
