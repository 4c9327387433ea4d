package dev.dashgen.site;

import static dev.dashgen.site.Sites.build;
import static dev.dashgen.site.Sites.html;
import static dev.dashgen.site.Sites.htmlPages;
import static dev.dashgen.site.Sites.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code problems.html} and the problem counter on every page. */
class ProblemsPageTest {

    private static Site broken() {
        return build("inbox/a.yaml", "id: a\npriority: urgent\n",
                "inbox/b.yaml", "id: [unclosed\n",
                "inbox/c.yaml", "id: c\ndependencies: [c]\n",
                "done/bob/d.yaml", "id: d\n");
    }

    @Test
    void theCounterIsOnEveryPage() {
        Site site = broken();
        List<String> pages = htmlPages(site);
        assertTrue(pages.containsAll(List.of("index.html", "problems.html", "404.html", "tasks/a.html", "lanes/inbox.html")), pages::toString);
        for (String page : pages) {
            Element counter = html(site, page).selectFirst("#problem-counter");
            assertTrue(counter != null, page);
            assertEquals("2", counter.selectFirst(".badge").attr("data-errors"), page);
            assertEquals("2", counter.selectFirst(".badge").attr("data-warnings"), page);
            assertEquals("Problems 4", counter.text(), page);
            assertTrue(counter.hasClass("has-errors"), page);
            assertTrue(counter.attr("href").endsWith("problems.html"), page);
        }
    }

    @Test
    void theCounterLinksBackFromNestedPages() {
        assertEquals("../problems.html", html(broken(), "tasks/a.html").selectFirst("#problem-counter").attr("href"));
    }

    @Test
    void warningsOnlyAreMarkedAsSuch() {
        Element counter = html(build("inbox/a.yaml", "id: a\npriority: urgent\n"), "index.html").selectFirst("#problem-counter");
        assertTrue(counter.hasClass("has-warnings"));
        assertFalse(counter.hasClass("has-errors"));
    }

    @Test
    void everyProblemIsListedWithItsPlaceAndALinkToItsTask() {
        Document doc = html(broken(), "problems.html");
        assertEquals("Problems 2 errors, 2 warnings", doc.selectFirst("h1").text());
        List<Element> rows = doc.select("#problems-table tbody tr");
        assertEquals(4, rows.size());
        assertEquals(List.of("inbox/a.yaml:2:1", "inbox/b.yaml:2:1", "inbox/c.yaml:2", "done/bob/d.yaml").stream().sorted().toList(),
                rows.stream().map(r -> r.selectFirst("td").text()).sorted().toList());
        Element a = rows.stream().filter(r -> r.text().contains("urgent")).findFirst().orElseThrow();
        assertEquals("tasks/a.html", a.selectFirst("td a").attr("href"));
        assertEquals("warning", a.select("td").get(1).text());
        Element b = rows.stream().filter(r -> r.text().startsWith("inbox/b.yaml")).findFirst().orElseThrow();
        assertTrue(b.select("td a").isEmpty(), "a file with no task has no link");
        assertEquals("error", b.select("td").get(1).text());
        assertTrue(texts(doc, "#problems-table td").stream().anyMatch(t -> t.startsWith("dependency cycle c → c")));
    }

    @Test
    void noProblemsSaysSo() {
        Site site = build("inbox/a.yaml", "id: a\n");
        assertTrue(html(site, "problems.html").selectFirst("#no-problems") != null);
        Element counter = html(site, "index.html").selectFirst("#problem-counter");
        assertEquals("Problems 0", counter.text());
        assertFalse(counter.hasClass("has-errors") || counter.hasClass("has-warnings"));
    }
}
