package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** portfolio.html as a user sees it: initiatives → specifications → tasks, progress, bars, checklists, unlinked tasks. */
class PortfolioPageTest {

    private static Document page(PortfolioFixture f) {
        return Jsoup.parse(new String(f.page(), StandardCharsets.UTF_8));
    }

    @Test
    void initiativesHoldTheirSpecificationsWithProgressAndTheLaneMix() {
        Document doc = page(PortfolioFixture.standard());
        assertEquals(List.of("Checkout revamp", ""), doc.select("section.initiative").eachAttr("data-initiative"));
        Element checkout = doc.selectFirst("section.initiative[data-initiative=Checkout revamp]");
        assertEquals("50 %", checkout.selectFirst("h2 .progress").text());
        assertTrue(checkout.selectFirst("h2").text().contains("2 of 4 tasks finished"), checkout.selectFirst("h2").text());
        Element pay = checkout.selectFirst("article.spec[data-file=specifications/checkout/pay.md]");
        Element title = pay.selectFirst("h3 a");
        assertEquals("Card <em>payments</em>", title.text(), "a title is text, never markup");
        assertEquals("https://github.com/acme/board/blob/main/specifications/checkout/pay.md", title.attr("href"));
        assertEquals("SPEC-7", pay.selectFirst("h3 .mono").text());
        assertEquals("in progress", pay.selectFirst(".spec-status").text());
        assertEquals("high", pay.selectFirst(".prio").text());
        assertEquals("50 %", pay.selectFirst(".spec-facts .progress").text());
        assertEquals("manual: 60 %", pay.selectFirst(".completion").text());
        assertEquals(List.of("width: 25.00%", "width: 25.00%", "width: 25.00%", "width: 25.00%"), pay.select(".mix .mix-part").eachAttr("style"));
        assertEquals(List.of("In progress: 1", "Done: 1", "Error: 1", "Archive: 1"), pay.select(".mix .mix-part").eachAttr("title"));
        assertEquals(List.of("Visa F1 done", "3-D Secure F2 todo"), pay.select(".checklist li").eachText());
        assertEquals(List.of(true, false), pay.select(".checklist input").stream().map(i -> i.hasAttr("checked")).toList());
        assertEquals(List.of("tasks/a.html", "tasks/b.html", "tasks/c.html", "tasks/d.html"), pay.select(".spec-tasks a").eachAttr("href"));
        assertEquals("<script>alert('d')</script>", pay.select(".spec-tasks a").get(3).text());
        assertEquals(0, doc.select("main script").size(), "no script from a title");
    }

    @Test
    void aSpecificationWithoutTasksAndOneWithBrokenFrontMatterStillAppear() {
        Document doc = page(PortfolioFixture.standard());
        Element refunds = doc.selectFirst("article.spec[data-file=specifications/checkout/refunds.md]");
        assertTrue(refunds.selectFirst(".spec-facts").text().contains("no tasks"), refunds.text());
        assertEquals(0, refunds.select(".mix").size());
        Element broken = doc.selectFirst("article.spec[data-file=specifications/broken.md]");
        assertEquals("specifications/broken.md", broken.selectFirst("h3 a").text());
        Element adr = doc.selectFirst("article.spec[data-file=docs/adr/ADR-002-events.md]");
        assertEquals("ADR-002: Events as the source of truth", adr.selectFirst("h3 a").text());
    }

    @Test
    void unlinkedTasksAreGroupedByReasonWithThePath() {
        Document doc = page(PortfolioFixture.standard());
        assertEquals(List.of("unlinked-no_specification", "unlinked-not_found", "unlinked-outside_repository"),
                doc.select("#unlinked details").eachAttr("id"));
        assertEquals("No spec at all f", doc.selectFirst("#unlinked-no_specification li").text());
        assertEquals("Gone spec g → specifications/gone.md", doc.selectFirst("#unlinked-not_found li").text());
        assertEquals("Elsewhere h → ../../elsewhere.md", doc.selectFirst("#unlinked-outside_repository li").text());
        assertEquals("tasks/h.html", doc.selectFirst("#unlinked-outside_repository a").attr("href"));
    }

    @Test
    void withoutARepositoryUrlSpecificationsAreText() {
        PortfolioFixture f = PortfolioFixture.standard();
        Document doc = Jsoup.parse(new String(PortfolioPage.render(Sites.theme(), PortfolioFixture.META, f.portfolio, f::taskUrl,
                f::view, dev.dashgen.portfolio.RepoLinks.NONE, dev.dashgen.config.Config.Lanes.DEFAULTS), StandardCharsets.UTF_8));
        assertEquals(0, doc.select("article.spec h3 a").size());
        assertEquals("Card <em>payments</em>", doc.selectFirst("article.spec h3").ownText());
    }

    @Test
    void longListsAreCutOnThePage() {
        Map<String, String> tasks = new HashMap<>();
        for (int i = 0; i < 180; i++) tasks.put("inbox/t" + i + ".yaml", "id: t" + i + "\nspecification: s.md\n");
        for (int i = 0; i < 130; i++) tasks.put("inbox/u" + i + ".yaml", "id: u" + i + "\n");
        Document doc = page(new PortfolioFixture(tasks, Map.of("s.md", "# S\n")));
        assertEquals(PortfolioPage.TASKS_SHOWN, doc.select(".spec-tasks li").size());
        assertEquals("… and 130 more (all in data/portfolio.json)", doc.selectFirst("article.spec .more").text());
        assertEquals(PortfolioPage.UNLINKED_SHOWN, doc.select("#unlinked-no_specification li").size());
        assertEquals("… and 30 more (all in data/portfolio.json)", doc.selectFirst("#unlinked-no_specification .more").text());
    }

    @Test
    void anEmptyPortfolioSaysSo() {
        Document doc = page(new PortfolioFixture(Map.of(), Map.of()));
        assertTrue(doc.selectFirst("#no-specifications") != null);
        assertEquals("Every task names a specification that was found.", doc.selectFirst("#unlinked p").text());
    }
}
