package dev.dashgen.snapshot;

import static dev.dashgen.tasks.Lane.ARCHIVE;
import static dev.dashgen.tasks.Lane.ASSIGNED;
import static dev.dashgen.tasks.Lane.BLOCKED;
import static dev.dashgen.tasks.Lane.DONE;
import static dev.dashgen.tasks.Lane.ERROR;
import static dev.dashgen.tasks.Lane.FRIDGE;
import static dev.dashgen.tasks.Lane.INBOX;
import static dev.dashgen.tasks.Lane.IN_PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.tasks.Lane;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as new, finished, moved and removed between two snapshots. */
class ChangesTest {
    private static final Instant BEFORE = Instant.parse("2026-11-17T12:00:00Z");
    private static final Instant AFTER = Instant.parse("2026-11-24T12:00:00Z");

    /** Alternating id and lane. */
    private static Snapshot at(Instant now, Object... idAndLane) {
        List<SnapshotTask> tasks = new ArrayList<>();
        for (int i = 0; i < idAndLane.length; i += 2) {
            tasks.add(new SnapshotTask((String) idAndLane[i], (Lane) idAndLane[i + 1], "Title " + idAndLane[i], "bob"));
        }
        return new Snapshot(now, tasks);
    }

    private static List<String> ids(List<Change> changes) {
        return changes.stream().map(Change::id).toList();
    }

    @Test
    void eachKindOfChange() {
        Changes c = Changes.between(
                at(BEFORE, "a", INBOX, "b", IN_PROGRESS, "c", FRIDGE, "d", DONE, "e", BLOCKED),
                at(AFTER, "a", ASSIGNED, "b", DONE, "d", DONE, "e", BLOCKED, "f", INBOX));
        assertEquals(List.of("f"), ids(c.added()));
        assertEquals(List.of("b"), ids(c.finished()));
        assertEquals(List.of("a"), ids(c.moved()));
        assertEquals(List.of("c"), ids(c.removed()));
        Change moved = c.moved().get(0);
        assertEquals(new Change("a", "Title a", "bob", INBOX, ASSIGNED), moved);
        assertEquals(new Change("c", "Title c", "bob", FRIDGE, null), c.removed().get(0));
        assertEquals(new Change("f", "Title f", "bob", null, INBOX), c.added().get(0));
    }

    @Test
    void aTaskCreatedAndFinishedInThePeriodIsBothNewAndFinished() {
        Changes c = Changes.between(at(BEFORE), at(AFTER, "x", DONE));
        assertEquals(List.of("x"), ids(c.added()));
        assertEquals(List.of("x"), ids(c.finished()));
        assertTrue(c.moved().isEmpty());
    }

    @Test
    void errorAndArchiveFinishButClosedToClosedIsAMove() {
        Changes c = Changes.between(
                at(BEFORE, "a", IN_PROGRESS, "b", ASSIGNED, "c", DONE, "d", DONE),
                at(AFTER, "a", ERROR, "b", ARCHIVE, "c", ARCHIVE, "d", INBOX));
        assertEquals(List.of("a", "b"), ids(c.finished()));
        assertEquals(List.of("c", "d"), ids(c.moved()), "archiving done work and reopening it are moves");
    }

    @Test
    void nothingChanged() {
        Snapshot s = at(BEFORE, "a", INBOX, "b", DONE);
        assertTrue(Changes.between(s, at(AFTER, "b", DONE, "a", INBOX)).none());
    }

    @Test
    void listsAreSortedById() {
        Changes c = Changes.between(at(BEFORE), at(AFTER, "z", INBOX, "a", INBOX, "m", INBOX));
        assertEquals(List.of("a", "m", "z"), ids(c.added()));
    }
}
