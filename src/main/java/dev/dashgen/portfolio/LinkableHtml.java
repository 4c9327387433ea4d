package dev.dashgen.portfolio;

import java.util.List;

/**
 * Sanitised HTML together with where its linkable text lies: the runs of text outside links, code and code blocks,
 * each as the span of its escaped form in {@code html} and the text itself. {@link TextLinks} links mentions in those
 * runs without parsing the HTML again. {@code texts} is null when the runs are not known; the HTML is then read.
 */
public record LinkableHtml(String html, List<Text> texts) {

    public static final LinkableHtml EMPTY = new LinkableHtml("", List.of());

    /** A run of text: {@code html.substring(start, end)} is {@code text}, escaped. */
    public record Text(int start, int end, String text) {
    }

    public LinkableHtml {
        texts = texts == null ? null : List.copyOf(texts);
    }

    /** HTML whose runs of text are not known. */
    public static LinkableHtml unmapped(String html) {
        return new LinkableHtml(html, null);
    }
}
