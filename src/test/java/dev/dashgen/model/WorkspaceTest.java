package dev.dashgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problems across files (duplicates, dangling and cyclic dependencies), dependents and page slugs. */
class WorkspaceTest {

    /** Alternating file path and YAML text. */
    private static Workspace ws(String... pathAndText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) files.put(pathAndText[i], pathAndText[i + 1]);
        return of(files);
    }

    private static Workspace of(Map<String, String> files) {
        List<ParsedFile> parsed = new ArrayList<>();
        files.forEach((file, text) -> parsed.add(TaskParser.parse(text, file, LaneSource.FOLDER)));
        return Workspace.of(parsed, List.of());
    }

    private static List<String> messages(Workspace ws) {
        return ws.problems().stream().map(Problem::toString).toList();
    }

    private static Problem only(Workspace ws, String fragment) {
        List<Problem> found = ws.problems().stream().filter(p -> p.message().contains(fragment)).toList();
        assertEquals(1, found.size(), () -> "expected one problem containing \"" + fragment + "\" in " + messages(ws));
        return found.get(0);
    }

    @Test
    void tasksAreInIdOrderWhateverTheFileOrder() {
        Workspace ws = ws("inbox/b.yaml", "id: b\n", "inbox/c.yaml", "id: c\n", "inbox/a.yaml", "id: a\n");
        assertEquals(List.of("a", "b", "c"), ws.tasks().stream().map(Task::id).toList());
    }

    @Test
    void duplicateIdsNameBothFilesAndBothKeepAPageOfTheirOwn() {
        Workspace ws = ws("inbox/t-1.yaml", "id: t-1\ntitle: First\n",
                "assigned/bob/other.yaml", "title: Second\nid: t-1\n");
        List<Problem> dups = ws.problems().stream().filter(p -> p.message().startsWith("duplicate id")).toList();
        assertEquals(2, dups.size(), messages(ws)::toString);
        Problem inOther = dups.stream().filter(p -> p.file().equals("assigned/bob/other.yaml")).findFirst().orElseThrow();
        Problem inFirst = dups.stream().filter(p -> p.file().equals("inbox/t-1.yaml")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, inOther.severity());
        assertEquals(2, inOther.line());
        assertTrue(inOther.message().contains("also in inbox/t-1.yaml"), inOther::toString);
        assertTrue(inFirst.message().contains("also in assigned/bob/other.yaml"), inFirst::toString);
        assertEquals(2, ws.tasks().size());
        String a = ws.slug(ws.tasks().get(0));
        String b = ws.slug(ws.tasks().get(1));
        assertNotEquals(a, b);
        assertTrue(a.startsWith("t-1") && b.startsWith("t-1"), a + " " + b);
    }

    @Test
    void aDanglingDependencyIsAWarningOnTheDependenciesLine() {
        Workspace ws = ws("inbox/t-1.yaml", "id: t-1\ntitle: T\ndependencies: [t-0, ghost]\n", "inbox/t-0.yaml", "id: t-0\n");
        Problem p = only(ws, "ghost");
        assertEquals(Severity.WARNING, p.severity());
        assertEquals("inbox/t-1.yaml", p.file());
        assertEquals(3, p.line());
        assertEquals("dependency \"ghost\" names no task — fix the id or remove it", p.message());
    }

    /** The forms real task files use (PRODUCT.md §2): only a task id that names no task is a problem. */
    @Test
    void onlyRealDanglingTaskIdsWarnWhateverFormTheDependenciesTake() {
        Workspace ws = ws("inbox/t-0.yaml", "id: t-0\n", "inbox/t-1.yaml", """
                id: t-1
                dependencies:
                  - type: prerequisite
                    task_id: t-0
                    description: the schema first
                  - docs/architecture/adrs/ADR-011-x.md
                  - docs/adr/ADR-011.md (context)
                  - t-0 (completed)
                  - ✅ Tech stack decision - RESOLVED
                  - {type: synergy, description: shares the auth module}
                  - ghost
                """);
        assertEquals(List.of("inbox/t-1.yaml:2: warning: dependency \"ghost\" names no task — fix the id or remove it"), messages(ws));
        assertEquals(List.of("t-1"), ws.dependents().get("t-0").stream().map(Task::id).toList());
    }

    @Test
    void aMappingDependencyCountsInCycles() {
        Workspace ws = ws("inbox/a.yaml", "id: a\ndependencies:\n  - {task_id: b, type: prerequisite}\n",
                "inbox/b.yaml", "id: b\ndependencies:\n  - a (needed first)\n");
        assertEquals("dependency cycle a → b → a — remove one of these dependencies", only(ws, "cycle").message());
    }

    @Test
    void dependentsAreTheReverseLinks() {
        Workspace ws = ws("inbox/a.yaml", "id: a\n", "inbox/b.yaml", "id: b\ndependencies: [a]\n",
                "inbox/c.yaml", "id: c\ndependencies: [a, b]\n");
        assertEquals(List.of("b", "c"), ws.dependents().get("a").stream().map(Task::id).toList());
        assertEquals(List.of("c"), ws.dependents().get("b").stream().map(Task::id).toList());
        assertEquals(List.of(), ws.problems());
    }

    @Test
    void aCycleIsOneErrorNamingItsTasksInOrder() {
        Workspace ws = ws("inbox/c.yaml", "id: c\ndependencies: [a]\n", "inbox/a.yaml", "id: a\ndependencies: [b]\n",
                "inbox/b.yaml", "id: b\ndependencies: [c]\n", "inbox/d.yaml", "id: d\ndependencies: [a]\n");
        Problem p = only(ws, "dependency cycle");
        assertEquals(Severity.ERROR, p.severity());
        assertEquals("inbox/a.yaml", p.file());
        assertEquals(2, p.line());
        assertEquals("dependency cycle a → b → c → a — remove one of these dependencies", p.message());
    }

    @Test
    void aTaskThatDependsOnItselfIsACycle() {
        assertEquals("dependency cycle a → a — remove one of these dependencies",
                only(ws("inbox/a.yaml", "id: a\ndependencies: [a]\n"), "cycle").message());
    }

    @Test
    void twoSeparateCyclesAreTwoProblems() {
        Workspace ws = ws("inbox/a.yaml", "id: a\ndependencies: [b]\n", "inbox/b.yaml", "id: b\ndependencies: [a]\n",
                "inbox/x.yaml", "id: x\ndependencies: [y]\n", "inbox/y.yaml", "id: y\ndependencies: [x]\n");
        assertEquals(2, ws.problems().stream().filter(p -> p.message().contains("cycle")).count());
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        Map<String, String> files = new LinkedHashMap<>();
        int n = 20_000;
        for (int i = 0; i < n; i++) files.put("inbox/t" + i + ".yaml", "id: t" + i + "\ndependencies: [t" + ((i + 1) % n) + "]\n");
        Workspace ws = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> of(files));
        assertEquals(1, ws.problems().size());
        String message = ws.problems().get(0).message();
        assertTrue(message.startsWith("dependency cycle t0 → t1 → t2 → "), () -> message.substring(0, 100));
        assertTrue(message.contains("(19990 more)") && message.length() < 300, message);
    }

    @Test
    void problemsAreSortedByFileLineColumn() {
        Workspace ws = ws("inbox/b.yaml", "id: b\npriority: x\nstatus: y\n", "inbox/a.yaml", "id: zz\n");
        List<Problem> sorted = new ArrayList<>(ws.problems());
        sorted.sort(Problem.ORDER);
        assertEquals(sorted, ws.problems());
        assertEquals("inbox/a.yaml", ws.problems().get(0).file());
    }

    @Test
    void readProblemsAreKept() {
        Problem unread = Problem.warning("completed/", 0, 0, "3 task file(s) in completed/ are not read");
        Workspace ws = Workspace.of(List.of(), List.of(unread));
        assertEquals(List.of(unread), ws.problems());
        assertEquals(1, ws.count(Severity.WARNING));
        assertEquals(0, ws.count(Severity.ERROR));
    }

    @Test
    void aFileThatIsNotATaskKeepsItsProblemButHasNoTask() {
        Workspace ws = ws("inbox/a.yaml", "- not a mapping\n", "inbox/b.yaml", "id: b\n");
        assertEquals(List.of("b"), ws.tasks().stream().map(Task::id).toList());
        assertEquals("inbox/a.yaml", ws.problems().get(0).file());
        assertEquals(1, ws.problemsOf("inbox/a.yaml").size());
    }

    @Test
    void theModelDoesNotDependOnTheOrderFilesWereRead() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) files.put("inbox/t" + i + ".yaml", "id: t" + (i % 7) + "\ndependencies: [t" + (i % 5) + ", nope]\n");
        List<Map.Entry<String, String>> shuffled = new ArrayList<>(files.entrySet());
        Collections.shuffle(shuffled, new java.util.Random(7));
        Map<String, String> other = new LinkedHashMap<>();
        shuffled.forEach(e -> other.put(e.getKey(), e.getValue()));
        Workspace a = of(files);
        Workspace b = of(other);
        assertEquals(a.tasks(), b.tasks());
        assertEquals(a.problems(), b.problems());
        assertEquals(a.slugs(), b.slugs());
    }
}
