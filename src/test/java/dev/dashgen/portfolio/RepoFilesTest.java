package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's files for links.patterns: Git's index when there is one, else a walk. */
class RepoFilesTest {
    @TempDir
    Path repo;

    private void write(String path) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, path);
    }

    @Test
    void outsideGitAWalkLeavesOutGitNodeModulesAndTheOutputFolder() throws Exception {
        for (String p : List.of("docs/adr/ADR-001.md", "_site/docs/ADR-001.html", "node_modules/x/ADR-001.md", "README.md", ".github/agents/a.md")) write(p);
        assertEquals(List.of(".github/agents/a.md", "README.md", "docs/adr/ADR-001.md"), RepoFiles.list(repo, repo.resolve("_site")));
    }

    @Test
    void inGitTheIndexIsListed() throws Exception {
        write("docs/adr/ADR-001.md");
        write("untracked.md");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern("docs").call();
        }
        assertEquals(List.of("docs/adr/ADR-001.md"), RepoFiles.list(repo, null));
    }

    @Test
    void aRepositoryWithAnEmptyIndexIsWalked() throws Exception {
        write("docs/a.md");
        Git.init().setDirectory(repo.toFile()).call().close();
        assertEquals(List.of("docs/a.md"), RepoFiles.list(repo, null));
    }
}
