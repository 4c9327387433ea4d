package dev.dashgen.snapshot;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Reads Markdown the way GitHub shows it (CommonMark with tables), so tests assert on what a reader sees. */
public final class MarkdownHtml {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

    private MarkdownHtml() {}

    public static Document parse(String markdown) {
        return Jsoup.parse(HTML.render(PARSER.parse(markdown)));
    }
}
