package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md §4.2: agent profiles from .github/agents/, front matter and body. */
class AgentProfilesTest {
    @TempDir
    Path repo;

    @Test
    void frontMatterGivesNameDescriptionAndToolsAsAListOrALine() {
        AgentProfile p = AgentProfiles.parse("---\nname: Backend developer\ndescription: Builds the API\ntools: ['read', 'edit', search]\n---\n# Hi\n",
                ".github/agents/backend-dev.agent.md", "backend-dev").profile();
        assertEquals(new AgentProfile("backend-dev", ".github/agents/backend-dev.agent.md", "Backend developer", "Builds the API",
                List.of("read", "edit", "search"), "# Hi\n"), p);
        assertEquals(List.of("read", "edit", "search"), AgentProfiles.parse("---\ntools: read, edit,search, read\n---\n", "f", "a").profile().tools());
        assertEquals(List.of("read", "edit"), AgentProfiles.parse("---\ntools: \"['read', 'edit']\"\n---\n", "f", "a").profile().tools());
    }

    @Test
    void withoutFrontMatterTheNameIsTheAgentAndTheWholeFileIsTheBody() {
        AgentProfile p = AgentProfiles.parse("You review code.\n", "f", "reviewer").profile();
        assertEquals("reviewer", p.name());
        assertEquals("You review code.\n", p.body());
        assertEquals(List.of(), p.tools());
    }

    @Test
    void brokenFrontMatterIsAWarningAndTheProfileStillShowsItsName() {
        AgentProfiles.Parsed parsed = AgentProfiles.parse("---\nname: [unclosed\n---\nbody\n", ".github/agents/x.md", "x");
        assertEquals("x", parsed.profile().name());
        assertEquals(".github/agents/x.md", parsed.problems().get(0).file());
        assertTrue(parsed.problems().get(0).message().startsWith("front matter: YAML cannot be parsed"));
        assertEquals("front matter: tools should be a list or a comma-separated line, not a mapping — write tools: [read, edit]",
                AgentProfiles.parse("---\ntools: {a: b}\n---\n", "f", "a").problems().get(0).message());
    }

    @Test
    void theFolderIsReadAndAgentMdWinsOverMd() throws Exception {
        Path dir = Files.createDirectories(repo.resolve(".github/agents"));
        Files.writeString(dir.resolve("planner.agent.md"), "---\nname: Planner\n---\nPlans.\n");
        Files.writeString(dir.resolve("planner.md"), "---\nname: Old planner\n---\n");
        Files.writeString(dir.resolve("Writer.md"), "Writes.\n");
        Files.writeString(dir.resolve("notes.txt"), "not a profile");
        Files.writeString(dir.resolve("broken.agent.md"), "---\nname: 'x\n---\n");
        AgentProfiles.Profiles profiles = AgentProfiles.read(repo);
        assertEquals(List.of("Writer", "broken", "planner"), List.copyOf(profiles.byAgent().keySet()));
        assertEquals("Planner", profiles.of("planner").orElseThrow().name());
        assertEquals(".github/agents/planner.agent.md", profiles.of("planner").orElseThrow().file());
        assertEquals("Writer", profiles.of("writer").orElseThrow().agent(), "a name differing in case still finds it");
        assertEquals(List.of(".github/agents/broken.agent.md"), profiles.problems().stream().map(Problem::file).toList());
        assertEquals(AgentProfiles.Profiles.NONE, AgentProfiles.read(repo.resolve("nowhere")));
    }
}
