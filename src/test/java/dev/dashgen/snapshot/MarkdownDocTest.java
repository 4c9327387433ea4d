package dev.dashgen.snapshot;

import static dev.dashgen.snapshot.MarkdownDoc.code;
import static dev.dashgen.snapshot.MarkdownDoc.strong;
import static dev.dashgen.snapshot.MarkdownDoc.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Untrusted text stays text in every Markdown construct the reports use. */
class MarkdownDocTest {
    private static final String HOSTILE = "*bold* _x_ | [link](javascript:alert(1)) <script>alert(1)</script>\n- item\n# head `tick`";
    private static final String SHOWN = "*bold* _x_ | [link](javascript:alert(1)) <script>alert(1)</script> - item # head `tick`";

    @Test
    void hostileTextIsShownAsWrittenOnOneLine() {
        String md = new MarkdownDoc()
                .heading(2, HOSTILE)
                .paragraph(text(HOSTILE))
                .bullets(List.of(List.of(code("t-1`x"), text(" " + HOSTILE))))
                .table(List.of("Lane", "Title"), List.of(false, false), List.of(List.of("Inbox", HOSTILE)))
                .render();
        Document doc = MarkdownHtml.parse(md);
        assertEquals(SHOWN, doc.selectFirst("h2").text());
        assertEquals(SHOWN, doc.selectFirst("p").text());
        assertEquals("t-1`x " + SHOWN, doc.selectFirst("li").text());
        assertEquals("t-1`x", doc.selectFirst("li code").text());
        assertEquals(List.of("Inbox", SHOWN), doc.select("tbody td").eachText());
        assertTrue(doc.select("script, a, em, strong, h1, ul ul").isEmpty(), doc::outerHtml);
        assertEquals(1, doc.select("li").size());
    }

    @Test
    void numbersAlignRightAndListsAreTight() {
        String md = new MarkdownDoc()
                .table(List.of("Lane", "Tasks"), List.of(false, true), List.of(List.of("Inbox", "12")))
                .bullets(List.of(List.of(text("a")), List.of(strong("b"))))
                .render();
        assertTrue(md.contains("|:---|---:|"), md);
        assertTrue(md.contains("- a\n- **b**\n"), md);
        assertFalse(md.contains("\r"), md);
    }
}
