package dev.dashgen.demo;

import static dev.dashgen.demo.TaskFiles.NOW;
import static dev.dashgen.demo.TaskFiles.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The task files: counts, layout, lifecycles and the variety PRODUCT.md §2 says readers meet. */
class DemoGeneratorTest {

    @Test
    void sameOptionsGiveTheSameFiles() {
        DemoWorkspace first = DemoGenerator.generate(options(300, 0, 7, 9));
        DemoWorkspace second = DemoGenerator.generate(options(300, 0, 7, 9));
        assertEquals(first.files(), second.files());
        assertEquals(first.latin1Files(), second.latin1Files());
        assertEquals(first.brokenFiles(), second.brokenFiles());
    }

    @Test
    void anotherSeedGivesAnotherWorkspace() {
        assertNotEquals(DemoGenerator.generate(options(50, 0, 1, 0)).files(),
                DemoGenerator.generate(options(50, 0, 2, 0)).files());
    }

    /** {@code tasks} counts task files in the folders dashgen reads, broken ones included; backups come on top. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 100, 1000})
    void writesExactlyTheRequestedNumberOfTaskFiles(int tasks) {
        DemoWorkspace workspace = DemoGenerator.generate(options(tasks, 0, 3, Math.min(tasks, 6)));
        long read = workspace.files().keySet().stream()
                .filter(TaskFiles::isTaskFile).filter(p -> !p.startsWith("backups/")).count();
        assertEquals(tasks, read);
        assertEquals(tasks, workspace.taskFiles());
        long backups = workspace.files().keySet().stream().filter(p -> p.startsWith("backups/")).count();
        boolean anyHealthy = tasks > workspace.brokenFiles().size();
        assertEquals(anyHealthy ? Math.min(5, 1 + tasks / 50) : 0, backups, "backups copy healthy files only");
    }

    @Test
    void countsPerFolderFollowTheLaneMix() {
        DemoWorkspace workspace = DemoGenerator.generate(options(1000, 0, 11, 0));
        assertEquals(Map.of("inbox", 120, "assigned", 190, "done", 580, "fridge", 30, "archive", 80, "backups", 5),
                workspace.taskFilesPerFolder());
    }

    @Test
    void everyLaneShowsFromAHundredTasks() {
        DemoWorkspace workspace = DemoGenerator.generate(options(100, 0, 5, 0));
        Map<String, Integer> statuses = new TreeMap<>();
        for (Map.Entry<String, String> file : workspace.files().entrySet()) {
            if (!TaskFiles.isTaskFile(file.getKey()) || file.getKey().startsWith("backups/")) continue;
            Object status = TaskFiles.mapping(file.getValue()).get("status");
            statuses.merge(TaskFiles.topFolder(file.getKey()) + ":" + status, 1, Integer::sum);
        }
        for (String folder : DemoLane.FOLDERS) {
            assertTrue(statuses.keySet().stream().anyMatch(s -> s.startsWith(folder + ":")), folder + " in " + statuses);
        }
        for (String lane : List.of("assigned:in_progress", "assigned:blocked", "done:done", "done:error")) {
            assertTrue(statuses.containsKey(lane), lane + " in " + statuses);
        }
        assertTrue(workspace.files().keySet().stream().anyMatch(p -> p.matches("archive/\\d{4}-\\d{2}/.+\\.ya?ml")));
        assertTrue(workspace.files().keySet().stream().anyMatch(p -> p.matches("assigned/[a-z-]+/.+\\.ya?ml")));
    }

    @Test
    void noTasksStillGivesTheFolderSkeleton() {
        DemoWorkspace workspace = DemoGenerator.generate(options(0, 0, 1, 0));
        assertEquals(List.of("README.md", "archive/.gitkeep", "assigned/.gitkeep", "done/.gitkeep", "fridge/.gitkeep",
                "inbox/.gitkeep"), List.copyOf(workspace.files().keySet()));
        assertTrue(workspace.brokenFiles().isEmpty());
    }

    @Test
    void healthyFilesParseAndTheirDependenciesResolveWithoutCycles() {
        DemoWorkspace workspace = DemoGenerator.generate(options(1000, 0, 13, 0));
        Map<String, List<String>> graph = new HashMap<>();
        int namedAfterId = 0;
        for (Map.Entry<String, String> file : workspace.files().entrySet()) {
            if (!TaskFiles.isTaskFile(file.getKey()) || file.getKey().startsWith("backups/")) continue;
            Map<String, Object> task = TaskFiles.mapping(file.getValue());
            String id = TaskFiles.id(task);
            assertNotNull(id, file.getKey());
            assertEquals(null, graph.put(id, TaskFiles.dependencies(task)), "duplicate id " + id);
            if (TaskFiles.baseName(file.getKey()).equals(id)) namedAfterId++;
        }
        assertTrue(namedAfterId >= 980, namedAfterId + " of 1000 files named after their id");
        assertTrue(graph.values().stream().filter(d -> !d.isEmpty()).count() > 100, "some tasks have dependencies");
        graph.forEach((id, dependencies) -> dependencies.forEach(d -> assertTrue(graph.containsKey(d), id + " -> " + d)));
        assertFalse(hasCycle(graph));
    }

    @Test
    void lifecyclesFitTheLaneAndNeverLieInTheFuture() {
        DemoWorkspace workspace = DemoGenerator.generate(options(600, 0, 17, 0));
        Instant windowStart = NOW.minus(Duration.ofDays(121));
        for (Map.Entry<String, String> file : workspace.files().entrySet()) {
            if (!TaskFiles.isTaskFile(file.getKey()) || file.getKey().startsWith("backups/")) continue;
            Map<String, Object> task = TaskFiles.mapping(file.getValue());
            List<Instant> lifecycle = new ArrayList<>();
            for (Object value : new Object[] {TaskFiles.created(task), task.get("assigned_at"), task.get("started_at"), task.get("completed_at")}) {
                if (value == null) continue;
                Instant at = TaskFiles.instant(value);
                assertNotNull(at, file.getKey() + ": " + value);
                assertFalse(at.isAfter(NOW), file.getKey() + ": " + value + " is after now");
                assertFalse(at.isBefore(windowStart), file.getKey() + ": " + value + " is before the window");
                lifecycle.add(at);
            }
            for (int i = 1; i < lifecycle.size(); i++) {
                assertFalse(lifecycle.get(i).isBefore(lifecycle.get(i - 1)), file.getKey() + " goes back in time");
            }
            String folder = TaskFiles.topFolder(file.getKey());
            boolean finished = folder.equals("done") || folder.equals("archive");
            assertEquals(finished, task.containsKey("completed_at"), file.getKey());
            if ("error".equals(task.get("status"))) assertTrue(task.containsKey("error"), file.getKey());
            if ("done".equals(folder) && "done".equals(task.get("status"))) assertTrue(task.containsKey("result"), file.getKey());
        }
    }

    @Test
    void showsTheVarietyThatReadersMustHandle() {
        DemoWorkspace workspace = DemoGenerator.generate(options(2000, 0, 19, 0));
        String all = String.join("\n", workspace.files().values());
        for (String expected : List.of("\ntask_id: ", "\npriority: urgent", "\npriority: High", "\npriority: CRITICAL",
                "\nstatus: completed", "\nstatus: pending", "\nstatus: In Progress", "\nestimate_hours: ", "\nreviewer: ",
                "\ncreated: ", "\nartifacts:", "+02:00\n", "Z\n", "- [ ] ", "- [x] ", "```", "|---|", "](https://")) {
            assertTrue(all.contains(expected), "no file has " + expected.strip());
        }
        assertTrue(all.matches("(?s).*\ncreated_at: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\n.*"), "space-separated timestamps");
        assertTrue(all.matches("(?s).*\ncreated_at: \\d{4}-\\d{2}-\\d{2}\n.*"), "plain dates");
        assertTrue(workspace.files().keySet().stream().anyMatch(p -> p.endsWith(".yml")));
        assertTrue(workspace.files().containsKey("README.md"));
        assertTrue(workspace.files().containsKey("inbox/.gitkeep"));
        assertTrue(workspace.files().entrySet().stream().anyMatch(e -> TaskFiles.isTaskFile(e.getKey())
                && !TaskFiles.mapping(e.getValue()).containsKey("title")), "a file without a title");
        assertTrue(workspace.files().entrySet().stream().anyMatch(e -> TaskFiles.isTaskFile(e.getKey())
                && !TaskFiles.mapping(e.getValue()).containsKey("priority")), "a file without a priority");
        assertTrue(workspace.files().entrySet().stream().anyMatch(e -> e.getKey().startsWith("assigned/")
                && TaskFiles.isTaskFile(e.getKey()) && "done".equals(TaskFiles.mapping(e.getValue()).get("status"))), "a status that does not match its folder");
    }

    @Test
    void agentFoldersHoldTheirAgentsTasks() {
        DemoWorkspace workspace = DemoGenerator.generate(options(500, 0, 23, 0));
        Map<String, Long> agents = workspace.files().keySet().stream()
                .filter(p -> p.startsWith("done/") && TaskFiles.isTaskFile(p))
                .collect(Collectors.groupingBy(p -> p.split("/")[1], TreeMap::new, Collectors.counting()));
        assertEquals(List.of("backend-dev", "devops", "frontend-dev", "planner", "researcher", "reviewer", "tester", "writer"),
                List.copyOf(agents.keySet()));
        workspace.files().forEach((path, text) -> {
            if (!path.startsWith("done/") || !TaskFiles.isTaskFile(path)) return;
            Object agent = TaskFiles.mapping(text).get("agent");
            if (agent != null) assertEquals(path.split("/")[1], agent, path);
        });
    }

    private static boolean hasCycle(Map<String, List<String>> graph) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : graph.keySet()) {
            if (visit(start, graph, state)) return true;
        }
        return false;
    }

    private static boolean visit(String id, Map<String, List<String>> graph, Map<String, Integer> state) {
        Integer seen = state.get(id);
        if (seen != null) return seen == 1;
        state.put(id, 1);
        for (String next : graph.getOrDefault(id, List.of())) {
            if (visit(next, graph, state)) return true;
        }
        state.put(id, 2);
        return false;
    }
}
