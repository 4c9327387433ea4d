package dev.dashgen.snapshot;

import dev.dashgen.tasks.Lane;
import java.util.Objects;

/** One task as a snapshot records it: enough to tell, next time, whether it is new, moved, finished or gone. */
public record SnapshotTask(String id, Lane lane, String title, String agent) {

    public SnapshotTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lane, "lane");
    }
}
