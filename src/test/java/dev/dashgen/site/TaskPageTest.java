package dev.dashgen.site;

import static dev.dashgen.site.Sites.build;
import static dev.dashgen.site.Sites.html;
import static dev.dashgen.site.Sites.json;
import static dev.dashgen.site.Sites.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code tasks/<slug>.html}: every field, the Markdown, links both ways, the lifecycle and the file's path. */
class TaskPageTest {

    @Test
    void theFactsOfATask() {
        Document doc = html(build("assigned/bob/t-1.yaml", "id: t-1\ntitle: Fix login\nstatus: In Progress\npriority: High\n"
                + "mode: deep\ntags: [ui, auth]\nspecification: specifications/login.md\n"), "tasks/t-1.html");
        assertEquals("Fix login · dashgen", doc.title());
        assertEquals("Fix login", doc.selectFirst("#task-title").text());
        assertEquals("t-1", doc.selectFirst("#task-id").text());
        assertEquals("In progress", doc.selectFirst("#task-lane").text());
        assertEquals("In Progress", doc.selectFirst("#task-status").text());
        assertEquals("high", doc.selectFirst("#task-priority").text());
        assertEquals("bob", doc.selectFirst("#task-agent").text());
        assertEquals("assigned/bob/t-1.yaml", doc.selectFirst("#task-file").text());
        assertEquals("in_progress", doc.selectFirst("#task").attr("data-lane"));
        assertEquals("../index.html#lane-in_progress", doc.selectFirst(".crumbs a").attr("href"));
        assertTrue(doc.select(".facts dd").eachText().containsAll(List.of("deep", "ui auth", "specifications/login.md")));
    }

    @Test
    void dependenciesAndDependentsAreLinks() {
        Site site = build(
                "inbox/a.yaml", "id: a\ntitle: Alpha\n",
                "assigned/bob/b.yaml", "id: b\ntitle: Beta\ndependencies: [a, ghost]\n",
                "inbox/c.yaml", "id: c\ntitle: Gamma\ndependencies: [b]\n");
        Document b = html(site, "tasks/b.html");
        Element dep = b.selectFirst("#dependencies li a");
        assertEquals("../tasks/a.html", dep.attr("href"));
        assertEquals("Alpha", dep.text());
        assertEquals(List.of("Alpha a Inbox", "ghost (no such task)"), texts(b, "#dependencies li"));
        assertEquals("../tasks/c.html", b.selectFirst("#dependents li a").attr("href"));
        assertEquals(List.of("Gamma c Inbox"), texts(b, "#dependents li"));
        Document a = html(site, "tasks/a.html");
        assertEquals("Nothing.", a.selectFirst("#dependencies p").text());
        assertEquals(List.of("../tasks/b.html"), a.select("#dependents a").eachAttr("href"));
    }

    @Test
    void everyLinkOnATaskPageResolvesInsideTheSite() {
        Site site = build("inbox/a.yaml", "id: a\ndependencies: [b]\n", "inbox/b.yaml", "id: b\n");
        for (Element link : html(site, "tasks/a.html").select("a[href], link[href], script[src]")) {
            String url = link.hasAttr("href") ? link.attr("href") : link.attr("src");
            String target = java.net.URI.create("tasks/a.html").resolve(url.replaceAll("#.*", "")).getPath();
            assertTrue(site.files().containsKey(target), () -> url + " -> " + target + " is not in the site");
        }
    }

    @Test
    void theLifecycleShowsReadableTimesAndUnreadableOnesRaw() {
        Document doc = html(build("done/bob/t-1.yaml", "id: t-1\nstatus: done\ncreated_at: 2026-11-01T10:00:00Z\n"
                + "assigned_at: 2001-12-14 21:59:43.10 -5\nstarted_at: sometime in march\ncompleted_at: 2026-11-04\n"), "tasks/t-1.html");
        List<Element> steps = doc.select("#timeline li");
        assertEquals(4, steps.size());
        assertEquals("2026-11-01T10:00:00Z", steps.get(0).selectFirst("time").attr("datetime"));
        assertEquals("2026-11-01 10:00 UTC", steps.get(0).selectFirst("time").text());
        assertEquals("2001-12-15T02:59:43.100Z", steps.get(1).selectFirst("time").attr("datetime"));
        assertEquals("sometime in march", steps.get(2).selectFirst(".raw").text());
        assertTrue(steps.get(2).text().contains("(unreadable)"));
        assertEquals("Completed", steps.get(3).selectFirst("strong").text());
        assertTrue(doc.selectFirst("#task-problems").text().contains("unreadable timestamp \"sometime in march\""));
    }

    @Test
    void descriptionIsRenderedMarkdown() {
        Document doc = html(build("inbox/t-1.yaml", "id: t-1\ndescription: |\n  ## Steps\n  - [x] read **this**\n  - [ ] [docs](docs/x.md)\n"),
                "tasks/t-1.html");
        Element md = doc.selectFirst("#description .markdown");
        assertEquals("Steps", md.selectFirst("h2").text());
        assertEquals("this", md.selectFirst("strong").text());
        assertEquals("docs/x.md", md.selectFirst("a").attr("href"));
        assertEquals(2, md.select("input[type=checkbox][disabled]").size());
    }

    @Test
    void resultErrorArtefactsAndOtherFieldsAreShown() {
        Document doc = html(build("done/bob/t-1.yaml", "id: t-1\nstatus: error\nresult:\n  summary: half done\n  next_agent: carol\n"
                + "error: Timeout after 30s\nartefacts: [out/report.md]\nowner: dan\nchecklist: [a, b]\n"), "tasks/t-1.html");
        assertEquals(List.of("half done", "Next agent: carol"), texts(doc, "#result p"));
        assertEquals("Timeout after 30s", doc.selectFirst("#error pre").text());
        assertEquals(List.of("out/report.md"), texts(doc, "#artefacts li"));
        assertEquals(List.of("owner", "checklist"), texts(doc, "#fields dt"));
        assertEquals("dan", doc.select("#fields dd").get(0).text());
        assertEquals("[ \"a\", \"b\" ]", doc.select("#fields dd pre").get(0).text().replaceAll("\\s+", " "));
    }

    @Test
    void duplicateIdsGetTwoPagesWithDistinctNames() {
        Site site = build("inbox/t-1.yaml", "id: t-1\ntitle: First\n", "assigned/bob/copy.yaml", "id: t-1\ntitle: Second\n");
        List<String> urls = json(site, "data/tasks.json").get("tasks").findValuesAsText("url");
        assertEquals(2, urls.size());
        assertNotEquals(urls.get(0), urls.get(1));
        assertTrue(urls.stream().allMatch(u -> u.matches("tasks/t-1[a-z0-9-]*\\.html")), urls::toString);
        List<String> titles = urls.stream().map(u -> html(site, u).selectFirst("#task-title").text()).sorted().toList();
        assertEquals(List.of("First", "Second"), titles);
        for (String u : urls) {
            assertTrue(html(site, u).selectFirst("#task-problems").text().contains("duplicate id \"t-1\" also in"));
        }
    }

    @Test
    void archivedTasksHaveAPageButNoCard() {
        Site site = build("archive/2025/old.yaml", "id: old\ntitle: Old\n");
        assertEquals("Archive", html(site, "tasks/old.html").selectFirst("#task-lane").text());
        assertTrue(html(site, "index.html").select(".card").isEmpty());
        JsonNode t = json(site, "data/tasks.json").get("tasks").get(0);
        assertEquals("archive", t.get("lane").asText());
    }

    @Test
    void aTaskWithoutOptionalFieldsSaysSo() {
        Document doc = html(build("inbox/bare.yaml", "title: Bare\n"), "tasks/bare.html");
        assertEquals("none", doc.selectFirst("#task-status").text());
        assertEquals("none", doc.selectFirst("#task-agent").text());
        assertEquals("No description.", doc.selectFirst("#description p").text());
        assertEquals("No timestamps.", doc.selectFirst("#timeline p").text());
    }
}
