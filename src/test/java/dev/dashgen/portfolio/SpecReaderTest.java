package dev.dashgen.portfolio;

import static dev.dashgen.portfolio.PortfolioTest.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specification files on disk: the specs folder, files tasks name elsewhere, and what cannot be read. */
class SpecReaderTest {
    @TempDir
    Path repo;

    private void write(String path, String text) throws Exception {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void everyMarkdownFileUnderSpecsAndEveryFileATaskNamesIsRead() throws Exception {
        write("specifications/checkout/pay.md", "---\ntitle: Pay\ninitiative: Checkout\n---\n");
        write("specifications/plan.markdown", "# The plan\n");
        write("specifications/diagram.png", "not a spec");
        write("specifications/.drafts/hidden.md", "# hidden\n");
        write("docs/adr/ADR-002-events.md", "# ADR-002: Events\n");
        write("docs/unnamed.md", "# never named\n");
        SpecReader.Specs specs = SpecReader.read(repo, "specifications", List.of(
                task("inbox/a.yaml", "a", "specification: ./docs/adr/ADR-002-events.md"),
                task("inbox/b.yaml", "b", "specification: specifications/missing.md")));
        assertEquals(List.of("docs/adr/ADR-002-events.md", "specifications/checkout/pay.md", "specifications/plan.markdown"),
                List.copyOf(specs.files().keySet()));
        assertEquals("The plan", specs.files().get("specifications/plan.markdown").title());
        assertEquals("Checkout", specs.files().get("specifications/checkout/pay.md").initiative());
        assertEquals(List.of(), specs.problems());
    }

    @Test
    void brokenFrontMatterIsAProblemNamingTheFileFromTheRepositoryRootAndTheFileStillAppears() throws Exception {
        write("specifications/broken.md", "---\ntitle: \"unclosed\nstatus: x\n---\n# Broken\n");
        SpecReader.Specs specs = SpecReader.read(repo, "specifications", List.of());
        assertEquals(SpecFile.byPath("specifications/broken.md"), specs.files().get("specifications/broken.md"));
        Problem p = specs.problems().get(0);
        assertEquals("specifications/broken.md", p.file());
        assertTrue(p.line() > 0 && p.message().startsWith("front matter: YAML cannot be parsed"), p::toString);
    }

    @Test
    void aConfiguredSpecsFolderAndAMissingOneAreFine() throws Exception {
        write("plans/q1.md", "# Q1\n");
        assertEquals(List.of("plans/q1.md"), List.copyOf(SpecReader.read(repo, "plans", List.of()).files().keySet()));
        assertEquals(List.of(), List.copyOf(SpecReader.read(repo, "specifications", List.of()).files().keySet()));
        assertEquals(List.of(), List.copyOf(SpecReader.read(repo, "../outside", List.of()).files().keySet()));
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsFarAsItGoesWithAWarning() throws Exception {
        Path file = repo.resolve("specifications/latin1.md");
        Files.createDirectories(file.getParent());
        Files.write(file, "# Caf\u00e9 plan\n".getBytes(StandardCharsets.ISO_8859_1));
        SpecReader.Specs specs = SpecReader.read(repo, "specifications", List.of());
        assertTrue(specs.files().get("specifications/latin1.md").title().startsWith("Caf"));
        assertEquals("specification is not UTF-8 — re-save it as UTF-8", specs.problems().get(0).message());
    }

    @Test
    void aSymbolicLinkOutOfTheRepositoryIsNeverRead() throws Exception {
        Path outside = Files.createTempFile("secret", ".md");
        try {
            Files.writeString(outside, "---\ntitle: Secret\n---\n");
            Files.createDirectories(repo.resolve("docs"));
            Files.createSymbolicLink(repo.resolve("docs/link.md"), outside);
            Files.createDirectories(repo.resolve("specifications"));
            Files.createSymbolicLink(repo.resolve("specifications/linked.md"), outside);
            SpecReader.Specs specs = SpecReader.read(repo, "specifications", List.of(task("inbox/a.yaml", "a", "specification: docs/link.md")));
            assertEquals(List.of(), List.copyOf(specs.files().keySet()));
            assertEquals(List.of("docs/link.md"), List.copyOf(specs.escaping()));
            Portfolio p = Portfolio.of(List.of(task("inbox/a.yaml", "a", "specification: docs/link.md")), specs);
            assertEquals(Portfolio.Reason.OUTSIDE_REPOSITORY, p.unlinked().get(0).reason());
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
