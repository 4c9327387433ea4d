package dev.dashgen.serve;

import static dev.dashgen.serve.Workspaces.task;
import static dev.dashgen.serve.Workspaces.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher against the real file system: which events become changes, and which folders it follows. */
class WatcherTest {
    @TempDir
    Path dir;
    Path work;
    ChangeQueue queue;
    Watcher watcher;

    @BeforeEach
    void watch() throws Exception {
        work = Workspaces.small(dir).toRealPath();
        queue = new ChangeQueue(Duration.ofMillis(20), Duration.ofSeconds(1));
        watcher = new Watcher(queue, why -> { throw new AssertionError(why); });
        Path config = dir.toRealPath().resolve("dashgen.yaml");
        Path db = dir.toRealPath().resolve("telemetry.db");
        watcher.watch(new Watcher.Roots(work, List.of(), Set.of(config, db, db.resolveSibling("telemetry.db-wal"))));
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        queue.close();
    }

    private ChangeQueue.Batch next() throws InterruptedException {
        ChangeQueue.Batch b = queue.poll(LiveClient.WAIT);
        assertNotNull(b, "no change reported within " + LiveClient.WAIT);
        return b;
    }

    @Test
    void reportsTaskFilesAndIgnoresEditorTempFilesAndOtherFiles() throws Exception {
        for (String name : List.of(".t-1.yaml.swp", "t-1.yaml~", ".#t-1.yaml", "4913", "t-1.yaml.tmp", "notes.md", ".hidden.yaml")) {
            write(work.resolve("inbox/" + name), "x");
        }
        write(work.resolve("inbox/t-1.yaml"), task("t-1", "Edited", "new", "high"));
        assertEquals(Set.of(work.resolve("inbox/t-1.yaml")), next().paths());
    }

    @Test
    void followsAFolderCreatedLaterAndReportsItForWhatItAlreadyHolds() throws Exception {
        Path carol = work.resolve("assigned/carol/deeper");
        Files.createDirectories(carol);
        write(carol.resolve("t-4.yaml"), task("t-4", "Early", "assigned", "normal"));
        Set<Path> first = next().paths();
        assertTrue(first.contains(work.resolve("assigned/carol")), first.toString());
        write(carol.resolve("t-5.yaml"), task("t-5", "After the watch", "assigned", "normal"));
        ChangeQueue.Batch b;
        do {
            b = next();
        } while (!b.paths().contains(carol.resolve("t-5.yaml")) && !b.paths().contains(carol));
        assertTrue(watcher.watchedFolders() >= 6, "inbox, assigned, alice, done, bob, carol, deeper and the root");
    }

    @Test
    void followsARenamedFolderAtItsNewPath() throws Exception {
        Files.move(work.resolve("assigned/alice"), work.resolve("assigned/alicia"));
        Set<Path> moved = next().paths();
        assertTrue(moved.containsAll(Set.of(work.resolve("assigned/alice"), work.resolve("assigned/alicia"))), moved.toString());
        write(work.resolve("assigned/alicia/t-2.yaml"), task("t-2", "Renamed folder", "assigned", "normal"));
        assertEquals(Set.of(work.resolve("assigned/alicia/t-2.yaml")), next().paths());
    }

    @Test
    void followsTheConfigAndTheTelemetryDatabaseButNotTheirNeighbours() throws Exception {
        write(dir.resolve("README.md"), "not watched");
        write(dir.resolve("telemetry.db-shm"), "not watched");
        write(dir.resolve("telemetry.db-wal"), "a frame");
        write(dir.resolve("dashgen.yaml"), "title: x\n");
        Set<Path> changed = next().paths();
        Path real = dir.toRealPath();
        assertEquals(Set.of(real.resolve("telemetry.db-wal"), real.resolve("dashgen.yaml")), changed);
    }

    @Test
    void anOverflowQueuesARescan() throws Exception {
        watcher.handle(work, new WatchEvent<Object>() {
            @Override
            public Kind<Object> kind() {
                return StandardWatchEventKinds.OVERFLOW;
            }

            @Override
            public int count() {
                return 1;
            }

            @Override
            public Object context() {
                return null;
            }
        });
        assertTrue(next().rescan());
    }
}
