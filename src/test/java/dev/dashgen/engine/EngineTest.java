package dev.dashgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine renders again for a change: the pages that may show it, not every page that reads tasks. */
class EngineTest {
    @TempDir
    Path dir;

    @Test
    void aTitleEditRendersThePortfolioPageAgainButNotItsDataFile() throws Exception {
        org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call().close();
        write("specifications/parser.md", "---\nid: SPEC-1\ntitle: The parser\ninitiative: Language\n---\n# The parser\n");
        write("work/inbox/t-1.yaml", task("t-1", "Write the lexer", "new"));
        write("work/done/bob/t-2.yaml", task("t-2", "Ship it", "done"));
        Project project = Project.resolve(new Project.Options(dir.resolve("work"), null, dir.resolve("out"), null, null,
                "2026-11-24T12:00:00Z"), dir, Map.of(), Clock.systemUTC(), "test");
        Inputs inputs = new Inputs(() -> project, null);
        Engine engine = new Engine();
        Build first = engine.build(inputs.readAll().inputs());

        write("work/inbox/t-1.yaml", task("t-1", "Write the tokenizer", "new"));
        Inputs.Update edit = inputs.apply(List.of(dir.resolve("work/inbox/t-1.yaml")));
        Build titled = engine.build(edit.inputs(), first, edit.change());
        assertTrue(titled.changed().contains("portfolio.html"), "the page lists the task by its title");
        assertFalse(titled.changed().contains("data/portfolio.json"), "the data file shows no title: " + titled.changed());
        Build next = engine.complete(titled);
        assertEquals(first.site().get("data/portfolio.json"), next.site().get("data/portfolio.json"));

        write("work/done/bob/t-1.yaml", task("t-1", "Write the tokenizer", "done"));
        Files.delete(dir.resolve("work/inbox/t-1.yaml"));
        Inputs.Update move = inputs.apply(List.of(dir.resolve("work/inbox/t-1.yaml"), dir.resolve("work/done/bob/t-1.yaml")));
        Build moved = engine.build(move.inputs(), next, move.change());
        assertTrue(moved.changed().contains("data/portfolio.json"), "a task finished: the progress moved");
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String task(String id, String title, String status) {
        return "id: " + id + "\ntitle: " + title + "\nstatus: " + status + "\nspecification: specifications/parser.md\n"
                + "created_at: 2026-11-20T09:00:00Z\n";
    }
}
