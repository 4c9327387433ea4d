package dev.dashgen.demo;

import static dev.dashgen.demo.TaskFiles.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import dev.dashgen.history.GitTree;
import dev.dashgen.history.History;
import dev.dashgen.history.HistoryReader;
import dev.dashgen.history.Transition;
import dev.dashgen.metrics.Flow;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.metrics.Source;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskReader;
import dev.dashgen.tasks.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo as a Git repository: a clean status, the same commits every time, and a history that agrees with the YAML. */
class DemoGitHistoryTest {
    @TempDir
    Path temp;

    @Test
    void theLastCommitIsTheFolderAndTheStatusIsClean() throws Exception {
        Path dir = temp.resolve("demo");
        DemoWriter.write(dir, options(150, 500, 3, 6));
        try (Git git = Git.open(dir.toFile())) {
            Status status = git.status().call();
            assertTrue(status.isClean(), () -> "untracked " + status.getUntracked() + ", modified " + status.getModified()
                    + ", changed " + status.getChanged() + ", missing " + status.getMissing());
            assertEquals("main", git.getRepository().getBranch());
            RevCommit head = git.log().setMaxCount(1).call().iterator().next();
            assertEquals(TaskFiles.NOW.getEpochSecond(), head.getCommitTime(), "the history ends at now");
        }
        SortedMap<String, byte[]> committed = GitTree.files(dir, "HEAD");
        SortedMap<String, byte[]> disk = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith(".git/") && !rel.startsWith("telemetry.db")) disk.put(rel, Files.readAllBytes(p));
            }
        }
        assertEquals(disk.keySet(), committed.keySet());
        disk.forEach((path, bytes) -> assertArrayEquals(bytes, committed.get(path), path));
        assertTrue(committed.containsKey(".gitignore"));
        assertTrue(committed.containsKey("dashgen.yaml"));
    }

    @Test
    void theSameOptionsGiveTheSameCommits() throws Exception {
        DemoWriter.write(temp.resolve("a"), options(80, 100, 9, 3));
        DemoWriter.write(temp.resolve("b"), options(80, 100, 9, 3));
        DemoWriter.write(temp.resolve("b"), options(80, 100, 9, 3));
        try (Git a = Git.open(temp.resolve("a").toFile()); Git b = Git.open(temp.resolve("b").toFile())) {
            assertEquals(a.getRepository().resolve("HEAD"), b.getRepository().resolve("HEAD"));
        }
    }

    @Test
    void theHistoryAgreesWithTheLanesAndTheTimestamps() throws Exception {
        Path dir = temp.resolve("demo");
        DemoWriter.write(dir, options(300, 100, 42, 3));
        Path work = dir.resolve(DemoWriter.WORK);
        History history = HistoryReader.read(work, Config.DEFAULTS.exclude(), null, null).history();
        assertFalse(history.shallow());
        assertTrue(history.commits() > 300, "a commit per move: " + history.commits());
        TaskReader.Result read = TaskReader.read(work, Config.DEFAULTS.exclude(), LaneSource.FOLDER);
        Workspace ws = Workspace.of(read.files(), read.problems());
        int checked = 0;
        for (Task t : ws.tasks()) {
            List<Transition> moves = history.of(t.file());
            assertFalse(moves.isEmpty(), t.file());
            Transition last = moves.get(moves.size() - 1);
            assertEquals(t.file().substring(0, t.file().indexOf('/')), last.lane(), t.file() + " ends where it is");
            assertEquals(t.file(), last.path());
            for (Transition m : moves) {
                assertFalse(m.at().isAfter(TaskFiles.NOW), "no commit after now");
                Timestamp yaml = switch (m.lane()) {
                    case "inbox" -> t.lifecycle().created();
                    case "assigned" -> t.lifecycle().assigned();
                    case "done" -> t.lifecycle().completed();
                    default -> null;
                };
                if (yaml != null && yaml.readable()) {
                    assertFalse(yaml.instant().isAfter(m.at()), t.file() + ": entered " + m.lane() + " at " + m.at() + ", YAML says " + yaml.raw());
                    checked++;
                }
            }
        }
        assertTrue(checked > 500, "checked " + checked);
    }

    @Test
    void theBundledDemoShowsHistoryFlowAndAForecast() throws Exception {
        Instant now = Instant.parse("2026-11-24T16:00:00Z");
        Path dir = temp.resolve("bundled");
        DemoWriter.write(dir, new DemoOptions(300, 2000, 42, 3, now));
        Path work = dir.resolve(DemoWriter.WORK);
        History history = HistoryReader.read(work, Config.DEFAULTS.exclude(), null, null).history();
        TaskReader.Result read = TaskReader.read(work, Config.DEFAULTS.exclude(), LaneSource.FOLDER);
        Workspace ws = Workspace.of(read.files(), read.problems());
        FlowReport r = Flow.compute(ws.tasks(), history, now, Config.DEFAULTS, null);
        assertNotNull(r.forecast(), r.noForecast());
        assertNotNull(r.forecast().whenDone().p85());
        assertTrue(r.cycleTime().count() > 50, "finished in the window: " + r.cycleTime().count());
        assertTrue(r.items().stream().anyMatch(i -> i.dates().sources().containsValue(Source.GIT)), "some dates come from Git");
        assertTrue(r.aging().size() > 20);
        assertTrue(r.items().stream().filter(i -> i.lane() == Lane.DONE).allMatch(i -> i.dates().finished() != null
                || r.excluded().stream().anyMatch(e -> e.id().equals(i.id()))));
    }
}
