package dev.dashgen.site;

import static dev.dashgen.site.Sites.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** {@code lanes/<lane>.html}: the full list of a lane, in pages of 1,000, and the 404 page. */
class LanePageTest {

    @Test
    void everyLaneHasAListPageEvenTheArchive() {
        Site site = Sites.build("archive/a.yaml", "id: a\ntitle: Old\ncreated_at: 2025-01-01\n");
        for (String lane : List.of("inbox", "assigned", "in_progress", "blocked", "done", "error", "fridge", "archive")) {
            assertTrue(site.files().containsKey("lanes/" + lane + ".html"), lane);
        }
        Document archive = html(site, "lanes/archive.html");
        assertEquals("Archive 1 task", archive.selectFirst("h1").text());
        assertEquals(List.of("Old", "a", "", "normal", "", "23mo", "2025-01-01 00:00 UTC", ""),
                archive.select("#lane-table tbody tr td").stream().map(org.jsoup.nodes.Element::text).toList());
        assertEquals("No tasks in this lane.", html(site, "lanes/blocked.html").selectFirst("p.empty").text());
    }

    @Test
    void aLongLaneIsSplitIntoPages() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 1001; i++) files.put(String.format("archive/a%04d.yaml", i), String.format("id: a%04d\n", i));
        Site site = Sites.build(Config.DEFAULTS, files);
        Document first = html(site, "lanes/archive.html");
        Document second = html(site, "lanes/archive-2.html");
        assertEquals(1000, first.select("#lane-table tbody tr").size());
        assertEquals(1, second.select("#lane-table tbody tr").size());
        assertEquals("a1000", second.selectFirst("#lane-table td.mono").text());
        assertEquals(List.of("archive-2.html"), first.select("nav.pager a").eachAttr("href"));
        assertEquals("1", first.selectFirst("nav.pager strong").text());
        assertEquals("Archive (page 2 of 2) · dashgen", second.title());
    }

    @Test
    void theNotFoundPageLinksFromTheRootWhenTheBaseUrlIsKnown() {
        Config config = Config.DEFAULTS;
        Site relative = Sites.build(Sites.inputs(Sites.workspace(config, Map.of()), config, Sites.NOW, null));
        assertEquals("index.html", html(relative, "404.html").selectFirst("main a").attr("href"));
        Site absolute = Sites.build(Sites.inputs(Sites.workspace(config, Map.of()), config, Sites.NOW,
                "https://me.github.io/repo"));
        assertEquals("https://me.github.io/repo/index.html", html(absolute, "404.html").selectFirst("main a").attr("href"));
        assertEquals("https://me.github.io/repo/assets/style.css", html(absolute, "404.html").selectFirst("link[rel=stylesheet]").attr("href"));
    }
}
