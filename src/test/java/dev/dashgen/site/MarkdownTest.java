package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PRODUCT.md §4: Markdown with raw HTML escaped, sanitised; links only http, https, mailto and relative. */
class MarkdownTest {

    private static Document render(String markdown) {
        return Jsoup.parseBodyFragment(Markdown.toHtml(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1))",
            "[click](java&#x09;script:alert(1))",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<javascript:alert(1)>",
            "![img](javascript:alert(1))",
            "[ref]\n\n[ref]: javascript:alert(1)",
            "<a href=\"javascript:alert(1)\">raw</a>",
            "<img src=x onerror=alert(1)>",
            "<script>alert(1)</script>",
            "<iframe src=\"https://evil.invalid\"></iframe>",
            "<svg onload=alert(1)>",
            "<style>body{display:none}</style>",
            "[x](ftp://files.invalid/a)",
            "<div onclick=\"alert(1)\">hi</div>",
    })
    void nothingActiveSurvives(String markdown) {
        Document doc = render(markdown);
        Sites.assertNoActiveContent(doc, markdown);
        assertTrue(doc.select("a[href^=ftp]").isEmpty(), doc::outerHtml);
        assertTrue(doc.select("script, img[onerror], div, svg, style").isEmpty(), doc::outerHtml);
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertEquals("<script>alert(1)</script>", render("<script>alert(1)</script>").text());
        assertEquals("a <b>b</b>", render("a <b>b</b>").text());
    }

    @Test
    void safeLinksStay() {
        Document doc = render("[a](https://example.com/x) [b](http://example.com) [c](mailto:me@example.com) "
                + "[d](docs/spec.md) [e](../other.html#top) [f](#section) <https://auto.example.com>");
        assertEquals(List.of("https://example.com/x", "http://example.com", "mailto:me@example.com", "docs/spec.md",
                "../other.html#top", "#section", "https://auto.example.com"), doc.select("a").eachAttr("href"));
        assertTrue(doc.select("a").stream().allMatch(a -> a.attr("rel").equals("nofollow noopener")));
    }

    @Test
    void gfmTablesStrikethroughAndTaskLists() {
        Document doc = render("| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n- [ ] todo\n");
        assertEquals(List.of("a", "b"), doc.select("th").eachText());
        assertEquals("gone", doc.selectFirst("del").text());
        assertEquals(1, doc.select("input[type=checkbox][checked]").size());
        assertEquals(2, doc.select("input[type=checkbox][disabled]").size());
    }

    @Test
    void blankIsEmpty() {
        assertEquals("", Markdown.toHtml(null));
        assertEquals("", Markdown.toHtml("  \n"));
    }
}
