package dev.dashgen.snapshot;

import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state a snapshot records, and the part the next snapshot diffs against: when it was taken and every task
 * (one per id, sorted by id). {@code date} is {@code now}'s UTC day, which names the snapshot's files.
 */
public record Snapshot(Instant now, List<SnapshotTask> tasks) {

    public Snapshot {
        Objects.requireNonNull(now, "now");
        tasks = tasks.stream().sorted(Comparator.comparing(SnapshotTask::id)).toList();
    }

    /** The work tree's tasks; where two files share an id, the one the workspace resolves the id to. */
    public static Snapshot of(Workspace ws, Instant now) {
        List<SnapshotTask> tasks = new ArrayList<>(ws.byId().size());
        for (Task t : ws.byId().values()) tasks.add(new SnapshotTask(t.id(), t.lane(), t.title(), t.agent()));
        return new Snapshot(now, tasks);
    }

    public LocalDate date() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Tasks per lane, every lane present, in lane order. */
    public Map<Lane, Integer> laneCounts() {
        Map<Lane, Integer> counts = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) counts.put(lane, 0);
        for (SnapshotTask t : tasks) counts.merge(t.lane(), 1, Integer::sum);
        return counts;
    }

    Map<String, SnapshotTask> byId() {
        Map<String, SnapshotTask> byId = new LinkedHashMap<>();
        for (SnapshotTask t : tasks) byId.putIfAbsent(t.id(), t);
        return byId;
    }
}
