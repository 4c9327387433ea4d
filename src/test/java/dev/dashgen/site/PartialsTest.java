package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.AgentProfiles;
import dev.dashgen.portfolio.DocumentRefs;
import dev.dashgen.portfolio.RepoLinks;
import dev.dashgen.tasks.Task;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The partials the lead includes: an agent's profile, and a task's dependencies in every form. */
class PartialsTest {
    private static final RepoLinks LINKS = PortfolioFixture.LINKS;

    private static Document render(String template, Map<String, Object> context) {
        return Jsoup.parseBodyFragment(new String(Sites.theme().render(template, context), StandardCharsets.UTF_8));
    }

    @Test
    void aProfileShowsNameDescriptionToolsAndItsBodySanitised() {
        String text = """
                ---
                name: Backend <b>dev</b>
                description: Builds the API
                tools: [read, edit, "<img src=x onerror=alert(1)>"]
                ---
                # Role
                You build **APIs**. <script>alert('x')</script> <div onclick="x()">raw</div>
                [click](javascript:alert(1)) [docs](https://example.org)
                """;
        AgentProfileView view = AgentProfileView.of(AgentProfiles.parse(text, ".github/agents/backend-dev.agent.md", "backend-dev").profile(), LINKS);
        Map<String, Object> c = new HashMap<>();
        c.put("profile", view);
        Document doc = render("agent-profile", c);
        assertEquals("Backend <b>dev</b>", doc.selectFirst("#agent-profile-name").text());
        assertEquals("Builds the API", doc.selectFirst("#agent-profile-description").text());
        assertEquals(List.of("read", "edit", "<img src=x onerror=alert(1)>"), doc.select("#agent-profile-tools .pill").eachText());
        Element body = doc.selectFirst("#agent-profile-body");
        assertEquals("Role", body.selectFirst("h1").text());
        assertEquals("APIs", body.selectFirst("strong").text());
        assertEquals(0, doc.select("script, img, div[onclick], [onerror]").size(), doc.html());
        assertTrue(body.text().contains("<script>alert('x')</script>"), "raw HTML is shown as text: " + body.text());
        assertEquals(List.of("", "https://example.org"), body.select("a").eachAttr("href"), "no javascript: link");
        assertEquals("https://github.com/acme/board/blob/main/.github/agents/backend-dev.agent.md",
                doc.selectFirst(".agent-profile p.muted a").attr("href"));
        assertEquals(Markdown.toHtml(AgentProfiles.parse(text, "f", "a").profile().body()), view.bodyHtml(),
                "rendered exactly like a task description");
    }

    @Test
    void noProfileShowsNothing() {
        Map<String, Object> c = new HashMap<>();
        c.put("profile", null);
        assertEquals("", render("agent-profile", c).body().html().strip());
    }

    @Test
    void everyDependencyFormShowsForWhatItIs() {
        Workspace ws = Sites.workspace(Config.DEFAULTS, Sites.files(
                "inbox/t-0.yaml", "id: t-0\ntitle: The schema\n",
                "inbox/t-1.yaml", """
                        id: t-1
                        dependencies:
                          - {type: prerequisite, task_id: t-0, description: Needs the schema}
                          - docs/adr/ADR-011-x.md (context)
                          - docs/missing.md
                          - ../../etc/passwd
                          - DDR-011 (completed)
                          - ✅ Tech stack decision - RESOLVED
                          - {task_id: "javascript:alert(1)"}
                          - https://example.org/rfc (upstream)
                          - {type: synergy, description: "<b>shares</b> auth"}
                        """));
        Task t = ws.byId().get("t-1");
        Map<String, TaskView> views = new HashMap<>();
        for (int i = 0; i < ws.tasks().size(); i++) views.put(ws.tasks().get(i).id(), TaskView.of(ws, i, "Inbox", Sites.NOW, null, null));
        DocumentRefs.Result docs = DocumentRefs.check(ws.tasks(),
                p -> p.equals("docs/adr/ADR-011-x.md") ? DocumentRefs.Lookup.FOUND : DocumentRefs.Lookup.MISSING);
        Map<String, Object> c = new HashMap<>();
        c.put("root", "../");
        c.put("dependencyForms", DependencyView.of(t, views::get, docs, LINKS));
        Document doc = render("task-dependencies", c);
        List<Element> items = doc.select("#dependencies li");
        assertEquals(9, items.size());
        assertEquals("../tasks/t-0.html", items.get(0).selectFirst("a").attr("href"));
        assertEquals("The schema t-0 Inbox prerequisite — Needs the schema", items.get(0).text());
        assertEquals("https://github.com/acme/board/blob/main/docs/adr/ADR-011-x.md", items.get(1).selectFirst("a").attr("href"));
        assertEquals("docs/adr/ADR-011-x.md (context)", items.get(1).text());
        assertEquals("docs/missing.md (document not found)", items.get(2).text());
        assertNull(items.get(2).selectFirst("a"));
        assertEquals("../../etc/passwd (outside the repository)", items.get(3).text());
        assertNull(items.get(3).selectFirst("a"));
        assertEquals("DDR-011 (completed)", items.get(4).text());
        assertEquals("✅ Tech stack decision - RESOLVED", items.get(5).text());
        assertEquals("javascript:alert(1) (no such task)", items.get(6).text());
        assertNull(items.get(6).selectFirst("a"), "a javascript: task id is never a link");
        assertEquals("https://example.org/rfc", items.get(7).selectFirst("a").attr("href"));
        assertEquals("type: synergy; description: <b>shares</b> auth", items.get(8).text());
        assertEquals(List.of("../tasks/t-0.html", "https://github.com/acme/board/blob/main/docs/adr/ADR-011-x.md", "https://example.org/rfc"),
                doc.select("a").eachAttr("href"));
        assertEquals(0, doc.select("b").size());
    }

    @Test
    void withoutARepositoryUrlAFoundDocumentIsText() {
        Workspace ws = Sites.workspace(Config.DEFAULTS, Sites.files("inbox/t-1.yaml", "id: t-1\ndependencies: [docs/a.md]\n"));
        Task t = ws.tasks().get(0);
        List<DependencyView> views = DependencyView.of(t, id -> null, DocumentRefs.check(ws.tasks(), p -> DocumentRefs.Lookup.FOUND),
                RepoLinks.NONE);
        assertEquals("unlinked", views.get(0).state());
        Map<String, Object> c = new HashMap<>();
        c.put("root", "../");
        c.put("dependencyForms", views);
        assertEquals("docs/a.md", render("task-dependencies", c).selectFirst("#dependencies li").text());
    }
}
