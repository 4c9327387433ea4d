package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.portfolio.LinkableHtml;
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

    /** What {@link Markdown#toHtml} must equal: commonmark's HTML, parsed and cleaned by {@code Jsoup.clean}. */
    private static String reference(String markdown) {
        List<org.commonmark.Extension> extensions = List.of(org.commonmark.ext.gfm.tables.TablesExtension.create(),
                org.commonmark.ext.gfm.strikethrough.StrikethroughExtension.create(),
                org.commonmark.ext.autolink.AutolinkExtension.create(),
                org.commonmark.ext.task.list.items.TaskListItemsExtension.create());
        String html = org.commonmark.renderer.html.HtmlRenderer.builder().extensions(extensions).escapeHtml(true)
                .sanitizeUrls(true).build().render(org.commonmark.parser.Parser.builder().extensions(extensions).build().parse(markdown));
        org.jsoup.safety.Safelist safelist = org.jsoup.safety.Safelist.relaxed().removeProtocols("a", "href", "ftp")
                .addTags("del", "s", "input", "hr").addAttributes("input", "checked")
                .addEnforcedAttribute("input", "type", "checkbox").addEnforcedAttribute("input", "disabled", "disabled")
                .addEnforcedAttribute("a", "rel", "nofollow noopener").addAttributes("th", "align").addAttributes("td", "align")
                .preserveRelativeLinks(true);
        return Jsoup.clean(html, "https://dashgen.invalid/", safelist, new Document.OutputSettings().prettyPrint(false));
    }

    @Test
    void equalsCommonmarkHtmlCleanedByJsoupForEveryKindOfBlockAndInline() {
        List<String> samples = List.of(
                "# Title & \"quotes\" <b>bold</b>\n\nSetext\n======\n\n## closed ##",
                "Some *emph*, **strong**, ~~strike~~, `code <x>`, [link](https://x.y/?a=1&b=2 \"t'itle\"),"
                        + " [js](javascript:alert(1)), ![img](https://i/p.png \"t\"), ![rel](pic.png), [ftp](ftp://x/y), [frag](#x)",
                "<script>alert(1)</script>\n\n<div class=\"x\">raw block</div>\n\ninline <span>html</span> &copy; &amp; &#65;",
                "| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | `3` |\n| x |   |  |",
                "- [ ] open\n- [x] done\n  - nested\n    1. one\n    2. two\n\n5. five\n6. six\n\n1) paren",
                "- loose\n\n- list\n\n  > quote in item\n\n  ```\n  code in item\n  ```",
                "> quote\n> > nested\n\n```java\nclass X { String s = \"<&>\"; }\n```\n\n    indented\n\n***",
                "hard  \nbreak\\\nthird\nsoft\n\nwww.example.com https://auto.link/p?q=1 mailto:me@x.org foo@bar.baz",
                "[ref]\n\n[ref]: https://ref.example \"Ref\"\n\n[![img](a.png)](b.html)",
                "x<y>z & \"a\" 'b'\n\n<!-- comment -->\n\n<img src=x onerror=alert(1)>\n\n\u00a0 tab\there",
                "| only header |\n|---|\n\n~one~ ~~two~~\n\n*  *  *\n\n[empty]()\n\n![](data:image/png;base64,AAAA)",
                "[a](HTTPS://X.ORG) [b](https://) [c](http://[bad) [d](mailto:) [e](https:evil) [f](//host/p) [g](<https://x y>)"
                        + " [h](https://x.org \"a & <b> \\\"q\\\"\") ![i](http://x/i.png \"t\") ![j](java\tscript:x)",
                "[<x@y.z>](t) [a *<http://a.b>* b](u) [![i](p.png) <https://c.d>](v)");
        for (String markdown : samples) assertEquals(reference(markdown), Markdown.toHtml(markdown), markdown);
    }

    private static List<String> texts(LinkableHtml html) {
        return java.util.stream.IntStream.range(0, html.texts()).mapToObj(html::text).toList();
    }

    @Test
    void whatTheShortWayIsUnsureOfGoesThroughJsoupAndComesOutTheSame() {
        for (String markdown : List.of("a\u0001b *c*", "lone \ud800 surrogate", "tail \udc00", "`x\u001f`")) {
            assertEquals(reference(markdown), Markdown.toHtml(markdown), markdown);
            assertFalse(Markdown.render(markdown).mapped(), "read through jsoup: " + markdown);
        }
        String emoji = "ship it \ud83d\ude80 &nbsp;\u00a0 t-12 &amp; <b>";
        assertEquals(reference(emoji), Markdown.toHtml(emoji));
        assertEquals(List.of("ship it \ud83d\ude80 \u00a0\u00a0 t-12 & <b>", "\n"), texts(Markdown.render(emoji)));
    }

    @Test
    void theTextRunsAreTheTextOutsideLinksAndCode() {
        LinkableHtml html = Markdown.render("Per *ADR-011* & [t-12](x.html) `t-13`\n\n```\nt-14\n```\n\n| t-15 |\n|---|");
        assertEquals(List.of("Per ", "ADR-011", " & ", "t-15"), texts(html).stream().filter(text -> !text.isBlank()).toList());
        for (int i = 0; i < html.texts(); i++) {
            assertEquals(html.text(i), org.jsoup.parser.Parser.unescapeEntities(html.html().substring(html.start(i), html.end(i)), false));
        }
    }

    @net.jqwik.api.Property(tries = 500)
    void equalsCommonmarkHtmlCleanedByJsoup(@net.jqwik.api.ForAll("markdown") String markdown) {
        org.junit.jupiter.api.Assumptions.assumeFalse(markdown.isBlank());
        assertEquals(reference(markdown), Markdown.toHtml(markdown), markdown);
    }

    /** Links the short way decides without jsoup (plain web addresses) and the ones beside them that it leaves to jsoup. */
    @net.jqwik.api.Property(tries = 1000)
    void linksAreKeptOrDroppedAsJsoupDoes(@net.jqwik.api.ForAll("address") String address, @net.jqwik.api.ForAll boolean titled) {
        String markdown = "[x](<" + address + ">" + (titled ? " \"a \\\"b\\\" & <c>\"" : "") + ") and " + address;
        assertEquals(reference(markdown), Markdown.toHtml(markdown), markdown);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> address() {
        net.jqwik.api.Arbitrary<String> start = net.jqwik.api.Arbitraries.of("https://", "http://", "HTTPS://", "https:", "https:///",
                "http://-", "ftp://", "mailto:", "//", "", "javascript:", "https://[::1]", "https://user@", "https://x:80");
        net.jqwik.api.Arbitrary<String> piece = net.jqwik.api.Arbitraries.of("example", "e.x", "a-b", ".", "-", "/", "?", "#",
                "&", "=", "%20", "%zz", ":", "@", "~", "(", ")", "'", "*", "+", ",", ";", "!", "$", "1", "é", "[", "]", "\\",
                "^", "|", "{", "`", "\"", "\u0001", "\t");
        return net.jqwik.api.Combinators.combine(start, piece.list().ofMaxSize(12)).as((s, parts) -> s + String.join("", parts));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> markdown() {
        net.jqwik.api.Arbitrary<String> piece = net.jqwik.api.Arbitraries.of("# ", "- ", "1. ", "> ", "    ", "```\n",
                "| a | b |\n|---|:-:|\n", "[x](", ")", "![y](", "](", "*", "**", "~~", "`", "<b>", "</b>", "<div>", "&amp;",
                "&", "<", ">", "\"", "'", "\\", "  \n", "\n", "\n\n", "[ ] ", "[x] ", "http://e.x/", "www.e.x",
                "javascript:", "a@b.c", "---\n", "text", "é", "\t", "|", ":", "#", "\u00a0", "\ud83d\ude80", "\ud800",
                "\u0001", "\r\n", "<x@y.z>", "<http://a.b>");
        return piece.list().ofMaxSize(25).map(parts -> String.join("", parts));
    }
}

