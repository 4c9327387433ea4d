package dev.dashgen.site;

import static dev.dashgen.site.Sites.html;
import static dev.dashgen.site.Sites.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dashgen.config.Config;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §4: untrusted text is escaped for its context, Markdown is sanitised, and no id leaves the output dir. */
class HostileSiteTest {
    static final String SCRIPT_TITLE = "<script>alert('title')</script>";
    static final String HANDLER_TITLE = "\"><img src=x onerror=alert(1)> ' onmouseover='alert(2)";
    static final String SCRIPT_AGENT = "<script>alert('agent')</script>";
    static final String ATTR_AGENT = "\" onmouseover=\"alert(3)";
    static final String FOLDER_AGENT = "<b onmouseover=alert(4)>x";
    static final String DESCRIPTION = """
            Click [me](javascript:alert(5)) or <a href="javascript:alert(6)">me</a>.
            <script>alert(7)</script>
            <img src=x onerror=alert(8)>
            <iframe src="https://evil.invalid"></iframe>

            [fine](https://example.com) and [also bad](JAVASCRIPT:alert(13))
            """;

    private static Site site;

    @BeforeAll
    static void buildOnce() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("inbox/t-script.yaml", "id: t-script\ntitle: \"" + SCRIPT_TITLE + "\"\nagent: \"" + SCRIPT_AGENT + "\"\n"
                + "description: |\n" + DESCRIPTION.indent(2) + "priority: \"<b>urgent</b>\"\nstatus: \"<i>odd</i>\"\n"
                + "\"<script>k</script>\": \"<script>v</script>\"\nerror: \"</pre><script>alert(9)</script>\"\n"
                + "result: {summary: \"<script>r</script>\", next_agent: \"<img src=x onerror=alert(10)>\"}\n"
                + "tags: [\"<script>t</script>\"]\nartefacts: [\"javascript:alert(11)\"]\n"
                + "dependencies: [\"<script>alert(dep)\", \"t-handler\"]\n"); // no slash: a slash makes it a document (§2)
        files.put("inbox/t-handler.yaml", "id: t-handler\ntitle: '" + HANDLER_TITLE.replace("'", "''") + "'\n"
                + "agent: '" + ATTR_AGENT + "'\n");
        files.put("assigned/" + FOLDER_AGENT + "/t-folder.yaml", "id: t-folder\ntitle: Folder agent\n");
        files.put("inbox/escape.yaml", "id: ../../../../tmp/escaped\ntitle: Escape\n");
        files.put("inbox/abs.yaml", "id: /etc/passwd\ntitle: Absolute\n");
        files.put("inbox/quote.yaml", "id: '\" onclick=\"alert(12)'\ntitle: Quote id\n");
        files.put("inbox/bomb.yaml", "id: bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n");
        files.put("inbox/tag.yaml", "id: tag\nx: !!java.net.URL [\"http://evil.invalid\"]\n");
        files.put("inbox/deep.yaml", "id: deep\nx: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        files.put("inbox/big.yaml", "id: big\ndescription: " + "z".repeat(20 * 1024 * 1024) + "\n");
        site = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Sites.build(Config.DEFAULTS, files));
    }

    private static String url(String id) {
        for (JsonNode t : json(site, "data/tasks.json").get("tasks")) {
            if (t.get("id").asText().equals(id)) return t.get("url").asText();
        }
        throw new AssertionError("no task " + id);
    }

    @Test
    void noPageRunsForeignScriptOrHandlers() {
        Sites.assertNoActiveContent(site);
    }

    @Test
    void titlesAreShownAsText() {
        Document board = html(site, "index.html");
        assertEquals(SCRIPT_TITLE, board.selectFirst("#lane-inbox .card-title[href=" + url("t-script") + "]").text());
        assertEquals(HANDLER_TITLE, board.selectFirst("#lane-inbox .card-title[href=" + url("t-handler") + "]").text());
        Document page = html(site, url("t-script"));
        assertEquals(SCRIPT_TITLE, page.selectFirst("#task-title").text());
        assertEquals(SCRIPT_TITLE + " · dashgen", page.title());
    }

    @Test
    void agentNamesAreShownAsText() {
        Document board = html(site, "index.html");
        List<String> agents = board.select(".card").eachAttr("data-agent");
        assertTrue(agents.containsAll(List.of(SCRIPT_AGENT, ATTR_AGENT, FOLDER_AGENT)), agents::toString);
        assertTrue(board.select("#filter-agent option").eachText().containsAll(List.of(SCRIPT_AGENT, ATTR_AGENT, FOLDER_AGENT)));
        assertEquals(FOLDER_AGENT, html(site, url("t-folder")).selectFirst("#task-agent").text());
        assertEquals(SCRIPT_AGENT, html(site, url("t-script")).selectFirst("#task-agent").text());
    }

    @Test
    void descriptionsLoseTheirScriptsAndJavascriptLinks() {
        Element md = html(site, url("t-script")).selectFirst("#description .markdown");
        assertEquals(List.of("https://example.com"), md.select("a[href]").eachAttr("href").stream().filter(h -> !h.isEmpty()).toList());
        assertTrue(md.text().contains("<script>alert(7)</script>"), md::text);
        assertTrue(md.text().contains("<img src=x onerror=alert(8)>"), md::text);
        assertTrue(md.select("script, img, iframe").isEmpty());
    }

    @Test
    void everyOtherFieldIsShownAsText() {
        Document page = html(site, url("t-script"));
        assertEquals("</pre><script>alert(9)</script>", page.selectFirst("#error pre").text());
        assertEquals("<script>r</script>", page.selectFirst("#result p").text());
        assertEquals("<i>odd</i>", page.selectFirst("#task-status").text());
        assertEquals(List.of("<script>k</script>"), page.select("#fields dt").eachText());
        assertTrue(page.select(".facts .pill").eachText().contains("<script>t</script>"));
        assertEquals("javascript:alert(11)", page.selectFirst("#artefacts li").text());
        assertTrue(page.select("#artefacts a").isEmpty());
        assertTrue(page.select("#dependencies li").eachText().contains("<script>alert(dep) (no such task)"));
    }

    @Test
    void problemMessagesQuotingUserTextAreEscaped() {
        Document problems = html(site, "problems.html");
        assertTrue(problems.select("#problems-table td").eachText().stream().anyMatch(t -> t.contains("unknown priority \"<b>urgent</b>\"")));
        assertTrue(problems.select("#problems-table b, #problems-table i").isEmpty());
    }

    @Test
    void idsNeverLeaveTheTasksFolder() {
        for (String path : site.files().keySet()) {
            assertFalse(path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("//"), path);
            assertTrue(path.matches("[a-z0-9._/-]+"), path);
        }
        assertTrue(url("../../../../tmp/escaped").matches("tasks/[a-z0-9][a-z0-9._-]*\\.html"));
        assertTrue(url("/etc/passwd").matches("tasks/[a-z0-9][a-z0-9._-]*\\.html"));
        assertEquals("../../../../tmp/escaped", html(site, url("../../../../tmp/escaped")).selectFirst("#task-id").text());
    }

    @Test
    void anIdWithQuotesCannotBreakOutOfAttributes() {
        Element card = html(site, "index.html").select(".card").stream()
                .filter(c -> c.selectFirst(".card-id").text().equals("\" onclick=\"alert(12)")).findFirst().orElse(null);
        assertTrue(card != null && !card.hasAttr("onclick"));
        assertTrue(card.id().matches("card-[a-z0-9._-]+"), "element ids are made from the page name: " + card.id());
    }

    @Test
    void hostileFilesBecomeProblemsAndTheOthersStillRender() {
        List<String> files = json(site, "data/problems.json").get("problems").findValuesAsText("file");
        assertTrue(files.containsAll(List.of("inbox/bomb.yaml", "inbox/tag.yaml", "inbox/deep.yaml", "inbox/big.yaml")), files::toString);
        for (String id : List.of("bomb", "tag", "deep", "big")) {
            assertTrue(html(site, "index.html").select("#card-" + id).isEmpty(), id);
        }
        assertEquals(6, json(site, "data/tasks.json").get("tasks").size());
    }
}
