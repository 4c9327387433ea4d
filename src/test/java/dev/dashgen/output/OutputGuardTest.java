package dev.dashgen.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md §4: output folders a build refuses. */
class OutputGuardTest {
    @TempDir
    Path root;
    Path work;
    Path cwd;
    Path home;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectories(root.resolve("repo/work/collaboration"));
        cwd = Files.createDirectories(root.resolve("repo"));
        home = Files.createDirectories(root.resolve("home/me"));
    }

    private Optional<String> check(Path out) throws IOException {
        return OutputGuard.check(out, work, cwd, home);
    }

    private void assertRefused(Path out, String why) throws IOException {
        Optional<String> refusal = check(out);
        assertTrue(refusal.isPresent(), () -> out + " was accepted");
        assertTrue(refusal.get().contains(why), refusal::get);
        assertTrue(refusal.get().startsWith("output dir " + out), refusal::get);
    }

    @Test
    void aDedicatedFolderIsFine() throws IOException {
        assertEquals(Optional.empty(), check(cwd.resolve("_site")));
        assertEquals(Optional.empty(), check(root.resolve("elsewhere/deep/_site")));
        assertEquals(Optional.empty(), check(work.resolveSibling("collaboration-site")));
    }

    @Test
    void theWorkTree() throws IOException {
        assertRefused(work, "is the work tree");
        assertRefused(work.resolve("inbox/.."), "is the work tree");
    }

    @Test
    void aFolderContainingTheWorkTree() throws IOException {
        assertRefused(work.getParent(), "contains the work tree");
        assertRefused(root, "contains the work tree");
    }

    @Test
    void aFolderInsideTheWorkTree() throws IOException {
        assertRefused(work.resolve("_site"), "is inside the work tree");
        assertRefused(work.resolve("inbox/new/deeper"), "is inside the work tree");
    }

    @Test
    void theCurrentDirectory() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        assertTrue(OutputGuard.check(elsewhere, work, elsewhere, home).orElseThrow().contains("is the current directory"));
    }

    @Test
    void aFilesystemRoot() throws IOException {
        for (Path fsRoot : root.getFileSystem().getRootDirectories()) {
            assertTrue(OutputGuard.check(fsRoot, work, cwd, home).orElseThrow().contains("is a filesystem root"));
        }
    }

    @Test
    void theHomeDirectory() throws IOException {
        assertRefused(home, "is the home directory");
        assertRefused(home.resolve("."), "is the home directory");
    }

    @Test
    void aFile() throws IOException {
        Path file = Files.writeString(root.resolve("site.txt"), "x");
        assertRefused(file, "is a file");
    }

    @Test
    void aSymlinkCannotHideTheWorkTree() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("link"), work);
        assertRefused(link, "is the work tree");
        assertRefused(link.resolve("_site"), "is inside the work tree");
    }

    @Test
    void relativePathsAreResolvedFirst() throws IOException {
        Path relWork = Path.of("").toAbsolutePath().relativize(work);
        assertTrue(OutputGuard.check(relWork, work, cwd, home).orElseThrow().contains("is the work tree"));
    }
}
