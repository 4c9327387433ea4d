package dev.dashgen.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history cache under the output folder: one new commit costs one commit, and a bad cache costs nothing else. */
class HistoryCacheTest {
    private static final List<String> EXCLUDE = List.of("backups/**");

    @TempDir
    Path dir;
    GitFixture repo;
    Path cache;

    @BeforeEach
    void repository() throws Exception {
        repo = GitFixture.init(dir.resolve("repo"));
        cache = dir.resolve("out/.dashgen");
        for (int i = 0; i < 12; i++) {
            repo.task("inbox/t" + i + ".yaml");
            if (i > 0) repo.move("inbox/t" + (i - 1) + ".yaml", "done/ada/t" + (i - 1) + ".yaml");
            repo.commit("Ada", String.format("2026-03-%02dT10:00:00Z", i + 1));
        }
    }

    private HistoryReader.Read read(Path cacheDir) throws Exception {
        return HistoryReader.read(repo.root, EXCLUDE, null, cacheDir);
    }

    @Test
    void aBuildAfterOneNewCommitReadsOneCommit() throws Exception {
        assertEquals(12, read(cache).commitsRead());
        assertEquals(0, read(cache).commitsRead(), "nothing new: nothing read");
        repo.move("inbox/t11.yaml", "assigned/bob/t11.yaml").commit("Bob", "2026-03-20T10:00:00Z");
        HistoryReader.Read next = read(cache);
        assertEquals(1, next.commitsRead());
        assertEquals(read(null).history(), next.history(), "the cached read equals a fresh one");
        assertEquals(13, next.history().commits());
        assertEquals(List.of("inbox", "assigned"), next.history().tasks().get("t11").stream().map(Transition::lane).toList());
    }

    @Test
    void newCommitsAreSavedAsDeltasUntilAWholeStateIsDueAgain() throws Exception {
        String first = read(cache).history().head();
        List<String> expected = new java.util.ArrayList<>(List.of(first));
        for (int i = 1; i <= HistoryCache.MAX_DEPTH; i++) {
            RevCommit c = repo.task("inbox/n" + i + ".yaml").commit("Ada", String.format("2026-04-%02dT10:00:00Z", i));
            HistoryReader.Read r = read(cache);
            assertEquals(1, r.commitsRead());
            assertEquals(read(null).history(), r.history());
            expected.add(c.name());
            assertEquals(expected.stream().sorted().toList(), new HistoryCache(cache).files(), "the chain back to the whole state");
            assertTrue(Files.size(cache.resolve("history").resolve(c.name())) < 400, "a delta is small");
        }
        RevCommit whole = repo.task("inbox/last.yaml").commit("Ada", "2026-04-30T10:00:00Z");
        assertEquals(1, read(cache).commitsRead());
        assertEquals(List.of(whole.name()), new HistoryCache(cache).files(), "a whole state again, and nothing behind it");
        assertEquals(0, read(cache).commitsRead());
        assertEquals(read(null).history(), read(cache).history());
    }

    @Test
    void aDeltaWhoseBaseIsDamagedIsNotUsed() throws Exception {
        String first = read(cache).history().head();
        repo.task("inbox/n1.yaml").commit("Ada", "2026-04-01T10:00:00Z");
        read(cache);
        Files.write(cache.resolve("history").resolve(first), new byte[] {9, 9, 9});
        HistoryReader.Read again = read(cache);
        assertEquals(13, again.commitsRead());
        assertEquals(read(null).history(), again.history());
    }

    @Test
    void twoOutputFoldersGetTheSameBytes() throws Exception {
        Path other = dir.resolve("elsewhere/deeper/out/.dashgen");
        read(cache);
        read(other);
        String head = read(null).history().head();
        byte[] one = Files.readAllBytes(cache.resolve("history").resolve(head));
        byte[] two = Files.readAllBytes(other.resolve("history").resolve(head));
        assertArrayEquals(one, two);
        assertTrue(!new String(one, java.nio.charset.StandardCharsets.ISO_8859_1).contains(dir.toString()), "no absolute path");
    }

    @Test
    void aCorruptCacheIsIgnoredAndRewritten() throws Exception {
        History fresh = read(cache).history();
        Path file = cache.resolve("history").resolve(fresh.head());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(file, bytes);
        HistoryReader.Read again = read(cache);
        assertEquals(12, again.commitsRead(), "the damaged file is not trusted");
        assertEquals(fresh, again.history());
        assertEquals(0, read(cache).commitsRead(), "and it was written again");
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(fresh, read(cache).history());
        Files.writeString(file, "");
        assertEquals(fresh, read(cache).history());
    }

    @Test
    void aCacheMadeForOtherExcludesIsNotUsed() throws Exception {
        read(cache);
        HistoryReader.Read other = HistoryReader.read(repo.root, List.of("backups/**", "fridge/**"), null, cache);
        assertEquals(12, other.commitsRead());
    }

    @Test
    void anOlderCommitReadsFromTheStartAndKeepsItsOwnState() throws Exception {
        read(cache);
        String old = repo.git.getRepository().resolve("HEAD~4").name();
        HistoryReader.Read at = HistoryReader.read(repo.root, EXCLUDE, old, cache);
        assertEquals(8, at.commitsRead());
        assertEquals(8, at.history().commits());
        assertEquals(0, HistoryReader.read(repo.root, EXCLUDE, old, cache).commitsRead());
    }

    @Test
    void anUnwritableCacheFolderOnlyCostsTheHeadStart() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the cache folder would go");
        HistoryReader.Read r = read(blocked);
        assertEquals(read(null).history(), r.history());
    }
}
