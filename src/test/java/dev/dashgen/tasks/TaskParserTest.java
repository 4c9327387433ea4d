package dev.dashgen.tasks;

import static dev.dashgen.tasks.Tasks.assertNoProblems;
import static dev.dashgen.tasks.Tasks.assertProblem;
import static dev.dashgen.tasks.Tasks.parse;
import static dev.dashgen.tasks.Tasks.parseByStatus;
import static dev.dashgen.tasks.Tasks.problem;
import static dev.dashgen.tasks.Tasks.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRODUCT.md §2: one task file's text to a task and its problems. */
class TaskParserTest {

    // --- the lane table, row by row ------------------------------------------------------------

    @ParameterizedTest(name = "{0} with status ''{1}'' -> {2}, warning: {3}")
    @CsvSource(nullValues = "NONE", value = {
            "inbox/t-1.yaml,               NONE,        INBOX,       false",
            "inbox/t-1.yaml,               done,        INBOX,       false",
            "inbox/t-1.yaml,               blocked,     INBOX,       false",
            "assigned/bob/t-1.yaml,        NONE,        ASSIGNED,    false",
            "assigned/bob/t-1.yaml,        assigned,    ASSIGNED,    false",
            "assigned/bob/t-1.yaml,        in_progress, IN_PROGRESS, false",
            "assigned/bob/t-1.yaml,        blocked,     BLOCKED,     false",
            "assigned/bob/t-1.yaml,        new,         ASSIGNED,    true",
            "assigned/bob/t-1.yaml,        done,        ASSIGNED,    true",
            "assigned/bob/t-1.yaml,        error,       ASSIGNED,    true",
            "done/bob/t-1.yaml,            error,       ERROR,       false",
            "done/bob/t-1.yaml,            done,        DONE,        false",
            "done/bob/t-1.yaml,            completed,   DONE,        false",
            "done/bob/t-1.yaml,            NONE,        DONE,        true",
            "done/bob/t-1.yaml,            in_progress, DONE,        true",
            "done/bob/t-1.yaml,            assigned,    DONE,        true",
            "fridge/t-1.yaml,              NONE,        FRIDGE,      false",
            "fridge/t-1.yaml,              in_progress, FRIDGE,      false",
            "archive/t-1.yaml,             done,        ARCHIVE,     false",
            "archive/2025/q1/t-1.yaml,     blocked,     ARCHIVE,     false",
    })
    void laneComesFromTheFolderFirstThenTheStatus(String file, String status, Lane lane, boolean warning) {
        ParsedFile parsed = status == null ? parse(file, "id: t-1", "title: T")
                : parse(file, "id: t-1", "title: T", "status: " + status);
        assertEquals(lane, parsed.task().lane());
        assertEquals(warning, !parsed.problems().isEmpty(), () -> "problems: " + parsed.problems());
    }

    @Test
    void statusThatDoesNotMatchAssignedFolderIsAWarningNamingBoth() {
        ParsedFile parsed = parse("assigned/bob/t-1.yaml", "id: t-1", "title: T", "status: done");
        assertProblem(parsed, Severity.WARNING, 3, "status \"done\" does not match folder assigned/");
        assertTrue(problem(parsed, "does not match").message().contains("done/<agent>/"));
    }

    @Test
    void doneFolderWithoutDoneStatusIsAWarningOnTheStatusLine() {
        ParsedFile parsed = parse("done/bob/t-1.yaml", "id: t-1", "title: T", "status: blocked");
        assertProblem(parsed, Severity.WARNING, 3, "status \"blocked\" in folder done/");
    }

    @Test
    void doneFolderWithoutAnyStatusSaysSo() {
        ParsedFile parsed = parse("done/bob/t-1.yaml", "id: t-1", "title: T");
        assertProblem(parsed, Severity.WARNING, 0, "no status in folder done/");
    }

    @ParameterizedTest(name = "lanes.source status: {0} with ''{1}'' -> {2}")
    @CsvSource(nullValues = "NONE", value = {
            "inbox/t-1.yaml,          in_progress, IN_PROGRESS",
            "inbox/t-1.yaml,          NONE,        INBOX",
            "inbox/t-1.yaml,          pending,     INBOX",
            "assigned/bob/t-1.yaml,   NONE,        INBOX",
            "assigned/bob/t-1.yaml,   done,        DONE",
            "done/bob/t-1.yaml,       blocked,     BLOCKED",
            "done/bob/t-1.yaml,       assigned,    ASSIGNED",
            "fridge/t-1.yaml,         error,       ERROR",
            "archive/t-1.yaml,        in_progress, ARCHIVE",
    })
    void statusSourceIgnoresTheLaneFolderButNotTheArchive(String file, String status, Lane lane) {
        ParsedFile parsed = status == null ? parseByStatus(file, "id: t-1", "title: T")
                : parseByStatus(file, "id: t-1", "title: T", "status: " + status);
        assertEquals(lane, parsed.task().lane());
        assertTrue(parsed.problems().stream().noneMatch(p -> p.message().contains("folder")), parsed.problems()::toString);
    }

    // --- status and priority normalisation ----------------------------------------------------

    @ParameterizedTest(name = "status ''{0}'' -> {1}")
    @CsvSource({
            "completed, DONE", "Completed, DONE", "pending, NEW", "PENDING, NEW", "new, NEW",
            "In Progress, IN_PROGRESS", "in-progress, IN_PROGRESS", "in progress, IN_PROGRESS",
            "IN_PROGRESS, IN_PROGRESS", "Blocked, BLOCKED", "ERROR, ERROR", "Done, DONE", "assigned, ASSIGNED",
    })
    void statusIsCaseInsensitiveWithAliases(String text, Status status) {
        Task t = task("inbox/t-1.yaml", "id: t-1", "title: T", "status: " + text);
        assertEquals(status, t.status());
        assertEquals(text, t.statusText());
    }

    @Test
    void unknownStatusIsAWarningListingTheAllowedValues() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: T", "status: wip");
        assertNull(parsed.task().status());
        assertProblem(parsed, Severity.WARNING, 3, "unknown status \"wip\"");
        assertTrue(problem(parsed, "unknown status").message().contains(Status.allowed()));
        assertEquals(3, problem(parsed, "unknown status").line());
        assertEquals(1, problem(parsed, "unknown status").column());
    }

    @ParameterizedTest(name = "priority ''{0}'' -> {1}")
    @CsvSource({"critical, CRITICAL", "CRITICAL, CRITICAL", "High, HIGH", "mEdIuM, MEDIUM", "normal, NORMAL", "Low, LOW"})
    void priorityIsCaseInsensitive(String text, Priority priority) {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: T", "priority: " + text);
        assertEquals(priority, parsed.task().priority());
        assertNoProblems(parsed);
    }

    @Test
    void missingPriorityIsNormalWithoutWarning() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: T");
        assertEquals(Priority.NORMAL, parsed.task().priority());
        assertNoProblems(parsed);
    }

    @Test
    void unknownPriorityIsNormalAndAWarning() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: T", "priority: urgent");
        assertEquals(Priority.NORMAL, parsed.task().priority());
        assertProblem(parsed, Severity.WARNING, 3, "unknown priority \"urgent\" — use critical, high, medium, normal or low");
    }

    @Test
    void prioritiesSortMostUrgentFirst() {
        assertEquals(List.of(Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.NORMAL, Priority.LOW),
                List.of(Priority.values()).stream().sorted().toList());
    }

    // --- field fallbacks -------------------------------------------------------------------------

    @Test
    void taskIdIsUsedWhenIdIsMissingWithAWarning() {
        ParsedFile parsed = parse("inbox/t-7.yaml", "task_id: t-7", "title: T");
        assertEquals("t-7", parsed.task().id());
        assertProblem(parsed, Severity.WARNING, 1, "using task_id \"t-7\" — rename task_id to id");
    }

    @Test
    void fileNameIsTheIdWhenThereIsNoIdAtAll() {
        ParsedFile parsed = parse("inbox/fix-login.yaml", "title: Fix login");
        assertEquals("fix-login", parsed.task().id());
        assertProblem(parsed, Severity.WARNING, 1, "no id field; using the file name \"fix-login\"");
    }

    @Test
    void ymlExtensionIsStrippedToo() {
        assertEquals("t-9", task("inbox/t-9.yml", "title: T").id());
    }

    @Test
    void titleFallsBackToTheId() {
        assertEquals("t-1", task("inbox/t-1.yaml", "id: t-1").title());
        assertEquals("t-1", task("inbox/t-1.yaml", "id: t-1", "title: ''").title());
    }

    @Test
    void agentComesFromTheFolderWhenTheFieldIsMissing() {
        assertEquals("bob", task("assigned/bob/t-1.yaml", "id: t-1").agent());
        assertEquals("carol", task("done/carol/t-1.yaml", "id: t-1", "status: done").agent());
        assertNull(task("inbox/t-1.yaml", "id: t-1").agent());
    }

    @Test
    void agentFieldWinsOverTheFolder() {
        assertEquals("alice", task("assigned/bob/t-1.yaml", "id: t-1", "agent: alice").agent());
    }

    @Test
    void idThatDiffersFromTheFileNameIsAWarningOnTheIdLine() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "title: T", "id: t-2");
        assertEquals("t-2", parsed.task().id());
        assertProblem(parsed, Severity.WARNING, 2, "id \"t-2\" differs from the file name \"t-1\"");
    }

    @Test
    void numericIdIsText() {
        ParsedFile parsed = parse("inbox/42.yaml", "id: 42", "title: T");
        assertEquals("42", parsed.task().id());
        assertNoProblems(parsed);
    }

    // --- the other fields ------------------------------------------------------------------------

    @Test
    void everyInterpretedFieldIsRead() {
        Task t = task("assigned/bob/t-1.yaml",
                "id: t-1", "title: Ship it", "status: in_progress", "priority: high",
                "created_at: 2026-11-01T10:00:00Z", "assigned_at: 2026-11-02 10:00:00",
                "started_at: 2026-11-03", "completed_at: 2026-11-04T10:00:00+02:00",
                "description: |", "  # Heading", "  text",
                "artefacts: [out/a.md, out/b.md]", "dependencies: [t-0, t-00]",
                "specification: specifications/x.md", "mode: deep", "tags: [ui, backend]",
                "result:", "  summary: all good", "  next_agent: carol", "error: none");
        assertEquals("Ship it", t.title());
        assertEquals(Lane.IN_PROGRESS, t.lane());
        assertEquals(Priority.HIGH, t.priority());
        assertEquals(Instant.parse("2026-11-01T10:00:00Z"), t.lifecycle().created().instant());
        assertEquals(Instant.parse("2026-11-02T10:00:00Z"), t.lifecycle().assigned().instant());
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), t.lifecycle().started().instant());
        assertEquals(Instant.parse("2026-11-04T08:00:00Z"), t.lifecycle().completed().instant());
        assertEquals("# Heading\ntext\n", t.description());
        assertEquals(List.of("out/a.md", "out/b.md"), t.artefacts());
        assertEquals(List.of("t-0", "t-00"), t.dependencies());
        assertEquals("specifications/x.md", t.specification());
        assertEquals("deep", t.mode());
        assertEquals(List.of("ui", "backend"), t.tags());
        assertEquals("all good", t.resultSummary());
        assertEquals("carol", t.nextAgent());
        assertEquals("none", t.error());
        assertTrue(t.extra().isEmpty(), t.extra()::toString);
    }

    @Test
    void createdAndArtifactsAreAcceptedSpellings() {
        Task t = task("inbox/t-1.yaml", "id: t-1", "created: 2026-11-01", "artifacts: [a.txt]");
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), t.lifecycle().created().instant());
        assertEquals(List.of("a.txt"), t.artefacts());
    }

    @Test
    void aSingleDependencyMayBeWrittenAsText() {
        assertEquals(List.of("t-0"), task("inbox/t-1.yaml", "id: t-1", "dependencies: t-0").dependencies());
    }

    @Test
    void aResultWrittenAsTextIsItsSummary() {
        assertEquals("merged", task("inbox/t-1.yaml", "id: t-1", "result: merged").resultSummary());
    }

    @Test
    void unknownFieldsAreKeptInFileOrder() {
        Task t = task("inbox/t-1.yaml", "id: t-1", "zeta: 1", "owner: dan", "alpha: [x, y]", "meta: {k: v}");
        assertEquals(List.of("zeta", "owner", "alpha", "meta"), List.copyOf(t.extra().keySet()));
        assertEquals("1", t.extra().get("zeta"), "kept as written");
        assertEquals(List.of("x", "y"), t.extra().get("alpha"));
        assertEquals(Map.of("k", "v"), t.extra().get("meta"));
    }

    @Test
    void aListWhereTextBelongsIsAWarningNotACrash() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: [a, b]");
        assertEquals("t-1", parsed.task().title());
        assertProblem(parsed, Severity.WARNING, 2, "title should be a single value, not a list");
    }

    @Test
    void aMappingWhereAListBelongsIsAWarning() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "dependencies: {a: b}");
        assertEquals(List.of(), parsed.task().dependencies());
        assertProblem(parsed, Severity.WARNING, 2, "dependencies should be a list, not a mapping");
    }

    @Test
    void aFieldWrittenTwiceIsAWarningAndTheLastWins() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: A", "title: B");
        assertEquals("B", parsed.task().title());
        assertProblem(parsed, Severity.WARNING, 3, "field \"title\" appears twice");
    }

    @Test
    void fieldLinesAreRemembered() {
        Task t = task("inbox/t-1.yaml", "# comment", "id: t-1", "", "dependencies: [x]");
        assertEquals(2, t.lineOf("id"));
        assertEquals(4, t.lineOf("dependencies"));
        assertEquals(0, t.lineOf("title"));
    }

    // --- timestamps --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-24T16:51:44Z                | 2026-11-24T16:51:44Z",
            "2026-11-24T16:51:44.779728+00:00    | 2026-11-24T16:51:44.779728Z",
            "2026-11-24T18:51:44+02:00           | 2026-11-24T16:51:44Z",
            "'2026-11-24T11:51:44-05:00'         | 2026-11-24T16:51:44Z",
            "2026-11-24 16:51:44                 | 2026-11-24T16:51:44Z",
            "2026-11-24                          | 2026-11-24T00:00:00Z",
            "2001-12-14 21:59:43.10 -5           | 2001-12-15T02:59:43.100Z",
            "2001-12-14t21:59:43.10-05:00        | 2001-12-15T02:59:43.100Z",
            "\"2026-11-24 16:51:44\"             | 2026-11-24T16:51:44Z",
    })
    void timestampsInEveryAcceptedForm(String yamlValue, String expected) {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "created_at: " + yamlValue);
        assertEquals(Instant.parse(expected), parsed.task().lifecycle().created().instant());
        assertNoProblems(parsed);
    }

    @Test
    void anUnreadableTimestampIsAWarningAndKeptRaw() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "started_at: last tuesday");
        Timestamp started = parsed.task().lifecycle().started();
        assertEquals("last tuesday", started.raw());
        assertFalse(started.readable());
        assertEquals("last tuesday", started.display());
        assertProblem(parsed, Severity.WARNING, 2, "unreadable timestamp \"last tuesday\" in started_at");
    }

    @Test
    void anImpossibleDateIsUnreadable() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "completed_at: 2026-02-30");
        assertFalse(parsed.task().lifecycle().completed().readable());
        assertProblem(parsed, Severity.WARNING, 2, "unreadable timestamp \"2026-02-30\"");
    }

    // --- files that are not tasks -------------------------------------------------------------

    @Test
    void unparseableYamlIsAnErrorWithLineAndColumn() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: \"unclosed", "status: new");
        assertNull(parsed.task());
        assertEquals(1, parsed.problems().size());
        assertEquals(Severity.ERROR, parsed.problems().get(0).severity());
        assertTrue(parsed.problems().get(0).message().startsWith("YAML cannot be parsed"), parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).line() >= 2, parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).column() >= 1, parsed.problems()::toString);
    }

    @Test
    void badIndentationIsAnError() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: T", "  status: new", " - x");
        assertNull(parsed.task());
        assertEquals(Severity.ERROR, parsed.problems().get(0).severity());
    }

    @Test
    void aListIsNotAMapping() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "- id: t-1", "- title: T");
        assertNull(parsed.task());
        assertProblem(parsed, Severity.ERROR, 1, "not a mapping: the file holds a list");
    }

    @Test
    void aScalarIsNotAMapping() {
        assertProblem(parse("inbox/t-1.yaml", "just text"), Severity.ERROR, 1, "not a mapping: the file holds a single value");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertProblem(TaskParser.parse("", "inbox/t-1.yaml", LaneSource.FOLDER), Severity.ERROR, 1, "file is empty");
        assertProblem(parse("inbox/t-1.yaml", "# only a comment"), Severity.ERROR, 1, "file is empty");
    }

    @Test
    void twoDocumentsInOneFileAreAnError() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "---", "id: t-2");
        assertNull(parsed.task());
        assertEquals(Severity.ERROR, parsed.problems().get(0).severity());
        assertEquals(2, parsed.problems().get(0).line());
    }

    @Test
    void theProblemsNameTheFileAsGiven() {
        ParsedFile parsed = parse("assigned/bob/deep/t-1.yaml", "title: T", "priority: someday");
        assertTrue(parsed.problems().stream().allMatch(p -> p.file().equals("assigned/bob/deep/t-1.yaml")));
    }

    // --- values keep the text the user wrote ----------------------------------------------------

    @ParameterizedTest(name = "id {0} stays as written")
    @CsvSource({"007", "0042", "1.10", "1e3", "1_000", "+12", "yes", ".5"})
    void numberLikeIdsAndTitlesStayAsWritten(String raw) {
        Task t = task("inbox/" + raw + ".yaml", "id: " + raw, "title: " + raw, "tags: [" + raw + "]");
        assertEquals(raw, t.id());
        assertEquals(raw, t.title());
        assertEquals(List.of(raw), t.tags());
    }

    @Test
    void aDependencyNamedTwiceCountsOnce() {
        Task t = task("inbox/t-1.yaml", "id: t-1", "dependencies: [a, a, ghost, ghost]");
        assertEquals(List.of("a", "ghost"), t.dependencies());
    }

    @Test
    void aTagOnTheWholeDocumentIsRefused() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "--- !foo", "id: t-1");
        assertNull(parsed.task());
        assertProblem(parsed, Severity.ERROR, 1, "remove the tag");
    }

    @Test
    void aJavaTagIsRefusedWithAdviceToRemoveIt() {
        ParsedFile parsed = parse("inbox/t-1.yaml", "id: t-1", "title: !!javax.script.ScriptEngineManager [x]");
        assertNull(parsed.task());
        assertTrue(problem(parsed, "tag").message().contains("remove the tag"), () -> parsed.problems().toString());
    }
}
