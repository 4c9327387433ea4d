package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §4.2: progress per specification and initiative, and unlinked tasks by reason, on hand-made trees. */
class PortfolioTest {

    static Task task(String file, String id, String... lines) {
        String yaml = "id: " + id + "\n" + String.join("\n", lines) + "\n";
        return TaskParser.parse(yaml, file, LaneSource.FOLDER).task();
    }

    static SpecFile spec(String file, String initiative) {
        return new SpecFile(file, null, file, null, initiative, null, List.of(), null, true);
    }

    static SpecReader.Specs specs(SpecFile... files) {
        TreeMap<String, SpecFile> map = new TreeMap<>();
        for (SpecFile f : files) map.put(f.file(), f);
        return new SpecReader.Specs(map, new TreeSet<>(), List.of());
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    @Test
    void progressCountsDoneAndArchivedTasksButNotErrors() {
        List<Task> tasks = List.of(
                task("done/ann/a.yaml", "a", "status: done", "specification: specifications/pay.md"),
                task("archive/2026-10/b.yaml", "b", "specification: ./specifications/pay.md"),
                task("done/ann/c.yaml", "c", "status: error", "specification: '\"specifications/pay.md\"'"),
                task("assigned/ann/d.yaml", "d", "status: in_progress", "specification: specifications/pay.md"),
                task("inbox/e.yaml", "e", "specification: specifications/pay.md"),
                task("fridge/f.yaml", "f", "specification: specifications/pay.md"));
        Portfolio p = Portfolio.of(tasks, specs(spec("specifications/pay.md", "Checkout")));
        Portfolio.Spec s = p.initiatives().get(0).specs().get(0);
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids(s.tasks()));
        assertEquals(2, s.finished());
        assertEquals(33, s.progress(), "2 of 6, rounded down");
        assertEquals(Map.of(Lane.DONE, 1, Lane.ARCHIVE, 1, Lane.ERROR, 1, Lane.IN_PROGRESS, 1, Lane.INBOX, 1, Lane.FRIDGE, 1), s.lanes());
        assertEquals(List.of(Lane.INBOX, Lane.IN_PROGRESS, Lane.DONE, Lane.ERROR, Lane.FRIDGE, Lane.ARCHIVE), List.copyOf(s.lanes().keySet()));
        assertEquals(List.of(), p.unlinked());
    }

    @Test
    void anInitiativeSumsItsSpecificationsAndEverySpecificationAppearsEvenWithoutTasks() {
        List<Task> tasks = List.of(
                task("done/ann/a.yaml", "a", "status: done", "specification: specs/x/one.md"),
                task("inbox/b.yaml", "b", "specification: specs/x/two.md"),
                task("inbox/c.yaml", "c", "specification: specs/x/two.md"),
                task("done/bob/d.yaml", "d", "status: done", "specification: docs/adr/ADR-002.md"));
        Portfolio p = Portfolio.of(tasks, specs(spec("specs/x/one.md", "Growth"), spec("specs/x/two.md", "Growth"),
                spec("specs/x/three.md", "Growth"), spec("specs/a.md", "Checkout"), spec("docs/adr/ADR-002.md", null),
                spec("specs/plan.md", null)));
        assertEquals(java.util.Arrays.asList("Checkout", "Growth", null), p.initiatives().stream().map(Portfolio.Initiative::name).toList());
        Portfolio.Initiative growth = p.initiatives().get(1);
        assertEquals(List.of("specs/x/one.md", "specs/x/three.md", "specs/x/two.md"),
                growth.specs().stream().map(s -> s.file().file()).toList());
        assertEquals(3, growth.tasks());
        assertEquals(1, growth.finished());
        assertEquals(33, growth.progress());
        assertNull(growth.specs().get(1).progress(), "no tasks: no progress");
        assertEquals(Map.of(Lane.DONE, 1, Lane.INBOX, 2), growth.lanes());
        Portfolio.Initiative checkout = p.initiatives().get(0);
        assertEquals(0, checkout.tasks());
        assertNull(checkout.progress());
        Portfolio.Initiative none = p.initiatives().get(2);
        assertEquals(List.of("docs/adr/ADR-002.md", "specs/plan.md"), none.specs().stream().map(s -> s.file().file()).toList());
        assertEquals(100, none.progress());
        assertEquals("specs/x/two.md", p.specOf(tasks.get(2)).orElseThrow().file().file());
    }

    @Test
    void unlinkedTasksAreGroupedByReasonWithThePathLookedUp() {
        List<Task> tasks = List.of(
                task("inbox/a.yaml", "a"),
                task("inbox/b.yaml", "b", "specification: specifications/gone.md"),
                task("inbox/c.yaml", "c", "specification: ../elsewhere/spec.md"),
                task("inbox/d.yaml", "d", "specification: null"),
                task("inbox/e.yaml", "e", "specification: ''"),
                task("inbox/f.yaml", "f", "specification: https://example.org/spec.md"),
                task("inbox/g.yaml", "g", "specification: ./specifications//./gone.md"),
                task("inbox/h.yaml", "h", "specification: specifications/link-out.md"));
        SpecReader.Specs specs = new SpecReader.Specs(new TreeMap<>(), new TreeSet<>(Set.of("specifications/link-out.md")), List.of());
        Portfolio p = Portfolio.of(tasks, specs);
        List<String> rows = new ArrayList<>();
        p.unlinked().forEach(u -> rows.add(u.id() + " " + u.reason().id() + " " + u.specification()));
        assertEquals(List.of("a no_specification null", "d no_specification null", "e no_specification null",
                "b not_found specifications/gone.md", "g not_found specifications/gone.md",
                "c outside_repository ../elsewhere/spec.md", "f outside_repository https://example.org/spec.md",
                "h outside_repository specifications/link-out.md"), rows);
        assertEquals(List.of(Portfolio.Reason.NO_SPECIFICATION, Portfolio.Reason.NOT_FOUND, Portfolio.Reason.OUTSIDE_REPOSITORY),
                List.copyOf(p.unlinkedByReason().keySet()));
        assertTrue(p.initiatives().isEmpty());
    }

    @Test
    void aBrokenSpecificationStillCollectsItsTasksUnderNoInitiative() {
        Portfolio p = Portfolio.of(List.of(task("inbox/a.yaml", "a", "specification: specifications/broken.md")),
                specs(SpecFile.byPath("specifications/broken.md")));
        Portfolio.Spec s = p.initiatives().get(0).specs().get(0);
        assertNull(p.initiatives().get(0).name());
        assertEquals("specifications/broken.md", s.file().name());
        assertEquals(List.of("a"), ids(s.tasks()));
        assertEquals(0, s.progress());
    }

    @Test
    void aHundredThousandTasksAreGroupedInOnePass() {
        List<Task> tasks = new ArrayList<>();
        Task template = task("done/ann/t.yaml", "t", "status: done", "specification: specs/s0.md");
        for (int i = 0; i < 100_000; i++) {
            tasks.add(new Task("done/ann/t" + i + ".yaml", "t" + i, "T", "ann", "done", template.status(), Lane.DONE,
                    template.priority(), template.lifecycle(), null, List.of(), List.of(), "specs/s" + (i % 100) + ".md", null,
                    List.of(), null, null, null, Map.of(), Map.of(), List.of()));
        }
        SpecFile[] files = new SpecFile[100];
        for (int i = 0; i < 100; i++) files[i] = spec("specs/s" + i + ".md", "I" + (i % 7));
        Portfolio p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> Portfolio.of(tasks, specs(files)));
        assertEquals(100_000, p.initiatives().stream().mapToInt(Portfolio.Initiative::tasks).sum());
        assertEquals(100, p.initiatives().get(0).progress());
    }
}
