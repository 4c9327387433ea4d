package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.snapshot.MarkdownHtml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code build --summary FILE}: the Markdown a CI job page shows, appended to whatever is there. */
class StepSummaryTest {
    @TempDir
    Path tmp;
    Fixture f;
    Path summary;

    @BeforeEach
    void setUp() {
        f = new Fixture(tmp.resolve("repo"))
                .config("title: Our agents\nlanes:\n  labels: {in_progress: Doing}\n")
                .task("inbox/t-1.yaml", "id: t-1\ntitle: First\n")
                .task("inbox/t-2.yaml", "id: t-2\ntitle: Second\n")
                .task("assigned/bob/t-3.yaml", "id: t-3\nstatus: in_progress\n");
        summary = tmp.resolve("step-summary.md");
    }

    private Document page() throws IOException {
        return MarkdownHtml.parse(Files.readString(summary));
    }

    @Test
    void appendsLanesAndProblemsToWhatIsThere() throws IOException {
        Cli.write(summary, "## Tests\n\nall green\n");
        f.task("inbox/bad.yaml", "id: bad\ntitle: [\n");
        Cli.Run r = f.build("--summary", summary);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(Files.readString(summary).startsWith("## Tests\n\nall green\n\n### dashgen: Our agents\n"), () -> read(summary));
        Document doc = page();
        assertEquals(List.of("Inbox", "Assigned", "Doing", "Blocked", "Done", "Error", "Fridge", "Archive"),
                doc.select("th").eachText());
        assertEquals(List.of("2", "0", "1", "0", "0", "0", "0", "0"), doc.select("td").eachText());
        assertTrue(doc.text().contains("3 tasks as of 2026-11-24 12:00 UTC."), doc::text);
        assertEquals("Problems: 1 error, 0 warnings", doc.select("p:has(strong)").first().text());
        assertTrue(doc.select("li").first().text().startsWith("work/collaboration/inbox/bad.yaml:3:1 error: YAML cannot be parsed"), doc::outerHtml);
    }

    @Test
    void everyBuildAppendsEvenWhenNothingChanged() throws IOException {
        assertEquals(0, f.build("--summary", summary).exit());
        assertEquals(0, f.build("--summary", summary).exit());
        assertEquals(2, page().select("h3").size());
    }

    @Test
    void costThisMonthAndTheBudgetStateWithTheBudgetGate() throws IOException {
        Path db = CostDb.write(tmp.resolve("telemetry.db"), "2026-11-20 10:00:00|gpt-x|60", "2026-11-21 10:00:00|gpt-x|60");
        f.config("title: Our agents\nbudget: {monthly_usd: 100}\n");
        Cli.Run r = f.build("-t", db, "--summary", summary, "--fail-on-budget");
        assertEquals(4, r.exit(), r::toString);
        List<String> lines = page().select("p:has(strong)").eachText();
        assertTrue(lines.contains("Cost this month: $120.00 (projected $150.00); all time $120.00"), lines::toString);
        assertTrue(lines.contains("Budget: $120.00 of $100.00 used (120 %): over"), lines::toString);
    }

    @Test
    void aSummaryThatCannotBeWrittenIsAnIoErrorNamingTheFile() {
        Path nowhere = tmp.resolve("missing-folder/summary.md");
        Cli.Run r = f.build("--summary", nowhere);
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dashgen: cannot append the summary to " + nowhere), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
