package dev.dashgen.demo;

import static dev.dashgen.demo.TaskFiles.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.AgentProfiles;
import dev.dashgen.portfolio.DocumentRefs;
import dev.dashgen.portfolio.Portfolio;
import dev.dashgen.portfolio.Repo;
import dev.dashgen.portfolio.RepoFiles;
import dev.dashgen.portfolio.SpecReader;
import dev.dashgen.portfolio.TextLinks;
import dev.dashgen.site.Markdown;
import dev.dashgen.tasks.Dependency;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo shows issue 15: specifications, ADRs, agent profiles and every dependency form, read back by dashgen's readers. */
class DemoRepositoryTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static Repo repo;

    @BeforeAll
    static void writeTheDemo() throws Exception {
        DemoWriter.write(dir, options(600, 0, 42, 6));
        Path work = dir.resolve(DemoWriter.WORK);
        TaskReader.Result read = TaskReader.read(work, Config.DEFAULT_EXCLUDE, LaneSource.FOLDER);
        ws = Workspace.of(read.files(), read.problems());
        repo = Repo.read(work, "https://github.com/acme/board");
    }

    @Test
    void theDemoFolderIsTheRepositoryRoot() {
        assertEquals(dir.toAbsolutePath().normalize(), repo.root());
        assertEquals("work/collaboration", repo.workPrefix());
    }

    @Test
    void specificationsMakeAPortfolioWithEveryKindOfSpecificationAndEveryUnlinkedReason() {
        SpecReader.Specs specs = SpecReader.read(repo.root(), "specifications", ws.tasks());
        Portfolio p = Portfolio.of(ws.tasks(), specs);
        assertEquals(Arrays.asList("Accounts and access", "Billing", "Platform", null), p.initiatives().stream().map(Portfolio.Initiative::name).toList());
        Portfolio.Initiative none = p.initiatives().get(3);
        assertEquals(List.of("docs/adr/ADR-003-audit-log-storage.md", "specifications/onboarding-plan.md", "specifications/platform/csv-import.md"),
                none.specs().stream().map(s -> s.file().file()).toList());
        assertEquals("Onboarding plan", none.specs().get(1).file().title());
        assertTrue(none.specs().stream().allMatch(s -> !s.tasks().isEmpty()), "each is some task's specification");
        Portfolio.Spec offline = p.initiatives().get(2).specs().stream().filter(s -> s.file().file().endsWith("offline-mode.md")).findFirst().orElseThrow();
        assertEquals(0, offline.tasks().size(), "a specification without tasks still appears");
        assertTrue(p.initiatives().get(0).progress() > 0);
        assertEquals(List.of("specifications/platform/csv-import.md"), specs.problems().stream().map(Problem::file).toList());
        assertEquals(List.of(Portfolio.Reason.values()), List.copyOf(p.unlinkedByReason().keySet()), "every reason shows");
        assertTrue(p.unlinked().stream().anyMatch(u -> "specifications/retired/legacy-reports.md".equals(u.specification())));
    }

    @Test
    void tasksUseEveryDependencyFormAndOnlyTheBrokenFilesDangle() {
        Set<String> forms = new TreeSet<>();
        for (Task t : ws.tasks()) {
            for (Dependency d : t.references()) {
                if (d instanceof Dependency.TaskLink l) {
                    if (l.type() != null) forms.add("mapping");
                    else if (l.note() != null) forms.add("id (note)");
                    else forms.add("id");
                } else {
                    forms.add(d.getClass().getSimpleName());
                }
            }
        }
        assertEquals(Set.of("DocumentRef", "Note", "WebLink", "id", "id (note)", "mapping"), forms);
        List<Problem> dangling = ws.problems().stream().filter(p -> p.message().contains("names no task")).toList();
        assertEquals(1, dangling.size(), dangling::toString); // the DANGLING_DEPENDENCY file, one of six broken ones
        assertEquals(List.of(), DocumentRefs.read(ws.tasks(), repo.root()).problems(), "every document a demo task names exists");
        assertTrue(ws.tasks().stream().anyMatch(t -> "./specifications/accounts/login.md".equals(t.specification())));
        assertTrue(ws.tasks().stream().anyMatch(t -> "specifications/billing/webhooks.md".equals(t.specification())));
    }

    @Test
    void everyAgentHasAProfile() {
        AgentProfiles.Profiles profiles = AgentProfiles.read(repo.root());
        assertEquals(new TreeSet<>(TaskText.AGENTS), profiles.byAgent().keySet());
        assertEquals(".github/agents/writer.md", profiles.of("writer").orElseThrow().file());
        assertEquals(List.of("read", "edit", "terminal", "search"), profiles.of("backend-dev").orElseThrow().tools());
        assertEquals(List.of(), profiles.problems());
    }

    @Test
    void descriptionsMentionAdrsAndTasksThatPagesLink() {
        Map<String, String> urls = new HashMap<>();
        ws.tasks().forEach(t -> urls.put(t.id(), "tasks/" + ws.slug(t) + ".html"));
        TextLinks links = new TextLinks(Config.DEFAULT_LINK_PATTERNS, RepoFiles.list(repo.root(), null), repo.links(), urls);
        int adr = 0;
        int task = 0;
        for (Task t : ws.tasks()) {
            String html = links.html(Markdown.toHtml(t.description()), "../", t.id());
            adr += Jsoup.parseBodyFragment(html).select("a.ref-file").size();
            task += Jsoup.parseBodyFragment(html).select("a.ref-task").size();
        }
        assertTrue(adr > 10 && task > 10, adr + " ADR links, " + task + " task links");
    }
}
