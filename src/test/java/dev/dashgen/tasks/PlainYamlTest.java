package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.demo.DemoGenerator;
import dev.dashgen.demo.DemoOptions;
import dev.dashgen.demo.DemoWorkspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The reader for the common shape of task files must read each file it answers for exactly as SnakeYAML does
 * (values, lines, columns), and must answer for the files teams write, or it saves nothing.
 */
class PlainYamlTest {

    /** SnakeYAML's reading: the reference. */
    private static YamlMapping snake(String text) {
        YamlMapping.Result r = YamlMapping.compose(text, "f.yaml", YamlMapping.Scalars.AS_WRITTEN);
        if (r instanceof YamlMapping.Read read && read.problems().isEmpty()) return read.mapping();
        return null;
    }

    private static void agrees(String text) {
        YamlMapping plain = PlainYaml.read(text);
        if (plain == null) return;
        YamlMapping reference = snake(text);
        assertNotNull(reference, () -> "read a file SnakeYAML refuses or warns about:\n" + text);
        assertEquals(reference.values(), plain.values(), () -> "values differ for:\n" + text);
        assertEquals(List.copyOf(reference.values().keySet()), List.copyOf(plain.values().keySet()), text);
        assertEquals(reference.lines(), plain.lines(), () -> "lines differ for:\n" + text);
        assertEquals(reference.columns(), plain.columns(), () -> "columns differ for:\n" + text);
    }

    @Test
    void readsTheDemoTaskFilesAsSnakeYamlDoes() {
        DemoWorkspace demo = DemoGenerator.generate(new DemoOptions(1500, 0, 7, 90, Instant.parse("2026-11-24T00:00:00Z")));
        int files = 0;
        int answered = 0;
        for (Map.Entry<String, String> e : demo.files().entrySet()) {
            if (!e.getKey().endsWith(".yaml") && !e.getKey().endsWith(".yml")) continue;
            if (demo.latin1Files().contains(e.getKey()) || demo.brokenFiles().containsKey(e.getKey())) continue;
            files++;
            agrees(e.getValue());
            if (PlainYaml.read(e.getValue()) != null) answered++;
        }
        assertTrue(files > 1000, "demo task files: " + files);
        assertTrue(answered >= files * 9 / 10, answered + " of " + files + " read without SnakeYAML");
    }

    @Test
    void readsTheCommonForms() {
        String text = """
                # a comment
                id: t-1
                title: 'It''s "fine"'
                agent: "writer \\"two\\"\\n"
                status:
                tags: [ui, "a, b", null]
                dependencies:
                  - t-2
                  - {type: parallel, task_id: t-3, description: Can run at the same time}
                result:
                  summary: Fixed; root cause was C# code.
                description: |
                  ## Context

                    indented

                notes: |-
                  kept
                url: https://example.com/a?b=c
                """;
        YamlMapping m = PlainYaml.read(text);
        assertNotNull(m);
        assertEquals("It's \"fine\"", m.values().get("title"));
        assertEquals("writer \"two\"\n", m.values().get("agent"));
        assertNull(m.values().get("status"));
        assertEquals(java.util.Arrays.asList("ui", "a, b", null), m.values().get("tags"));
        assertEquals(List.of("t-2", Map.of("type", "parallel", "task_id", "t-3", "description", "Can run at the same time")),
                m.values().get("dependencies"));
        assertEquals("## Context\n\n  indented\n", m.values().get("description"));
        assertEquals("kept", m.values().get("notes"));
        assertEquals(2, m.lines().get("id"));
        agrees(text);
    }

    @Test
    void leavesOtherFormsToSnakeYaml() {
        for (String text : List.of("", "# only\n", "id: a\nid: b\n", "id: a # note\n", "id: a\n  more\n", "id:\ta\n",
                "id: a\r\n", "--- \nid: a\n", "id: >\n  folded\n", "id: |2\n   x\n", "id: |\n\n  x\n", "id: |\n  x",
                "id: [a, [b]]\n", "id: &a x\n", "id: *a\n", "id: !!str x\n", "id: \"\\x41\"\n", "id: 'open\n",
                "- a\n", "id: -1\n", "id: a: b\n", "id: x\n  - y\n", "list:\n- a\n  - b\n", "k:\n  a: |\n    x\n",
                "key: {a: 1, a: 2}\n", "key: [a, ]\n", "\ufeffid: a\n", "id: <<\n", "id: =\n", "null: x\n")) {
            assertNull(PlainYaml.read(text), () -> "should be left to SnakeYAML: " + text);
        }
    }

    @Property(tries = 3000)
    void agreesWithSnakeYamlWhereItAnswers(@ForAll("documents") String text) {
        Statistics.collect(PlainYaml.read(text) == null ? "left to SnakeYAML" : "answered");
        agrees(text);
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> scalar = Arbitraries.of("a", "007", "yes", "null", "~", "Null", "", " x ", "a b", "a: b",
                "a:b", "a #b", "a#b", "C#", "'q'", "\"d\"", "it's", "-x", "- x", "x-", "[a]", "{a}", "a,b", "é ü ✓",
                "https://e.x/a?b=c&d", "2026-11-24T12:00:00Z", "2026-11-24 12:00:00", "1.5", "0x1F", "true", "  ",
                "\\", "\\n", "\"", "''", "a  ", "?", ":", "|", ">", "#", "@x", "`x`", "%x", "*x", "&x", "!x", "<<", "=",
                "x:", "a\tb", "...", "---");
        Arbitrary<String> quoted = scalar.map(s -> "'" + s.replace("'", "''") + "'");
        Arbitrary<String> dquoted = scalar.map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        Arbitrary<String> item = Arbitraries.oneOf(scalar, quoted, dquoted);
        Arbitrary<String> flowList = item.list().ofMaxSize(4).map(l -> "[" + String.join(", ", l) + "]");
        Arbitrary<String> flowMap = item.list().ofMaxSize(3).map(l -> {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < l.size(); i++) b.append(i == 0 ? "" : ", ").append("k").append(i).append(": ").append(l.get(i));
            return b.append("}").toString();
        });
        Arbitrary<String> inlineValue = Arbitraries.oneOf(item, flowList, flowMap);
        Arbitrary<String> indent = Arbitraries.of("", "  ", "    ", " ");
        Arbitrary<String> blockList = Arbitraries.oneOf(item, flowMap).list().ofMinSize(1).ofMaxSize(3)
                .flatMap(items -> indent.map(in -> {
                    StringBuilder b = new StringBuilder("\n");
                    for (String i : items) b.append(in).append("- ").append(i).append('\n');
                    return b.toString();
                }));
        Arbitrary<String> blockMap = item.list().ofMinSize(1).ofMaxSize(3).flatMap(items -> indent.map(in -> {
            StringBuilder b = new StringBuilder("\n");
            for (int i = 0; i < items.size(); i++) b.append(in).append("s").append(i).append(": ").append(items.get(i)).append('\n');
            return b.toString();
        }));
        Arbitrary<String> contentLine = Arbitraries.of("text", "", "  deeper", "# not a comment", "- not a list",
                "key: not a key", "  ", "   ", "trailing  ", "|", "\"q\"");
        Arbitrary<String> literal = contentLine.list().ofMinSize(1).ofMaxSize(5).flatMap(lines -> Arbitraries.of("|", "|-", "|+", ">")
                .flatMap(header -> indent.map(in -> {
                    StringBuilder b = new StringBuilder(" " + header + "\n");
                    for (String l : lines) b.append(l.isEmpty() ? "" : in + l).append('\n');
                    return b.toString();
                })));
        Arbitrary<String> entry = Arbitraries.oneOf(
                inlineValue.map(v -> " " + v + "\n"), blockList, blockMap, literal, Arbitraries.just("\n"), Arbitraries.just(":\n"));
        Arbitrary<String> key = Arbitraries.of("id", "title", "description", "tags", "created_at", "x-y", "null", "a b", "id");
        Arbitrary<String> filler = Arbitraries.of("", "", "\n", "# c\n", "  # indented comment\n");
        return Arbitraries.oneOf(
                        key.flatMap(k -> entry.flatMap(e -> filler.map(f -> k + ":" + (e.startsWith(":") ? e.substring(1) : e) + f))))
                .list().ofMinSize(1).ofMaxSize(6)
                .flatMap(parts -> Arbitraries.of("", "\n").map(end -> {
                    String doc = String.join("", parts);
                    return end.isEmpty() && doc.endsWith("\n") ? doc.substring(0, doc.length() - 1) : doc;
                }));
    }
}
