package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {

    /** Pages rendered one after another on a thread share its array: a short page after a long one is not padded with the long one's bytes. */
    @Test
    void eachRenderGivesOnlyItsOwnBytes(@TempDir Path dir) throws Exception {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("echo.peb"), "<p>{{ text }}</p>");
        Theme theme = Theme.load(templates, null);
        String big = "é—".repeat(300_000); // past the array a thread keeps, then within it, then short
        for (String text : new String[] {big, "x".repeat(100_000), "short", ""}) {
            assertArrayEquals(("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), theme.render("echo", Map.of("text", text)),
                    text.length() + " characters");
        }
    }
}
