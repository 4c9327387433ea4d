package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md §8: a progress line on a terminal for builds over two seconds, and nowhere else. */
class ProgressLineTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void onlyOnATerminalOutsideCiAndNotWithQuiet() {
        assertTrue(ProgressLine.wanted(false, Map.of(), true));
        assertTrue(ProgressLine.wanted(false, Map.of("CI", "false"), true));
        assertFalse(ProgressLine.wanted(false, Map.of(), false), "output to a file or a pipe");
        assertFalse(ProgressLine.wanted(true, Map.of(), true), "-q");
        assertFalse(ProgressLine.wanted(false, Map.of("CI", "true"), true), "GitHub Actions and most CI services");
        assertFalse(ProgressLine.wanted(false, Map.of("CI", "1"), true));
        assertFalse(ProgressLine.wanted(false, Map.of("TERM", "dumb"), true));
    }

    @Test
    void nothingForTwoSecondsThenThePhaseAndCountRewrittenInPlaceAndWipedAtTheEnd() {
        StringWriter screen = new StringWriter();
        Progress progress = new Progress();
        ProgressLine line = ProgressLine.manual(new PrintWriter(screen), progress, 0);
        progress.phase("rendering task pages", 10_000);
        for (int i = 0; i < 4_000; i++) progress.advance();
        line.tick(SECOND);
        assertEquals("", screen.toString(), "a build of under two seconds shows nothing");
        line.tick(2 * SECOND);
        assertEquals("\rdashgen: rendering task pages 4,000 / 10,000", screen.toString());
        progress.phase("writing files", 0);
        line.tick(3 * SECOND);
        String second = "\rdashgen: writing files…";
        String pad = " ".repeat("dashgen: rendering task pages 4,000 / 10,000".length() - "dashgen: writing files…".length());
        assertEquals("\rdashgen: rendering task pages 4,000 / 10,000" + second + pad, screen.toString(),
                "a shorter line covers what the longer one left");
        line.close();
        assertTrue(screen.toString().endsWith("\r" + " ".repeat("dashgen: writing files…".length()) + "\r"), "wiped: " + screen);
    }

    @Test
    void aBuildWhoseOutputIsNotATerminalPrintsNoProgress(@TempDir Path tmp) {
        Fixture f = new Fixture(tmp.resolve("repo")).task("inbox/t-1.yaml", "id: t-1\n");
        Cli.Run r = f.build();
        assertEquals(0, r.exit(), r::toString);
        assertFalse(r.out().contains("\r") || r.err().contains("\r"), r::toString);
    }
}
