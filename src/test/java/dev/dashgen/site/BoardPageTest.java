package dev.dashgen.site;

import static dev.dashgen.site.Sites.build;
import static dev.dashgen.site.Sites.config;
import static dev.dashgen.site.Sites.html;
import static dev.dashgen.site.Sites.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code index.html}: lanes, their order and limits, the cards and their order. */
class BoardPageTest {

    private static Document board(Site site) {
        return html(site, "index.html");
    }

    private static List<String> laneIds(Document doc) {
        return doc.select("section.lane").eachAttr("id");
    }

    private static List<String> cardIds(Document doc, String lane) {
        return texts(doc, "#lane-" + lane + " .card .card-id");
    }

    private static String task(String id, String... lines) {
        return "id: " + id + "\n" + String.join("\n", lines) + "\n";
    }

    @Test
    void theDefaultLanesInOrderWithoutTheArchive() {
        Document doc = board(build("archive/a.yaml", task("a")));
        assertEquals(List.of("lane-inbox", "lane-assigned", "lane-in_progress", "lane-blocked", "lane-done", "lane-error",
                "lane-fridge"), laneIds(doc));
        assertEquals(List.of("Inbox", "Assigned", "In progress", "Blocked", "Done", "Error", "Fridge"),
                texts(doc, "section.lane h2.lane-head > a"));
        assertTrue(doc.select(".card").isEmpty());
        assertEquals(7, doc.select("section.lane p.empty").size());
    }

    @Test
    void eachTaskIsInTheLaneItsFolderAndStatusSay() {
        Document doc = board(build(
                "inbox/i.yaml", task("i"),
                "assigned/bob/a.yaml", task("a"),
                "assigned/bob/p.yaml", task("p", "status: in progress"),
                "assigned/bob/b.yaml", task("b", "status: blocked"),
                "done/bob/d.yaml", task("d", "status: completed"),
                "done/bob/e.yaml", task("e", "status: error"),
                "fridge/f.yaml", task("f"),
                "archive/x.yaml", task("x")));
        assertEquals(List.of("i"), cardIds(doc, "inbox"));
        assertEquals(List.of("a"), cardIds(doc, "assigned"));
        assertEquals(List.of("p"), cardIds(doc, "in_progress"));
        assertEquals(List.of("b"), cardIds(doc, "blocked"));
        assertEquals(List.of("d"), cardIds(doc, "done"));
        assertEquals(List.of("e"), cardIds(doc, "error"));
        assertEquals(List.of("f"), cardIds(doc, "fridge"));
        assertTrue(doc.select("#card-x").isEmpty());
    }

    @Test
    void configuredOrderLabelsAndHiddenLanes() {
        Config c = config("lanes:", "  order: [blocked, in_progress, inbox, done, fridge, archive]",
                "  labels: {inbox: Queue, blocked: Stuck}", "  hidden: [fridge]");
        Document doc = board(build(c, Sites.files("fridge/f.yaml", task("f", "agent: zed"), "inbox/i.yaml", task("i", "agent: amy"))));
        assertEquals(List.of("lane-blocked", "lane-in_progress", "lane-inbox", "lane-done"), laneIds(doc));
        assertEquals(List.of("Stuck", "In progress", "Queue", "Done"), texts(doc, "section.lane h2.lane-head > a"));
        assertEquals(List.of("all", "amy"), texts(doc, "#filter-agent option"));
    }

    @Test
    void hiddenLanesStillHaveTaskPages() {
        Site site = build(config("lanes:", "  hidden: [fridge]"), Sites.files("fridge/f.yaml", task("f")));
        assertTrue(site.files().containsKey("tasks/f.html"));
        assertTrue(board(site).select("#card-f").isEmpty());
    }

    @Test
    void aLaneOverItsWipLimitIsMarked() {
        Config c = config("lanes:", "  wip_limits: {in_progress: 2, blocked: 2}");
        Document doc = board(build(c, Sites.files(
                "assigned/bob/p1.yaml", task("p1", "status: in_progress"),
                "assigned/bob/p2.yaml", task("p2", "status: in_progress"),
                "assigned/bob/p3.yaml", task("p3", "status: in_progress"),
                "assigned/bob/b1.yaml", task("b1", "status: blocked"),
                "assigned/bob/b2.yaml", task("b2", "status: blocked"))));
        assertTrue(doc.selectFirst("#lane-in_progress").hasClass("over-limit"));
        assertEquals("3 / 2", doc.selectFirst("#lane-in_progress .lane-count").text());
        assertFalse(doc.selectFirst("#lane-blocked").hasClass("over-limit"));
        assertEquals("2 / 2", doc.selectFirst("#lane-blocked .lane-count").text());
        assertEquals("0", doc.selectFirst("#lane-inbox .lane-count").text());
        assertEquals(1, doc.select("section.over-limit").size());
    }

    @Test
    void cardsAreOrderedByPriorityThenOldestFirst() {
        Document doc = board(build(
                "inbox/low-old.yaml", task("low-old", "priority: low", "created_at: 2020-01-01"),
                "inbox/n-new.yaml", task("n-new", "created_at: 2026-11-20"),
                "inbox/n-old.yaml", task("n-old", "created_at: 2026-01-01 10:00:00"),
                "inbox/n-none.yaml", task("n-none"),
                "inbox/crit.yaml", task("crit", "priority: Critical", "created_at: 2026-11-23"),
                "inbox/high-b.yaml", task("high-b", "priority: high", "created_at: 2026-06-01"),
                "inbox/high-a.yaml", task("high-a", "priority: HIGH", "created_at: 2026-06-01"),
                "inbox/med.yaml", task("med", "priority: medium", "created_at: 2026-11-23")));
        assertEquals(List.of("crit", "high-a", "high-b", "med", "n-old", "n-new", "n-none", "low-old"), cardIds(doc, "inbox"));
    }

    @Test
    void theDoneLaneShowsTheHundredNewestAndLinksToTheFullList() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 1; i <= 150; i++) {
            String id = String.format("d%03d", i);
            files.put("done/bob/" + id + ".yaml", task(id, "status: done",
                    String.format("completed_at: 2026-06-01T00:%02d:%02dZ", i / 60, i % 60)));
        }
        Site site = build(Config.DEFAULTS, files);
        Document doc = board(site);
        List<String> shown = cardIds(doc, "done");
        assertEquals(100, shown.size());
        assertEquals("d150", shown.get(0));
        assertEquals("d051", shown.get(99));
        assertEquals("150", doc.selectFirst("#lane-done .lane-count").text());
        Element more = doc.selectFirst("#lane-done p.more a");
        assertEquals("lanes/done.html", more.attr("href"));
        assertEquals("+50 more · all 150 Done tasks →", more.text());
        Document list = html(site, "lanes/done.html");
        assertEquals(150, list.select("#lane-table tbody tr").size());
        assertEquals("../tasks/d150.html", list.selectFirst("#lane-table tbody tr a").attr("href"));
    }

    @Test
    void otherLanesShowEveryCard() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) files.put("inbox/i" + i + ".yaml", task("i" + i));
        Document doc = board(build(Config.DEFAULTS, files));
        assertEquals(120, doc.select("#lane-inbox .card").size());
        assertTrue(doc.select("#lane-inbox p.more").isEmpty());
    }

    @Test
    void theErrorLaneShowsNewestFirst() {
        Document doc = board(build(
                "done/bob/e1.yaml", task("e1", "status: error", "completed_at: 2026-01-01"),
                "done/bob/e2.yaml", task("e2", "status: error", "completed_at: 2026-03-01")));
        assertEquals(List.of("e2", "e1"), cardIds(doc, "error"));
    }

    @Test
    void theFridgeIsCollapsed() {
        Document doc = board(build("fridge/f.yaml", task("f"), "inbox/i.yaml", task("i")));
        Element details = doc.selectFirst("#lane-fridge > details");
        assertFalse(details == null, "no <details> in the fridge lane");
        assertFalse(details.hasAttr("open"));
        assertEquals(List.of("f"), texts(doc, "#lane-fridge > details .card .card-id"));
        assertTrue(doc.select("#lane-inbox details").isEmpty());
    }

    @Test
    void aCardShowsTitleIdAgentPriorityAgeOpenDependenciesAndProblems() {
        Document doc = board(build(
                "assigned/bob/t-1.yaml", task("t-1", "title: Fix login", "priority: high", "assigned_at: 2026-11-21T12:00:00Z",
                        "dependencies: [t-0, t-2, ghost]", "status: bogus"),
                "done/bob/t-0.yaml", task("t-0", "status: done"),
                "inbox/t-2.yaml", task("t-2")));
        Element card = doc.selectFirst("#card-t-1");
        assertEquals("Fix login", card.selectFirst(".card-title").text());
        assertEquals("tasks/t-1.html", card.selectFirst(".card-title").attr("href"));
        assertEquals("t-1", card.selectFirst(".card-id").text());
        assertEquals("@bob", card.selectFirst(".card-agent").text());
        assertEquals("high", card.selectFirst(".prio").text());
        assertEquals("3d", card.selectFirst(".card-age").text());
        assertEquals("2 open deps", card.selectFirst(".card-deps").text());
        assertTrue(card.hasClass("has-problems"));
        assertEquals("⚠ 3", card.selectFirst(".card-problem").text());
        assertEquals("bob", card.attr("data-agent"));
        assertTrue(card.hasClass("prio-high"), "the filter reads a card's priority from its class");
        Element plain = doc.selectFirst("#card-t-2");
        assertTrue(plain.select(".card-deps, .card-problem, .card-agent, .card-age").isEmpty());
        assertFalse(plain.hasClass("has-problems"));
    }

    @Test
    void anErrorInTheFileMarksTheCardAsErroneous() {
        Document doc = board(build("inbox/a.yaml", task("a"), "inbox/b.yaml", task("a")));
        assertTrue(doc.select(".card .card-problem.error").size() == 2);
    }

    @Test
    void theFiltersOfferAgentsAndPriorities() {
        Document doc = board(build("assigned/zed/a.yaml", task("a"), "assigned/amy/b.yaml", task("b"),
                "archive/c.yaml", task("c", "agent: hidden-agent")));
        assertEquals(List.of("all", "amy", "zed"), texts(doc, "#filter-agent option"));
        assertEquals(List.of("all", "critical", "high", "medium", "normal", "low"), texts(doc, "#filter-priority option"));
    }

    @Test
    void theSiteTitleComesFromTheConfig() {
        Document doc = board(build(config("title: Team <b>X</b>"), Map.of()));
        assertEquals("Board · Team <b>X</b>", doc.title());
        assertEquals("Team <b>X</b>", doc.selectFirst("a.brand").text());
    }
}
