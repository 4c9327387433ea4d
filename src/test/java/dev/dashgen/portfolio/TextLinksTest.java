package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dashgen.config.Config;
import dev.dashgen.site.Markdown;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §4.2 links in text: ids matching links.patterns link to the one matching file; task ids to their pages. */
class TextLinksTest {
    private static final RepoLinks LINKS = RepoLinks.of("https://github.com/acme/board", "main");
    private static final List<String> FILES = List.of("README.md", "docs/adr/ADR-001-record-decisions.md",
            "docs/architecture/adrs/ADR-011-use-postgres.md", "docs/adr/ADR-007-a.md", "docs/old/ADR-007-a.md",
            "docs/ADR-020-top-level.md", "design/DDR-3.md");
    private static final Map<String, String> TASKS = Map.of("2026-02-11T1100-x", "tasks/2026-02-11t1100-x.html",
            "t-12", "tasks/t-12.html", "setup", "tasks/setup.html", "42", "tasks/42.html");

    private static TextLinks links(RepoLinks repo) {
        return new TextLinks(Config.DEFAULT_LINK_PATTERNS, FILES, repo, TASKS);
    }

    private static Elements anchors(String html) {
        return Jsoup.parseBodyFragment(html).select("a");
    }

    @Test
    void anAdrLinksToTheOneMatchingFile() {
        String html = links(LINKS).html("<p>Per ADR-011, and ADR-001.</p>", "../", null);
        Elements a = anchors(html);
        assertEquals(2, a.size(), html);
        assertEquals("https://github.com/acme/board/blob/main/docs/architecture/adrs/ADR-011-use-postgres.md", a.get(0).attr("href"));
        assertEquals("ADR-011", a.get(0).text());
        assertEquals("https://github.com/acme/board/blob/main/docs/adr/ADR-001-record-decisions.md", a.get(1).attr("href"));
        assertEquals("<p>Per <a href=\"https://github.com/acme/board/blob/main/docs/architecture/adrs/ADR-011-use-postgres.md\""
                + " class=\"ref-file\" rel=\"nofollow noopener\">ADR-011</a>, and <a href=\"https://github.com/acme/board/blob/main/docs/adr/"
                + "ADR-001-record-decisions.md\" class=\"ref-file\" rel=\"nofollow noopener\">ADR-001</a>.</p>", html);
    }

    @Test
    void zeroOrTwoMatchingFilesGiveNoLink() {
        TextLinks t = links(LINKS);
        assertEquals(Optional.empty(), t.fileFor("ADR-099"), "no file");
        assertEquals(Optional.empty(), t.fileFor("ADR-007"), "two files");
        assertEquals(Optional.of("docs/architecture/adrs/ADR-011-use-postgres.md"), t.fileFor("ADR-011"));
        assertEquals(Optional.of("docs/ADR-020-top-level.md"), t.fileFor("ADR-020"), "docs/**/ matches no folder in between too");
        String html = "<p>ADR-099 and ADR-007</p>";
        assertSame(html, t.html(html, "", null), "nothing to link: the same text back");
    }

    @Test
    void configuredPatternsLinkToo() {
        TextLinks t = new TextLinks(List.of(new Config.LinkPattern("DDR-0*(\\d+)", "design/DDR-$1.md"),
                new Config.LinkPattern("([", "x")), FILES, LINKS, Map.of());
        assertEquals("https://github.com/acme/board/blob/main/design/DDR-3.md",
                anchors(t.html("<p>See DDR-003 (completed)</p>", "", null)).get(0).attr("href"));
    }

    @Test
    void taskIdsMentionedInTextLinkToTheirPages() {
        String html = links(LINKS).html("<p>Follows 2026-02-11T1100-x and t-12. Not setup, not 42, not t-123.</p>", "../", null);
        Elements a = anchors(html);
        assertEquals(List.of("../tasks/2026-02-11t1100-x.html", "../tasks/t-12.html"), a.eachAttr("href"));
        assertEquals(List.of("2026-02-11T1100-x", "t-12"), a.eachText());
    }

    @Test
    void neverInsideLinksOrCodeAndNeverToItself() {
        String in = "<p><a href=\"https://x.org\">ADR-011 t-12</a> <code>ADR-011</code></p><pre><code>t-12</code></pre><p><strong>t-12</strong></p>";
        String html = links(LINKS).html(in, "", "2026-02-11T1100-x");
        Elements a = anchors(html);
        assertEquals(List.of("https://x.org", "tasks/t-12.html"), a.eachAttr("href"));
        assertEquals("strong", a.get(1).parent().normalName());
        assertEquals(0, anchors(links(LINKS).html("<p>2026-02-11T1100-x</p>", "", "2026-02-11T1100-x")).size(), "not to itself");
    }

    @Test
    void withoutARepositoryUrlFilesStayTextButTasksStillLink() {
        Elements a = anchors(links(RepoLinks.NONE).html("<p>ADR-011 for t-12</p>", "", null));
        assertEquals(List.of("tasks/t-12.html"), a.eachAttr("href"));
    }

    @Test
    void plainTextIsEscapedAndLinked() {
        String html = links(LINKS).text("<script>alert(1)</script> done per ADR-011 & t-12", "../", null);
        assertEquals(0, Jsoup.parseBodyFragment(html).select("script").size());
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; done per ", html.substring(0, html.indexOf("<a")));
        assertEquals(2, anchors(html).size());
    }

    @Test
    void worksOnMarkdownAsTaskPagesRenderIt() {
        String html = links(LINKS).html(Markdown.toHtml("Decided in ADR-011; see [the ADR](https://x.org/ADR-011) and `ADR-011`."), "../", null);
        Elements a = anchors(html);
        assertEquals(2, a.size(), html);
        Element first = a.get(0);
        assertEquals("ref-file", first.className());
    }

    @Test
    void aHostileMentionCannotEscapeTheLink() {
        TextLinks t = new TextLinks(List.of(new Config.LinkPattern("X-(\\S+)", "docs/$1.md")),
                List.of("docs/\"onmouseover=alert(1).md", "docs/a.md"), LINKS, Map.of());
        String html = t.text("X-\"onmouseover=alert(1) X-a", "", null);
        Elements a = anchors(html);
        assertEquals(2, a.size(), html);
        assertEquals("https://github.com/acme/board/blob/main/docs/%22onmouseover%3Dalert%281%29.md", a.get(0).attr("href"));
        assertEquals(List.of("href", "class", "rel"), a.get(0).attributes().asList().stream().map(org.jsoup.nodes.Attribute::getKey).toList());
    }

    @Test
    void knownTextRunsLinkAsReadingTheHtmlDoes() {
        TextLinks t = links(LINKS);
        String markdown = "Per ADR-011 and t-12; see [t-12](https://x.org) and `ADR-011`.\n\n- **2026-02-11T1100-x** & <b>t-12</b>";
        LinkableHtml mapped = Markdown.render(markdown);
        assertEquals(t.html(mapped.html(), "../", null), t.html(mapped, "../", null));
        assertEquals(4, anchors(t.html(mapped, "../", null)).select(".ref-file, .ref-task").size());
        String plain = "<p>nothing to link</p>";
        assertSame(plain, t.html(new LinkableHtml(plain, new int[] {3, 18}), "", null));
    }

    @net.jqwik.api.Property(tries = 300)
    void knownTextRunsLinkAsReadingTheHtmlDoesForAnyMarkdown(@net.jqwik.api.ForAll("markdown") String markdown,
                                                             @net.jqwik.api.ForAll boolean self) {
        TextLinks t = links(LINKS);
        LinkableHtml mapped = Markdown.render(markdown);
        String selfId = self ? "t-12" : null;
        assertEquals(t.html(mapped.html(), "../", selfId), t.html(mapped, "../", selfId), markdown);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> markdown() {
        net.jqwik.api.Arbitrary<String> piece = net.jqwik.api.Arbitraries.of("t-12", "t-12.", "ADR-011", "ADR-007",
                "2026-02-11T1100-x", "DDR-3", "42", " ", "\n", "\n\n", "# ", "- ", "> ", "    ", "```\n", "`", "*", "**",
                "[", "](https://x.org)", "](t-12)", "<b>", "&", "<", "\u00a0", "| a | b |\n|---|---|\n", "~~", "https://x.org/t-12",
                "text", "-", "_", ".");
        return piece.list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    @net.jqwik.api.Property(tries = 300)
    void plainTextIsWrittenAsJsoupWritesIt(@net.jqwik.api.ForAll String plain) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment("");
        doc.outputSettings().prettyPrint(false);
        doc.body().appendChild(new org.jsoup.nodes.TextNode(plain));
        assertEquals(doc.body().html(), links(LINKS).text(plain, "", null), plain);
    }
}
