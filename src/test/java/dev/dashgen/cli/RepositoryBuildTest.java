package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRODUCT.md §2 and §4.2 through the real build: a Git repository with an origin on GitHub, specifications,
 * an agent profile and documents around the work tree, and tasks naming them in every way.
 */
class RepositoryBuildTest {
    @TempDir
    Path tmp;
    Path root;
    Path work;
    Path out;

    @BeforeEach
    void repository() throws Exception {
        root = tmp.resolve("repo");
        work = root.resolve("work/collaboration");
        out = tmp.resolve("site");
        try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            var config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", "git@github.com:acme/board.git");
            config.save();
        }
        Cli.write(root.resolve("specifications/login.md"), "---\nid: SPEC-1\ntitle: Login\ninitiative: Accounts\nstatus: active\n---\n# Login\n");
        Cli.write(root.resolve("specifications/plan.md"), "# The plan\n\nNo front matter.\n");
        Cli.write(root.resolve("specifications/broken.md"), "---\ntitle: [unclosed\n---\n");
        Cli.write(root.resolve("docs/adr/ADR-011-auth.md"), "# ADR-011\n");
        Cli.write(root.resolve(".github/agents/alice.agent.md"),
                "---\nname: Alice\ndescription: Writes the backend\ntools: [bash, git]\n---\nShe <script>alert(1)</script> **ships**.\n");
        Cli.write(work.resolve("inbox/t-1.yaml"), """
                id: t-1
                title: Log in
                agent: alice
                specification: ./specifications/login.md
                description: See ADR-011 and t-2.
                dependencies:
                  - t-2
                  - {type: prerequisite, task_id: t-2, description: Needs the session}
                  - docs/adr/ADR-011-auth.md (context)
                  - docs/missing.md
                  - DDR-011 (completed)
                  - ✅ Tech stack decision - RESOLVED
                  - nope-404
                """);
        Cli.write(work.resolve("done/alice/t-2.yaml"), "id: t-2\ntitle: Sessions\nstatus: done\nspecification: specifications/login.md\n");
        Cli.write(work.resolve("inbox/t-3.yaml"), "id: t-3\ntitle: Unlinked\nspecification: specifications/gone.md\n");
        Cli.write(root.resolve("dashgen.yaml"), "work: work/collaboration\n");
    }

    private Cli.Run build() {
        return Cli.run("build", "-c", root.resolve("dashgen.yaml"), "-o", out, "--now", Cli.NOW);
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(path)));
    }

    private JsonNode json(String path) throws IOException {
        return new ObjectMapper().readTree(out.resolve(path).toFile());
    }

    @Test
    void onlyRealDanglingTaskIdsAndMissingDocumentsWarn() throws IOException {
        assertEquals(0, build().exit());
        List<String> messages = json("data/problems.json").get("problems").findValuesAsText("message");
        assertEquals(1, messages.stream().filter(m -> m.contains("names no task")).count(), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("dependency \"nope-404\" names no task")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("dependency \"docs/missing.md\": document not found")), messages::toString);
        JsonNode files = json("data/problems.json").get("problems");
        assertTrue(files.findValuesAsText("file").contains("work/collaboration/inbox/t-1.yaml"), "named from the repository root");
        assertTrue(files.findValuesAsText("file").contains("specifications/broken.md"), "broken front matter is a problem");
        assertEquals("1 open dep", page("index.html").selectFirst("#card-t-1 .card-deps").text(),
                "t-2 is done; nope-404 still waits; the noted DDR-011 names a record");
    }

    @Test
    void taskPagesLinkTheRepositoryTheAgentAndTheirDependenciesAsWritten() throws IOException {
        assertEquals(0, build().exit());
        Document t1 = page("tasks/t-1.html");
        assertEquals("https://github.com/acme/board/blob/main/work/collaboration/inbox/t-1.yaml",
                t1.selectFirst("#task-file a").attr("href"));
        assertEquals("https://github.com/acme/board/edit/main/work/collaboration/inbox/t-1.yaml", t1.selectFirst("#task-edit").attr("href"));
        assertEquals("https://github.com/acme/board/blob/main/specifications/login.md",
                t1.selectFirst("#task-specification a").attr("href"));
        assertEquals("Login", t1.selectFirst("#task-specification a").text());
        assertEquals("../agents/alice.html", t1.selectFirst("#task-agent a").attr("href"));
        List<String> deps = t1.select("#dependencies li").eachText();
        assertEquals("Sessions t-2 Done", deps.get(0));
        assertEquals("Sessions t-2 Done prerequisite — Needs the session", deps.get(1));
        assertEquals("docs/adr/ADR-011-auth.md (context)", deps.get(2));
        assertEquals("https://github.com/acme/board/blob/main/docs/adr/ADR-011-auth.md",
                t1.select("#dependencies li").get(2).selectFirst("a").attr("href"));
        assertEquals("docs/missing.md (document not found)", deps.get(3));
        assertEquals("DDR-011 (completed)", deps.get(4));
        assertEquals("✅ Tech stack decision - RESOLVED", deps.get(5));
        assertEquals("nope-404 (no such task)", deps.get(6));
        assertEquals("https://github.com/acme/board/blob/main/docs/adr/ADR-011-auth.md",
                t1.selectFirst("#description a:containsOwn(ADR-011)").attr("href"), "links.patterns");
        assertEquals("../tasks/t-2.html", t1.selectFirst("#description a:containsOwn(t-2)").attr("href"), "task ids in text");
        assertEquals(List.of("Needed by"), page("tasks/t-2.html").select("#dependents h2").eachText());
        assertEquals(List.of("../tasks/t-1.html"), page("tasks/t-2.html").select("#dependents a").eachAttr("href"));
    }

    @Test
    void cardsShowTheSpecificationAndLinkTheAgent() throws IOException {
        assertEquals(0, build().exit());
        Document board = page("index.html");
        assertEquals("Login", board.selectFirst("#card-t-1 .card-spec").text());
        assertEquals("agents/alice.html", board.selectFirst("#card-t-1 a.card-agent").attr("href"));
        assertNull(board.selectFirst("#card-t-3 .card-spec"), "a specification that is not there is no tag");
        assertEquals("portfolio.html", board.selectFirst("header nav a:containsOwn(Portfolio)").attr("href"));
    }

    @Test
    void agentPagesShowTheProfileSanitisedAndTheOverviewCountsOpenAndFinishedWork() throws IOException {
        assertEquals(0, build().exit());
        Document alice = page("agents/alice.html");
        assertEquals("Alice", alice.selectFirst("#agent-profile-name").text());
        assertEquals("Writes the backend", alice.selectFirst("#agent-profile-description").text());
        assertEquals(List.of("bash", "git"), alice.select("#agent-profile-tools .pill").eachText());
        assertTrue(alice.select("#agent-profile-body script").isEmpty());
        assertEquals("ships", alice.selectFirst("#agent-profile-body strong").text());
        List<String> header = page("agents.html").select("#agents-table th").eachText();
        List<String> row = page("agents.html").select("#agents-table tbody tr").get(0).select("td").eachText();
        assertEquals("0", row.get(header.indexOf("Open WIP")), "t-1 is in the inbox, t-2 done");
        assertEquals("0", row.get(header.indexOf("Done 30d")), "t-2 has no completion time");
    }

    @Test
    void thePortfolioGroupsSpecificationsByInitiativeAndListsUnlinkedTasksByReason() throws IOException {
        assertEquals(0, build().exit());
        JsonNode p = json("data/portfolio.json");
        JsonNode accounts = p.get("initiatives").get(0);
        assertEquals("Accounts", accounts.get("name").asText());
        assertEquals(50, accounts.get("progress").asInt());
        List<String> ids = new java.util.ArrayList<>();
        accounts.get("specs").get(0).get("taskIds").forEach(n -> ids.add(n.asText()));
        assertEquals(List.of("t-1", "t-2"), ids);
        assertTrue(p.get("unlinked").toString().contains("\"specifications/gone.md\""), p.get("unlinked")::toString);
        Document page = page("portfolio.html");
        assertTrue(page.text().contains("The plan"), "a file without front matter takes its first heading");
    }
}
