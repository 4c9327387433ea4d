package dev.dashgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History read from a real repository made in the test: every transition checked, one by one. */
class HistoryReaderTest {
    private static final List<String> EXCLUDE = List.of("backups/**");
    private static final String W = "work/collaboration/";

    @TempDir
    Path dir;
    GitFixture repo;
    Path work;
    RevCommit c1, c2, c3, c4, c5, c6;

    /**
     * c1 adds t1 and t2 to the inbox; c2 moves t1 to assigned/bob, copies t2 into backups/ and adds t3 to the fridge;
     * c3 moves t1 to done/bob and edits it, edits t2 in place and adds files that are not tasks; c4 deletes t2 and
     * archives t1; c5 moves t3 from the fridge into assigned/cy with another extension (authored earlier than
     * committed) and changes a file outside the work tree; c6 brings t2 back into the inbox.
     */
    @BeforeEach
    void history() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"));
        work = repo.root.resolve("work/collaboration");
        c1 = repo.task(W + "inbox/t1.yaml").task(W + "inbox/t2.yaml").write("docs/readme.md", "# docs\n")
                .commit("Ada", "2026-01-05T10:00:00Z");
        c2 = repo.move(W + "inbox/t1.yaml", W + "assigned/bob/t1.yaml").copy(W + "inbox/t2.yaml", W + "backups/t2.yaml")
                .task(W + "fridge/t3.yml").commit("Bob", "2026-01-06T09:00:00Z");
        c3 = repo.move(W + "assigned/bob/t1.yaml", W + "done/bob/t1.yaml").write(W + "done/bob/t1.yaml", "id: t1\nstatus: done\n")
                .write(W + "inbox/t2.yaml", "id: t2\ntitle: edited\n").write(W + "inbox/notes.md", "not a task\n")
                .task(W + ".hidden/t9.yaml").task(W + "completed/t4.yaml").task(W + "t5.yaml")
                .commit("Bob", "2026-01-08T16:30:00Z");
        c4 = repo.delete(W + "inbox/t2.yaml").move(W + "done/bob/t1.yaml", W + "archive/2026-01/t1.yaml")
                .commit("Ada", "2026-01-10T08:00:00Z");
        c5 = repo.move(W + "fridge/t3.yml", W + "assigned/cy/t3.yaml").write("docs/readme.md", "# docs, edited\n")
                .commit("Cy", "2026-01-11T22:00:00Z", "Lead", "2026-01-12T07:15:00Z");
        c6 = repo.task(W + "inbox/t2.yaml").commit("Ada", "2026-01-13T12:00:00Z");
    }

    @Test
    void everyTransitionOfEveryTask() throws Exception {
        History h = HistoryReader.read(work, EXCLUDE, null, null).history();
        assertTrue(h.present());
        assertEquals(c6.name(), h.head());
        assertFalse(h.shallow());
        assertEquals(6, h.commits());
        assertEquals(List.of("t1", "t2", "t3"), List.copyOf(h.tasks().keySet()));
        assertEquals(List.of(
                move("inbox", c1, "Ada", "inbox/t1.yaml"),
                move("assigned", c2, "Bob", "assigned/bob/t1.yaml"),
                move("done", c3, "Bob", "done/bob/t1.yaml"),
                move("archive", c4, "Ada", "archive/2026-01/t1.yaml")), h.tasks().get("t1"));
        assertEquals(List.of(
                move("inbox", c1, "Ada", "inbox/t2.yaml"),
                move("removed", c4, "Ada", "inbox/t2.yaml"),
                move("inbox", c6, "Ada", "inbox/t2.yaml")), h.tasks().get("t2"));
        assertEquals(List.of(
                move("fridge", c2, "Bob", "fridge/t3.yml"),
                new Transition("assigned", Instant.parse("2026-01-12T07:15:00Z"), c5.name(), "Cy",
                        Instant.parse("2026-01-11T22:00:00Z"), "assigned/cy/t3.yaml")), h.tasks().get("t3"));
        assertEquals(h.tasks().get("t3"), h.of("assigned/cy/t3.yaml"));
    }

    private static Transition move(String lane, RevCommit c, String author, String path) {
        Instant at = Instant.ofEpochSecond(c.getCommitTime());
        return new Transition(lane, at, c.name(), author, at, path);
    }

    @Test
    void theCacheKeepsEveryDetail() throws Exception {
        Path cache = dir.resolve("out/.dashgen");
        HistoryReader.read(work, EXCLUDE, c4.name(), cache);
        HistoryReader.Read next = HistoryReader.read(work, EXCLUDE, null, cache);
        assertEquals(2, next.commitsRead(), "c5 and c6 on top of the state cached at c4");
        assertEquals(HistoryReader.read(work, EXCLUDE, null, null).history(), next.history());
        repo.copy(W + "inbox/t2.yaml", W + "done/ada/t2.yml").commit("Ada", "2026-01-14T12:00:00Z");
        HistoryReader.Read more = HistoryReader.read(work, EXCLUDE, null, cache);
        assertEquals(1, more.commitsRead());
        assertEquals(HistoryReader.read(work, EXCLUDE, null, null).history(), more.history());
        repo.delete(W + "done/ada/t2.yml").commit("Ada", "2026-01-15T12:00:00Z");
        assertEquals(HistoryReader.read(work, EXCLUDE, null, null).history(), HistoryReader.read(work, EXCLUDE, null, cache).history(),
                "the copy left in the inbox stands for t2 again: the cache kept which files t2 had");
    }

    @Test
    void excludedFoldersAreReadWhenNotExcluded() throws Exception {
        History h = HistoryReader.read(work, List.of(), null, null).history();
        // Without the exclude, backups/ is an unread folder: still no lane, so still no transition.
        assertEquals(HistoryReader.read(work, EXCLUDE, null, null).history(), h);
    }

    @Test
    void aWorkTreeAtTheRepositoryRootReadsTheSame() throws Exception {
        try (GitFixture flat = GitFixture.init(dir.resolve("flat"))) {
            RevCommit a = flat.task("inbox/x.yaml").commit("Ada", "2026-02-01T10:00:00Z");
            RevCommit b = flat.move("inbox/x.yaml", "done/ada/x.yaml").commit("Ada", "2026-02-02T10:00:00Z");
            History h = HistoryReader.read(flat.root, EXCLUDE, null, null).history();
            assertEquals(List.of(move("inbox", a, "Ada", "inbox/x.yaml"), move("done", b, "Ada", "done/ada/x.yaml")),
                    h.tasks().get("x"));
        }
    }

    @Test
    void oneNameInTwoLaneFoldersFollowsTheNewestCopy() throws Exception {
        try (GitFixture r = GitFixture.init(dir.resolve("two"))) {
            RevCommit a = r.task("inbox/x.yaml").commit("Ada", "2026-02-01T10:00:00Z");
            RevCommit b = r.copy("inbox/x.yaml", "done/ada/x.yaml").commit("Ada", "2026-02-02T10:00:00Z");
            RevCommit c = r.delete("done/ada/x.yaml").commit("Ada", "2026-02-03T10:00:00Z");
            RevCommit d = r.delete("inbox/x.yaml").commit("Ada", "2026-02-04T10:00:00Z");
            RevCommit e = r.task("inbox/y.yaml").task("fridge/y.yml").commit("Ada", "2026-02-05T10:00:00Z");
            History h = HistoryReader.read(r.root, EXCLUDE, null, null).history();
            assertEquals(List.of(move("inbox", a, "Ada", "inbox/x.yaml"), move("done", b, "Ada", "done/ada/x.yaml"),
                    move("inbox", c, "Ada", "inbox/x.yaml"), move("removed", d, "Ada", "inbox/x.yaml")), h.tasks().get("x"));
            assertEquals(List.of(move("fridge", e, "Ada", "fridge/y.yml")), h.tasks().get("y"));
        }
    }

    @Test
    void theFirstParentChainOnly() throws Exception {
        repo.git.checkout().setCreateBranch(true).setName("feature").call();
        repo.move(W + "inbox/t2.yaml", W + "assigned/ada/t2.yaml").commit("Ada", "2026-01-14T10:00:00Z");
        repo.git.checkout().setName("main").call();
        RevCommit side = repo.task(W + "inbox/t7.yaml").commit("Bob", "2026-01-15T10:00:00Z");
        repo.git.merge().include(repo.git.getRepository().resolve("feature"))
                .setFastForward(MergeCommand.FastForwardMode.NO_FF).setMessage("merge").call();
        RevCommit merge = repo.git.log().setMaxCount(1).call().iterator().next();
        assertEquals(2, merge.getParentCount());
        History h = HistoryReader.read(work, EXCLUDE, null, null).history();
        assertEquals(merge.name(), h.head());
        assertEquals(8, h.commits(), "c1..c6, the side commit and the merge; the feature commit is not on the chain");
        Transition landed = h.tasks().get("t2").get(3);
        assertEquals("assigned", landed.lane());
        assertEquals(merge.name(), landed.commit(), "a branch's move lands with its merge");
        assertEquals("inbox", h.tasks().get("t7").get(0).lane());
        assertEquals(side.name(), h.tasks().get("t7").get(0).commit());
    }

    @Test
    void atAnOlderCommitReadsTheChainUpToIt() throws Exception {
        History h = HistoryReader.read(work, EXCLUDE, c3.name(), null).history();
        assertEquals(c3.name(), h.head());
        assertEquals(3, h.commits());
        assertEquals(List.of("inbox", "assigned", "done"), h.tasks().get("t1").stream().map(Transition::lane).toList());
        assertEquals(h, HistoryReader.read(work, EXCLUDE, "main~3", null).history(), "any revision Git understands");
    }

    @Test
    void aRevisionThatNamesNoCommitIsOneClearError() {
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryReader.read(work, EXCLUDE, "no-such-branch", null));
        assertTrue(e.getMessage().contains("\"no-such-branch\" names no commit"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertThrows(HistoryException.class, () -> HistoryReader.read(work, EXCLUDE, "main~99", null));
        assertThrows(HistoryException.class, () -> HistoryReader.read(work, EXCLUDE, "HEAD:docs/readme.md", null));
    }

    @Test
    void outsideGitThereIsNoHistory() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain/work"));
        HistoryReader.Read read = HistoryReader.read(plain, EXCLUDE, null, null);
        assertEquals(History.ABSENT, read.history());
        assertFalse(read.history().present());
        HistoryException e = assertThrows(HistoryException.class, () -> HistoryReader.read(plain, EXCLUDE, "HEAD", null));
        assertTrue(e.getMessage().contains("not inside"), e.getMessage());
    }

    @Test
    void aRepositoryWithNoCommitHasAnEmptyHistory() throws Exception {
        try (GitFixture empty = GitFixture.init(dir.resolve("empty"))) {
            empty.task("inbox/x.yaml");
            History h = HistoryReader.read(empty.root, EXCLUDE, null, null).history();
            assertTrue(h.present());
            assertNull(h.head());
            assertEquals(0, h.commits());
            assertTrue(h.tasks().isEmpty());
        }
    }

    @Test
    void aShallowCloneIsReadAsFarAsItGoes() throws Exception {
        Path clone = dir.resolve("clone");
        try (var git = org.eclipse.jgit.api.Git.cloneRepository().setURI(repo.root.toUri().toString())
                .setDirectory(clone.toFile()).setDepth(2).call()) {
            History h = HistoryReader.read(clone.resolve("work/collaboration"), EXCLUDE, null, null).history();
            assertTrue(h.shallow());
            assertEquals(2, h.commits());
            assertEquals(c6.name(), h.head());
            // The boundary commit (c5) shows every task there as arriving in its lane then: older moves are unknown.
            assertEquals("archive", h.tasks().get("t1").get(0).lane());
            assertEquals(c5.name(), h.tasks().get("t1").get(0).commit());
            assertEquals(1, h.tasks().get("t1").size());
            assertEquals(List.of("assigned"), h.tasks().get("t3").stream().map(Transition::lane).toList());
            assertEquals(List.of(c6.name()), h.tasks().get("t2").stream().map(Transition::commit).toList());
        }
    }
}
