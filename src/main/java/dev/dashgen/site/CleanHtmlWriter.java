package dev.dashgen.site;

import dev.dashgen.portfolio.HtmlText;
import dev.dashgen.portfolio.LinkableHtml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

/**
 * Writes what commonmark's renderers write as the text jsoup would make of it once cleaned by {@link Markdown}'s
 * Safelist, without building and copying jsoup's document: tags without attributes and text are written here, in
 * jsoup's form; for a tag with attributes the Safelist itself says which stay and jsoup writes them.
 * It also notes each run of text outside links and code, for {@link LinkableHtml}. Whatever it is not sure to write
 * as jsoup would (a tag the Safelist drops, a link inside a link, a control character, an unpaired surrogate) throws
 * {@link Unusual}, and the caller renders through jsoup instead. MarkdownTest holds what it writes equal to
 * {@code Jsoup.clean} of commonmark's HTML.
 */
final class CleanHtmlWriter extends HtmlWriter {

    /** The input needs jsoup's own document. */
    static final class Unusual extends RuntimeException {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }

    /** Elements that never hold content, whether or not a renderer says so: an HTML parser reads them so. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "source", "track", "wbr");
    /** Tags whose text never links: inside a link, code or a code block. */
    private static final Set<String> VERBATIM = Set.of("a", "code", "pre");
    /** What the Safelist does with a tag: drops it, keeps it, or keeps it with attributes of its own added. */
    private enum Kind { DROPPED, KEPT, ENFORCED }

    private static final Map<String, Kind> KINDS = new ConcurrentHashMap<>();
    /** Start tags with attributes, as the Cleaner leaves them; links and images vary too much to keep. */
    private static final Map<List<String>, String> START_TAGS = new ConcurrentHashMap<>();
    private static final int MAX_START_TAGS = 1024;

    private final StringBuilder out = new StringBuilder(512);
    private final List<String> open = new ArrayList<>();
    /** Start and end of each run of linkable text so far. */
    private int[] spans = new int[16];
    private int filled;
    private int verbatim;
    private int runStart = -1;
    private char last;

    CleanHtmlWriter() {
        super(new StringBuilder(0));
    }

    LinkableHtml finish() {
        endRun();
        for (int i = open.size() - 1; i >= 0; i--) out.append("</").append(open.get(i)).append('>');
        return new LinkableHtml(out.toString(), Arrays.copyOf(spans, filled));
    }

    @Override
    public void raw(String s) {
        // With HTML escaped, commonmark writes raw only for a soft line break; markup here would be a change in it.
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) throw new IllegalStateException("raw HTML from a renderer: " + s);
        text(s);
    }

    @Override
    public void text(String s) {
        if (s.isEmpty()) return;
        if (runStart < 0) runStart = out.length();
        if (!HtmlText.escape(s, out)) throw Unusual.INSTANCE;
        last = s.charAt(s.length() - 1);
    }

    @Override
    public void tag(String name, Map<String, String> attributes, boolean voidElement) {
        endRun();
        last = '>';
        if (name.startsWith("/")) {
            close(name.substring(1));
            return;
        }
        Kind kind = KINDS.computeIfAbsent(name, CleanHtmlWriter::kind);
        if (kind == Kind.DROPPED) throw Unusual.INSTANCE;
        // A link inside a link (an autolink in a link's text) is one an HTML parser takes apart: jsoup's to do.
        if (name.equals("a") && open.contains("a")) throw Unusual.INSTANCE;
        if (kind == Kind.KEPT && (attributes == null || attributes.isEmpty())) {
            out.append('<').append(name).append('>');
        } else {
            out.append(startTag(name, attributes == null ? Map.of() : attributes));
        }
        if (!voidElement && !VOID.contains(name)) {
            open.add(name);
            if (VERBATIM.contains(name)) verbatim++;
        }
    }

    @Override
    public void line() {
        if (last != 0 && last != '\n') text("\n");
    }

    /** Closes {@code name} and whatever is open inside it, as an HTML parser would; a tag never opened is ignored. */
    private void close(String name) {
        int at = open.lastIndexOf(name);
        if (at < 0) return;
        for (int i = open.size() - 1; i >= at; i--) {
            String closed = open.remove(i);
            if (VERBATIM.contains(closed)) verbatim--;
            out.append("</").append(closed).append('>');
        }
    }

    private void endRun() {
        if (runStart < 0) return;
        if (verbatim == 0) {
            if (filled + 2 > spans.length) spans = Arrays.copyOf(spans, 2 * spans.length);
            spans[filled++] = runStart;
            spans[filled++] = out.length();
        }
        runStart = -1;
    }

    private static Kind kind(String name) {
        if (!Markdown.SAFELIST.isSafeTag(name)) return Kind.DROPPED;
        return Markdown.SAFELIST.getEnforcedAttributes(name).isEmpty() ? Kind.KEPT : Kind.ENFORCED;
    }

    /**
     * The start tag jsoup writes for this element once cleaned: the attributes the Safelist keeps, in their order, then
     * those it enforces, as the Cleaner puts them. Safelist decides (a link's protocol among them) and jsoup writes the
     * attributes; tags other than links and images repeat, so theirs are kept.
     */
    private static String startTag(String name, Map<String, String> attributes) {
        if (name.equals("a") && plainWebLink(attributes)) return webLink(attributes);
        List<String> key = null;
        if (!name.equals("a") && !name.equals("img")) {
            key = new ArrayList<>(1 + 2 * attributes.size());
            key.add(name);
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                key.add(a.getKey());
                key.add(a.getValue());
            }
            String known = START_TAGS.get(key);
            if (known != null) return known;
        }
        Element dirty = new Element(Tag.valueOf(name), Markdown.BASE);
        attributes.forEach((k, v) -> dirty.attr(k, v == null ? "" : v));
        Attributes kept = new Attributes();
        for (Attribute a : dirty.attributes()) {
            if (Markdown.SAFELIST.isSafeAttribute(name, dirty, a)) kept.put(a.getKey(), a.getValue());
        }
        for (Attribute enforced : Markdown.SAFELIST.getEnforcedAttributes(name)) {
            kept.removeIgnoreCase(enforced.getKey());
            kept.put(enforced.getKey(), enforced.getValue());
        }
        String start = "<" + name + kept.html() + ">";
        if (key != null && START_TAGS.size() < MAX_START_TAGS) START_TAGS.put(key, start);
        return start;
    }

    /**
     * A link to an {@code http} or {@code https} address written plainly (a host of letters, digits, dots and hyphens, then
     * a path of characters any URL parser takes), with at most a title and commonmark's {@code rel}: the Safelist keeps
     * the address and the title as they are. Deciding that the Safelist's way means resolving the address as a
     * {@link java.net.URL}, most of a description's time.
     */
    private static boolean plainWebLink(Map<String, String> attributes) {
        String href = attributes.get("href");
        if (href == null || !PLAIN_WEB_ADDRESS.matcher(href).matches()) return false;
        for (String key : attributes.keySet()) {
            if (!key.equals("href") && !key.equals("title") && !key.equals("rel")) return false;
        }
        return true;
    }

    private static final java.util.regex.Pattern PLAIN_WEB_ADDRESS =
            java.util.regex.Pattern.compile("https?://[A-Za-z0-9][A-Za-z0-9.-]*(/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*)?");
    private static final Attributes LINK_ENFORCED = Markdown.SAFELIST.getEnforcedAttributes("a");

    /**
     * What the Cleaner makes of such a link: the address and title in their order, then the enforced {@code rel}, which
     * takes the place of any the link had.
     */
    private static String webLink(Map<String, String> attributes) {
        Attributes kept = new Attributes();
        attributes.forEach((k, v) -> {
            if (!k.equals("rel")) kept.put(k, v == null ? "" : v);
        });
        for (Attribute enforced : LINK_ENFORCED) kept.put(enforced.getKey(), enforced.getValue());
        return "<a" + kept.html() + ">";
    }
}
