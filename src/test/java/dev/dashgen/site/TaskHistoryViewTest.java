package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.history.Transition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The task-history partial: date, from → to, short commit, author, and a link to the commit when the repository is known. */
class TaskHistoryViewTest {
    static final List<Transition> MOVES = List.of(
            new Transition("inbox", Instant.parse("2026-01-05T10:00:00Z"), "0123456789abcdef0123456789abcdef01234567", "Ada <ops>",
                    Instant.parse("2026-01-05T09:00:00Z"), "inbox/x.yaml"),
            new Transition("done", Instant.parse("2026-01-07T16:45:00Z"), "fedcba9876543210fedcba9876543210fedcba98", "Bob",
                    Instant.parse("2026-01-07T16:00:00Z"), "done/bob/x.yaml"));

    private static Document render(List<Transition> moves, String repoUrl, boolean present, boolean shallow) throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("historyRows", TaskHistoryView.rows(moves, repoUrl));
        c.put("historyPresent", present);
        c.put("historyShallow", shallow);
        return Jsoup.parse(new String(Theme.load(null, null).render("task-history", c), StandardCharsets.UTF_8));
    }

    @Test
    void eachMoveWithItsCommitLinked() throws Exception {
        Document doc = render(MOVES, "https://github.com/acme/tasks/", true, false);
        assertEquals(2, doc.select("#history-list li").size());
        assertEquals("2026-01-05 10:00 UTC inbox 0123456 Ada <ops>", doc.select("#history-list li").get(0).text());
        assertEquals("2026-01-07 16:45 UTC inbox → done fedcba9 Bob", doc.select("#history-list li").get(1).text());
        assertEquals("https://github.com/acme/tasks/commit/fedcba9876543210fedcba9876543210fedcba98",
                doc.select("#history-list li").get(1).select("a").attr("href"));
        assertEquals("2026-01-07T16:45:00Z", doc.select("#history-list li time").get(1).attr("datetime"));
    }

    @Test
    void withoutARepositoryUrlCommitsAreText() throws Exception {
        Document doc = render(MOVES, null, true, true);
        assertTrue(doc.select("#history-list a").isEmpty());
        assertEquals("0123456", doc.select("#history-list .mono").get(0).text());
        assertTrue(doc.select(".notice").text().contains("Shallow clone"));
    }

    @Test
    void noHistoryIsSaid() throws Exception {
        assertTrue(render(List.of(), null, false, false).text().contains("No Git history"));
        assertTrue(render(List.of(), null, true, false).text().contains("No commit has moved"));
    }
}
