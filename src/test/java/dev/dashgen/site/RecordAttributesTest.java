package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** {@link RecordAttributes} reads what Pebble's own resolver reads, and fails where Pebble fails, with Pebble's message. */
class RecordAttributesTest {
    public record Plain(String title, int count, long big, double ratio, boolean done, String missing) {}

    public record Shadowed(String name) {
        public String getName() {
            return "got " + name;
        }
    }

    public record Flags(boolean open) {
        public boolean isOpen() {
            return !open;
        }
    }

    public record Has(String items) {
        public boolean hasItems() {
            return true;
        }
    }

    public record Cased(String url) {
        public String getURL() {
            return "from getURL";
        }
    }

    public interface Labelled {
        default String label() {
            return "the interface's";
        }
    }

    public record WithDefault(String x) implements Labelled {}

    public record Bag(List<String> items) implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return items.iterator();
        }

        public String getFirst() {
            return items.get(0);
        }
    }

    public record WithStatic(String a) {
        public static String b() {
            return "static";
        }
    }

    public record Args(String a) {
        public String twice(String s) {
            return s + s;
        }
    }

    public record Failing(String a) {
        public String broken() {
            throw new IllegalStateException("broken on purpose");
        }
    }

    public record Nested(Plain plain) {
        public String computed() {
            return plain.title().toUpperCase(Locale.ROOT);
        }
    }

    static List<String> templates() {
        return List.of(
                "{{ r.title }} {{ r.count }} {{ r.big }} {{ r.ratio }} {{ r.done }} [{{ r.missing }}]",
                "{% if r.done %}done{% endif %} {{ r.count + 1 }} {{ r.title | upper }}",
                "{{ s.name }}", "{{ f.open }}", "{{ h.items }}", "{{ c.url }} {{ c.URL }}", "{{ d.label }} {{ d.x }}",
                "{{ bag.items }} {{ bag.first }} {% for i in bag %}{{ i }}{% endfor %}", "{{ st.b }} {{ st.a }}",
                "{{ args.twice('x') }} {{ args.a }}", "{{ n.plain.title }} {{ n.computed }}", "{{ r.nope }}",
                "{{ r.class }}", "{{ r.getClass }}", "{{ s.getName }} {{ r.toString }} {{ r.hashCode == r.hashCode }}",
                "{{ r['title'] }}", "{{ r.title.length }}", "{{ fail.a }} {{ fail.broken }}");
    }

    private static final Map<String, Object> CONTEXT = Map.ofEntries(
            Map.entry("r", new Plain("Fix <it>", 3, 1L << 40, 0.25, true, null)), Map.entry("s", new Shadowed("n")),
            Map.entry("f", new Flags(true)), Map.entry("h", new Has("x")), Map.entry("c", new Cased("u")),
            Map.entry("d", new WithDefault("x")), Map.entry("bag", new Bag(List.of("a", "b"))), Map.entry("st", new WithStatic("a")),
            Map.entry("args", new Args("a")), Map.entry("n", new Nested(new Plain("inner", 0, 0, 0, false, ""))),
            Map.entry("fail", new Failing("a")));

    @ParameterizedTest
    @MethodSource("templates")
    void rendersAsPebbleAloneDoes(String template) {
        assertEquals(render(pebble(false), template), render(pebble(true), template), template);
    }

    @Test
    void settlesRecordAccessorsAndLeavesTheRestToPebble() {
        RecordAttributes resolver = new RecordAttributes();
        Plain r = new Plain("t", 1, 2, 3, true, null);
        assertEquals("t", resolver.resolve(r, "title", null, null, null, "x", 1).evaluatedValue);
        assertEquals(1, resolver.resolve(r, "count", null, null, null, "x", 1).evaluatedValue);
        assertNotNull(resolver.resolve(r, "missing", null, null, null, "x", 1));
        assertEquals("got n", resolver.resolve(new Shadowed("n"), "name", null, null, null, "x", 1).evaluatedValue);
        assertNull(resolver.resolve(r, "nope", null, null, null, "x", 1));
        assertNull(resolver.resolve(r, "class", null, null, null, "x", 1));
        assertNull(resolver.resolve(new WithDefault("x"), "label", null, null, null, "x", 1));
        assertNull(resolver.resolve(new Bag(List.of("a")), "items", null, null, null, "x", 1));
        assertNull(resolver.resolve(new WithStatic("a"), "b", null, null, null, "x", 1));
        assertNull(resolver.resolve(new Args("a"), "twice", new Object[] {"x"}, null, null, "x", 1));
        assertNull(resolver.resolve(Map.of("title", "t"), "title", null, null, null, "x", 1));
    }

    private static PebbleEngine pebble(boolean withRecords) {
        PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(true)
                .strictVariables(true).defaultLocale(Locale.ROOT);
        if (withRecords) builder.extension(new RecordAttributes.Extension());
        return builder.build();
    }

    /** The page, or the failure's type and message. */
    private static String render(PebbleEngine engine, String template) {
        try {
            StringWriter out = new StringWriter();
            engine.getTemplate(template).evaluate(out, CONTEXT);
            return out.toString();
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
