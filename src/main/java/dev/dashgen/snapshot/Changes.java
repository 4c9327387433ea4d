package dev.dashgen.snapshot;

import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two snapshots, each list sorted by id. {@code added}: every task the earlier snapshot did
 * not have, whatever its lane. {@code finished}: every task now closed (Done, Error or Archive) that was open or
 * absent before, so a task created and finished in the period is both added and finished. {@code moved}: every other
 * lane change of a task in both (Inbox → In progress, Done → Archive, a reopened task). {@code removed}: tasks
 * no longer in the work tree.
 */
public record Changes(List<Change> added, List<Change> finished, List<Change> moved, List<Change> removed) {
    private static final Set<Lane> CLOSED = Set.of(Lane.DONE, Lane.ERROR, Lane.ARCHIVE);

    public Changes {
        added = List.copyOf(added);
        finished = List.copyOf(finished);
        moved = List.copyOf(moved);
        removed = List.copyOf(removed);
    }

    public static Changes between(Snapshot before, Snapshot after) {
        Map<String, SnapshotTask> old = before.byId();
        Map<String, SnapshotTask> now = after.byId();
        List<Change> added = new ArrayList<>();
        List<Change> finished = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        for (SnapshotTask t : now.values()) {
            SnapshotTask was = old.get(t.id());
            Lane from = was == null ? null : was.lane();
            Change change = new Change(t.id(), t.title(), t.agent(), from, t.lane());
            if (was == null) added.add(change);
            if (CLOSED.contains(t.lane()) && (from == null || !CLOSED.contains(from))) finished.add(change);
            else if (from != null && from != t.lane()) moved.add(change);
        }
        for (SnapshotTask t : old.values()) {
            if (!now.containsKey(t.id())) removed.add(new Change(t.id(), t.title(), t.agent(), t.lane(), null));
        }
        return new Changes(added, finished, moved, removed);
    }

    public boolean none() {
        return added.isEmpty() && finished.isEmpty() && moved.isEmpty() && removed.isEmpty();
    }
}
