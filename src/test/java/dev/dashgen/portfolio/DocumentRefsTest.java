package dev.dashgen.portfolio;

import static dev.dashgen.portfolio.PortfolioTest.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import dev.dashgen.tasks.Dependency;
import dev.dashgen.tasks.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md §2: document references resolve against the repository root; missing ones and ../ ones warn. */
class DocumentRefsTest {
    @TempDir
    Path repo;

    @Test
    void foundDocumentsLinkMissingOnesWarnOnTheDependenciesLineAndOutsideOnesNeverLink() throws Exception {
        Files.createDirectories(repo.resolve("docs/adr"));
        Files.writeString(repo.resolve("docs/adr/ADR-011-x.md"), "# ADR\n");
        Task t = task("inbox/t-1.yaml", "t-1", "title: T", "dependencies:", "  - docs/adr/ADR-011-x.md (context)",
                "  - ./docs/adr/ADR-011-x.md#decision", "  - docs/adr/ADR-099.md", "  - ../../etc/passwd", "  - t-0",
                "  - docs/adr/ADR-099.md (again)");
        DocumentRefs.Result r = DocumentRefs.read(List.of(t), repo);
        assertEquals(List.of("docs/adr/ADR-011-x.md"), List.copyOf(r.found()));
        assertEquals(List.of(
                "inbox/t-1.yaml:3: warning: dependency \"docs/adr/ADR-099.md\": document not found — write its path from the repository root, or remove it",
                "inbox/t-1.yaml:3: warning: dependency \"../../etc/passwd\" points outside the repository, so it is not linked — write a path from the repository root"),
                r.problems().stream().map(Problem::toString).toList());
        assertTrue(r.found((Dependency.DocumentRef) t.references().get(1)));
        assertTrue(!r.found((Dependency.DocumentRef) t.references().get(3)));
    }

    @Test
    void aSymbolicLinkOutOfTheRepositoryIsOutside() throws Exception {
        Path outside = Files.createTempFile("doc", ".md");
        try {
            Files.createSymbolicLink(repo.resolve("link.md"), outside);
            DocumentRefs.Result r = DocumentRefs.read(List.of(task("inbox/t-1.yaml", "t-1", "dependencies: [link.md]")), repo);
            assertEquals(List.of(), List.copyOf(r.found()));
            assertTrue(r.problems().get(0).message().contains("points outside the repository"));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void eachDistinctPathIsLookedUpOnce() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) tasks.add(task("inbox/t-" + i + ".yaml", "t-" + i, "dependencies: [docs/a.md, docs/b.md]"));
        List<String> asked = new ArrayList<>();
        DocumentRefs.Result r = DocumentRefs.check(tasks, p -> {
            asked.add(p);
            return p.equals("docs/a.md") ? DocumentRefs.Lookup.FOUND : DocumentRefs.Lookup.MISSING;
        });
        assertEquals(List.of("docs/a.md", "docs/b.md"), asked);
        assertEquals(10_000, r.problems().size());
    }
}
