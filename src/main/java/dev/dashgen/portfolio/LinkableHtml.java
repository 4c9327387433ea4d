package dev.dashgen.portfolio;

import java.util.Arrays;

/**
 * Sanitised HTML together with where its linkable text lies: the runs of text outside links, code and code blocks, as
 * the spans of their escaped form in the HTML. {@link TextLinks} links mentions in those runs without parsing the HTML
 * again. Spans are two ints each, and a run's text is unescaped from the HTML when asked for: a description kept
 * between builds costs little more than its HTML. Without spans the runs are not known, and the HTML is read instead.
 */
public final class LinkableHtml {

    public static final LinkableHtml EMPTY = new LinkableHtml("", new int[0]);

    private final String html;
    private final int[] spans;

    /**
     * {@code spans}: start and end of each run's escaped text in {@code html}, in order; the HTML there holds no markup
     * and no entity but {@code &amp; &lt; &gt; &nbsp;}. Null: not known.
     */
    public LinkableHtml(String html, int[] spans) {
        this.html = html;
        this.spans = spans == null ? null : spans.clone();
    }

    /** HTML whose runs of text are not known. */
    public static LinkableHtml unmapped(String html) {
        return new LinkableHtml(html, null);
    }

    public String html() {
        return html;
    }

    public boolean mapped() {
        return spans != null;
    }

    /** How many runs of text there are. */
    public int texts() {
        return spans.length / 2;
    }

    public int start(int text) {
        return spans[2 * text];
    }

    public int end(int text) {
        return spans[2 * text + 1];
    }

    /** The text of run {@code text}, unescaped. */
    public String text(int text) {
        return HtmlText.unescape(html, start(text), end(text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkableHtml other && html.equals(other.html) && Arrays.equals(spans, other.spans);
    }

    @Override
    public int hashCode() {
        return 31 * html.hashCode() + Arrays.hashCode(spans);
    }
}
