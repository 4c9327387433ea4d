package dev.dashgen.site;

import java.util.Map;
import java.util.Set;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Where commonmark's renderers write a description, HTML escaped: text and tags only, since with HTML escaped
 * commonmark writes raw output for a soft line break alone, and a line ends as commonmark's own writer ends it.
 */
abstract class EscapedHtmlWriter extends HtmlWriter {
    /** Elements that never hold content, whether or not a renderer says so: an HTML parser reads them so. */
    static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr");

    private char last;

    EscapedHtmlWriter() {
        super(new StringBuilder(0));
    }

    /** Text as it reads (escaping is the writer's); never empty. */
    abstract void write(String text);

    /** A start tag, or an end tag when {@code name} starts with {@code /}. */
    abstract void element(String name, Map<String, String> attributes, boolean voidElement);

    @Override
    public final void raw(String s) {
        // Markup here would be a change in commonmark: the writers would no longer see all of it.
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) throw new IllegalStateException("raw HTML from a renderer: " + s);
        text(s);
    }

    @Override
    public final void text(String s) {
        if (s.isEmpty()) return;
        write(s);
        last = s.charAt(s.length() - 1);
    }

    @Override
    public final void tag(String name, Map<String, String> attributes, boolean voidElement) {
        last = '>';
        element(name, attributes, voidElement);
    }

    @Override
    public final void line() {
        if (last != 0 && last != '\n') text("\n");
    }
}
