package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The repository around a work tree, read from a real Git repository made here with JGit. */
class RepoTest {
    @TempDir
    Path dir;

    private Path work() throws Exception {
        return Files.createDirectories(dir.resolve("work/collaboration"));
    }

    private Git repo(String origin) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        if (origin != null) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", origin);
            config.save();
        }
        return git;
    }

    private RevCommit commit(Git git) throws Exception {
        Files.writeString(dir.resolve("README.md"), "hello\n");
        git.add().addFilepattern("README.md").call();
        return git.commit().setMessage("first").setAuthor("Ann", "ann@example.org").setCommitter("Ann", "ann@example.org").call();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://github.com/acme/board.git,           https://github.com/acme/board/blob/main/specifications/a.md",
            "git@github.com:acme/board.git,               https://github.com/acme/board/blob/main/specifications/a.md",
            "ssh://git@github.com/acme/board.git,         https://github.com/acme/board/blob/main/specifications/a.md",
            "git@gitlab.com:acme/platform/board.git,      https://gitlab.com/acme/platform/board/-/blob/main/specifications/a.md",
            "https://gitlab.com/acme/board,               https://gitlab.com/acme/board/-/blob/main/specifications/a.md",
    })
    void theOriginRemoteGivesTheLinks(String origin, String link) throws Exception {
        try (Git git = repo(origin)) {
            commit(git);
        }
        Repo repo = Repo.read(work(), (String) null);
        assertEquals(dir.toAbsolutePath().normalize(), repo.root());
        assertEquals("work/collaboration", repo.workPrefix());
        assertEquals(origin, repo.origin());
        assertEquals("main", repo.ref());
        assertEquals(link, repo.links().view("specifications/a.md"));
        assertEquals("work/collaboration/inbox/t-1.yaml", repo.pathOf("inbox/t-1.yaml"));
    }

    @Test
    void aRemoteOnAnotherHostGivesNoLinks() throws Exception {
        try (Git git = repo("https://bitbucket.org/acme/board.git")) {
            commit(git);
        }
        Repo repo = Repo.read(work(), (String) null);
        assertFalse(repo.links().available());
        assertNull(repo.links().view("a.md"));
    }

    @Test
    void configRepoUrlWinsOverTheOrigin() throws Exception {
        try (Git git = repo("https://bitbucket.org/acme/board.git")) {
            commit(git);
        }
        assertEquals("https://github.com/acme/mirror/edit/main/work/collaboration/inbox/t-1.yaml",
                Repo.read(work(), "https://github.com/acme/mirror").links().edit("work/collaboration/inbox/t-1.yaml"));
    }

    @Test
    void aDetachedHeadLinksTheCommit() throws Exception {
        String id;
        try (Git git = repo("git@github.com:acme/board.git")) {
            id = commit(git).getName();
            git.checkout().setName(id).call();
        }
        Repo repo = Repo.read(work(), (String) null);
        assertEquals(id, repo.ref());
        assertEquals("https://github.com/acme/board/blob/" + id + "/a.md", repo.links().view("a.md"));
        assertEquals("https://github.com/acme/board/commit/" + id, repo.links().commit(id));
    }

    @Test
    void beforeTheFirstCommitTheBranchHeadNamesIsUsed() throws Exception {
        repo("git@github.com:acme/board.git").close();
        Repo repo = Repo.read(work(), (String) null);
        assertEquals("main", repo.ref());
        assertEquals("https://github.com/acme/board/blob/main/a.md", repo.links().view("a.md"));
    }

    @Test
    void outsideGitTheRootIsTheWorkTreesParentsParentAndThereAreNoLinks() throws Exception {
        Repo repo = Repo.read(work(), (String) null);
        assertEquals(dir.toAbsolutePath().normalize(), repo.root());
        assertNull(repo.ref());
        assertFalse(repo.links().available());
        assertEquals("https://github.com/acme/board/blob/HEAD/a.md", Repo.read(work(), "https://github.com/acme/board").links().view("a.md"));
    }

    @Test
    void theNearestFolderHoldingGitIsTheRoot() throws Exception {
        Path nested = Files.createDirectories(dir.resolve("deep/down/tasks"));
        repo(null).close();
        assertEquals(dir.toAbsolutePath().normalize(), RepoRoot.of(nested));
        assertEquals("deep/down/tasks", RepoRoot.workPrefix(RepoRoot.of(nested), nested));
    }

    @Test
    void aBrokenGitFolderLeavesNoLinksAndNoFailure() throws Exception {
        Files.writeString(dir.resolve(".git"), "gitdir: /nowhere/at/all\n");
        Repo repo = Repo.read(work(), (String) null);
        assertEquals(dir.toAbsolutePath().normalize(), repo.root());
        assertFalse(repo.links().available());
    }
}
