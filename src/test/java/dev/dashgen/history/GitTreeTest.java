package dev.dashgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.TaskReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --at REV}: the work tree's files as a commit has them, read as tasks exactly as from the disk. */
class GitTreeTest {
    @TempDir
    Path dir;

    @Test
    void theFilesOfAnOlderCommitReadAsTasks() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
            String w = "work/collaboration/";
            RevCommit first = repo.task(w + "inbox/a.yaml").task(w + "inbox/b.yaml").write(w + "README.md", "# board\n")
                    .write("outside.txt", "not in the work tree\n").commit("Ada", "2026-01-01T10:00:00Z");
            repo.move(w + "inbox/a.yaml", w + "done/ada/a.yaml").write(w + "inbox/b.yaml", "id: b\ntitle: later\n")
                    .commit("Ada", "2026-01-02T10:00:00Z");
            Path work = repo.root.resolve("work/collaboration");
            SortedMap<String, byte[]> files = GitTree.files(work, first.name());
            assertEquals(List.of("README.md", "inbox/a.yaml", "inbox/b.yaml"), List.copyOf(files.keySet()));
            assertEquals("id: b\ntitle: b\n", new String(files.get("inbox/b.yaml"), StandardCharsets.UTF_8));
            TaskReader.Result tasks = TaskReader.read(files, List.of("backups/**"), LaneSource.FOLDER);
            assertEquals(List.of("inbox/a.yaml", "inbox/b.yaml"), tasks.files().stream().map(ParsedFile::file).toList());
            assertEquals("b", tasks.files().get(1).task().title());
            assertEquals(List.of("outside.txt", "work/collaboration/README.md",
                    "work/collaboration/inbox/a.yaml", "work/collaboration/inbox/b.yaml"),
                    List.copyOf(GitTree.files(repo.root, first.name()).keySet()), "from the repository root: everything");
            HistoryException bad = assertThrows(HistoryException.class, () -> GitTree.files(work, "v9.9"));
            assertTrue(bad.getMessage().contains("\"v9.9\""), bad.getMessage());
        }
    }

    @Test
    void aWorkTreeGoneFromTheDiskIsStillReadFromTheCommit() throws Exception {
        try (GitFixture repo = GitFixture.init(dir.resolve("repo"))) {
            RevCommit first = repo.task("work/collaboration/inbox/a.yaml").commit("Ada", "2026-01-01T10:00:00Z");
            repo.delete("work/collaboration/inbox/a.yaml").commit("Ada", "2026-01-02T10:00:00Z");
            Path work = repo.root.resolve("work/collaboration");
            Files.delete(work.resolve("inbox"));
            Files.delete(work);
            Files.delete(work.getParent());
            assertEquals(List.of("inbox/a.yaml"), List.copyOf(GitTree.files(work, first.name()).keySet()));
            History h = HistoryReader.read(work, List.of(), null, null).history();
            assertEquals(List.of("inbox", "removed"), h.tasks().get("a").stream().map(Transition::lane).toList());
        }
    }

    @Test
    void outsideGitThereIsNoCommitToReadFrom() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        HistoryException e = assertThrows(HistoryException.class, () -> GitTree.files(plain, "HEAD"));
        assertTrue(e.getMessage().startsWith("--at needs a Git repository"), e.getMessage());
    }
}
