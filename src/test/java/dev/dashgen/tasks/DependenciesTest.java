package dev.dashgen.tasks;

import static dev.dashgen.tasks.Tasks.assertNoProblems;
import static dev.dashgen.tasks.Tasks.assertProblem;
import static dev.dashgen.tasks.Tasks.parse;
import static dev.dashgen.tasks.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Severity;
import dev.dashgen.tasks.Dependency.DocumentRef;
import dev.dashgen.tasks.Dependency.Note;
import dev.dashgen.tasks.Dependency.TaskLink;
import dev.dashgen.tasks.Dependency.WebLink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRODUCT.md §2: each dependency item is read for what it is, as hand- and agent-written task files write them. */
class DependenciesTest {

    private static Task deps(String... lines) {
        String[] all = new String[lines.length + 2];
        all[0] = "id: t-1";
        all[1] = "dependencies:";
        for (int i = 0; i < lines.length; i++) all[i + 2] = "  " + lines[i];
        ParsedFile parsed = parse("inbox/t-1.yaml", all);
        assertNoProblems(parsed);
        return parsed.task();
    }

    @Test
    void aBareIdIsATaskLink() {
        Task t = deps("- 2026-02-11T1100-x");
        assertEquals(List.of(new TaskLink("2026-02-11T1100-x", null, null, null)), t.references());
        assertEquals(List.of("2026-02-11T1100-x"), t.dependencies());
    }

    @Test
    void aMappingWithTaskIdIsATaskLinkWithItsTypeAndDescription() {
        Task t = deps("- type: prerequisite", "  task_id: 2026-02-11T1100-x", "  description: Needs the schema first");
        assertEquals(List.of(new TaskLink("2026-02-11T1100-x", "prerequisite", "Needs the schema first", null)), t.references());
        assertEquals(List.of("2026-02-11T1100-x"), t.dependencies());
    }

    @Test
    void aMappingMayNameItsTaskWithIdAndCarryOtherKeysAsANote() {
        Task t = deps("- {id: t-0, type: synergy, status: done, owner: ann}");
        assertEquals(List.of(new TaskLink("t-0", "synergy", null, "status: done; owner: ann")), t.references());
    }

    @Test
    void aMappingWithoutATaskIdIsANoteNotAProblem() {
        Task t = deps("- type: parallel", "  description: Shares the auth module with the billing work");
        assertEquals(List.of(new Note("type: parallel; description: Shares the auth module with the billing work")), t.references());
        assertEquals(List.of(), t.dependencies());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NONE", value = {
            "docs/architecture/adrs/ADR-011-x.md                | docs/architecture/adrs/ADR-011-x.md | NONE",
            "docs/adr/ADR-011.md (context)                      | docs/adr/ADR-011.md                 | context",
            "PLAN.md                                            | PLAN.md                             | NONE",
            "specs/api.yaml (the contract, v2)                  | specs/api.yaml                      | the contract, v2",
            "../outside/secret.md                               | ../outside/secret.md                | NONE",
            "'`docs/notes.txt`'                                 | docs/notes.txt                      | NONE",
            "'[ADR-011](docs/adr/ADR-011.md)'                   | docs/adr/ADR-011.md                 | ADR-011",
            "docs/design.md#storage (see (b))                   | docs/design.md#storage              | see (b)",
    })
    void aPathIsADocumentReferenceWithItsNote(String item, String path, String note) {
        Task t = deps("- " + item);
        assertEquals(List.of(new DocumentRef(path, note)), t.references());
        assertEquals(List.of(), t.dependencies(), "a document is never a task dependency");
    }

    @Test
    void anIdFollowedByANoteIsTheIdWithTheNote() {
        Task t = deps("- DDR-011 (completed)", "- 2026-02-11T1100-x   (see the review)", "- t-9(no space: part of the id)");
        assertEquals(List.of(new TaskLink("DDR-011", null, null, "completed"),
                new TaskLink("2026-02-11T1100-x", null, null, "see the review")), t.references().subList(0, 2));
        assertEquals(List.of("DDR-011", "2026-02-11T1100-x"), t.dependencies().subList(0, 2));
        assertTrue(t.references().get(2) instanceof Note, "a word with a space inside the parentheses is text");
    }

    @Test
    void freeTextWithSpacesIsANote() {
        Task t = deps("- ✅ Tech stack decision - RESOLVED", "- Waiting for legal review (maybe next week)", "- (optional)");
        assertEquals(List.of(new Note("✅ Tech stack decision - RESOLVED"), new Note("Waiting for legal review (maybe next week)"),
                new Note("(optional)")), t.references());
        assertEquals(List.of(), t.dependencies());
    }

    @Test
    void webAddressesAreWebLinks() {
        Task t = deps("- https://github.com/acme/api/issues/12 (upstream bug)", "- '[RFC](https://example.org/rfc)'");
        assertEquals(List.of(new WebLink("https://github.com/acme/api/issues/12", "upstream bug"),
                new WebLink("https://example.org/rfc", "RFC")), t.references());
    }

    @Test
    void commaSeparatedIdsAreSeveralLinksAndPlaceholdersAreNothing() {
        assertEquals(List.of("t-0", "t-2"), task("inbox/t-1.yaml", "id: t-1", "dependencies: t-0, t-2").dependencies());
        assertEquals(List.of(), task("inbox/t-1.yaml", "id: t-1", "dependencies: none").references());
        assertEquals(List.of(), deps("- N/A", "- ''", "- ", "- null").references());
    }

    @Test
    void everyFormInOneListKeepsItsOrderAndTheIdsStayDistinct() {
        Task t = deps("- t-0", "- {task_id: t-0, type: prerequisite}", "- docs/x.md", "- Talk to ann first", "- t-2 (done)");
        assertEquals(5, t.references().size());
        assertEquals(List.of("t-0", "t-2"), t.dependencies());
        assertTrue(t.references().get(2) instanceof DocumentRef);
        assertTrue(t.references().get(3) instanceof Note);
    }

    // --- hostile variants ------------------------------------------------------------------------------------

    @Test
    void aJavascriptTaskIdStaysAnIdAndNeverBecomesALink() {
        Task t = deps("- {task_id: 'javascript:alert(1)', type: prerequisite}", "- javascript:alert(document.cookie)");
        assertEquals(new TaskLink("javascript:alert(1)", "prerequisite", null, null), t.references().get(0));
        assertTrue(t.references().get(1) instanceof TaskLink, "an id, not a web link: " + t.references().get(1));
        assertTrue(t.references().stream().noneMatch(d -> d instanceof WebLink || d instanceof DocumentRef));
    }

    @Test
    void aListInsideAMappingIsNotedAndWarnedAbout() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "dependencies:", "  - task_id: [t-2, t-3]", "    type: prerequisite");
        assertProblem(parsed, Severity.WARNING, 2, "task_id should be a single value, not a list");
        assertEquals(List.of(new Note("task_id: t-2, t-3; type: prerequisite")), parsed.task().references());
        assertEquals(List.of(), parsed.task().dependencies());
    }

    @Test
    void aListInsideTheListIsNotedAndWarnedAbout() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "dependencies:", "  - [t-2, {a: [b, {c: d}]}]");
        assertProblem(parsed, Severity.WARNING, 2, "item 1 is a list inside the list");
        assertEquals(List.of(new Note("t-2, a: b, c: d")), parsed.task().references());
    }

    @Test
    void aMappingInsteadOfAListIsStillAWarning() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "dependencies: {task_id: t-0}");
        assertProblem(parsed, Severity.WARNING, 2, "dependencies should be a list, not a mapping");
        assertEquals(List.of(), parsed.task().references());
    }

    @Test
    void thousandsOfJunkItemsGiveAFewWarningsNotThousands() {
        StringBuilder yaml = new StringBuilder("id: t-1\ndependencies:\n");
        for (int i = 0; i < 500; i++) yaml.append("  - [x").append(i).append("]\n");
        ParsedFile parsed = TaskParser.parse(yaml.toString(), "inbox/t-1.yaml", LaneSource.FOLDER);
        assertEquals(11, parsed.problems().size(), parsed.problems()::toString);
        assertTrue(parsed.problems().get(10).message().contains("490 more"), parsed.problems().get(10)::toString);
    }

    @Test
    void tenThousandItemsOfEveryFormReadInLinearTime() {
        StringBuilder yaml = new StringBuilder("id: t-1\ndependencies:\n");
        for (int i = 0; i < 10_000; i++) {
            switch (i % 5) {
                case 0 -> yaml.append("  - t-").append(i).append('\n');
                case 1 -> yaml.append("  - {task_id: t-").append(i).append(", type: prerequisite, description: d}\n");
                case 2 -> yaml.append("  - docs/d").append(i).append(".md (note)\n");
                case 3 -> yaml.append("  - t-").append(i).append(" (done)\n");
                default -> yaml.append("  - free text number ").append(i).append('\n');
            }
        }
        String text = yaml.toString();
        Task t = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> TaskParser.parse(text, "inbox/t-1.yaml", LaneSource.FOLDER).task());
        assertEquals(10_000, t.references().size());
        assertEquals(6_000, t.dependencies().size());
    }
}
