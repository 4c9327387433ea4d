package dev.dashgen.site;

import static dev.dashgen.site.Sites.build;
import static dev.dashgen.site.Sites.fieldNames;
import static dev.dashgen.site.Sites.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §4.1, the public data contract, read back with Jackson (a build without telemetry). */
class DataFilesTest {
    private static final List<String> TASK_FIELDS = List.of("id", "title", "lane", "status", "priority", "agent", "file",
            "url", "created", "assigned", "started", "completed", "dependencies", "cost", "problems");
    private static final List<String> SUMMARY_FIELDS = List.of("schemaVersion", "now", "tasks", "lanes", "problems", "cost", "budget");

    private static Site site() {
        return build(
                "assigned/bob/t-1.yaml", "id: t-1\ntitle: One\nstatus: in-progress\npriority: HIGH\n"
                        + "created_at: 2026-11-01 10:00:00\nassigned_at: 2026-11-02T10:00:00+02:00\nstarted_at: soon\n"
                        + "dependencies: [t-2, ghost]\n",
                "done/carol/t-2.yaml", "id: t-2\nstatus: completed\ncompleted_at: 2026-11-03\n",
                "inbox/t-3.yaml", "id: t-3\npriority: whenever\n",
                "archive/t-4.yaml", "id: t-4\n",
                "inbox/broken.yaml", "- not a task\n");
    }

    /** Every field the contract names, in its order, and nothing else. */
    private static void assertContractFields(List<String> contract, JsonNode node) {
        assertEquals(contract, fieldNames(node));
    }

    @Test
    void tasksJson() {
        JsonNode root = json(site(), "data/tasks.json");
        assertEquals(List.of("schemaVersion", "now", "tasks"), fieldNames(root));
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("2026-11-24T12:00:00Z", root.get("now").asText());
        JsonNode tasks = root.get("tasks");
        assertEquals(List.of("t-1", "t-2", "t-3", "t-4"), tasks.findValuesAsText("id"));
        for (JsonNode t : tasks) assertContractFields(TASK_FIELDS, t);
        JsonNode t1 = tasks.get(0);
        assertEquals("One", t1.get("title").asText());
        assertEquals("in_progress", t1.get("lane").asText());
        assertEquals("in_progress", t1.get("status").asText());
        assertEquals("high", t1.get("priority").asText());
        assertEquals("bob", t1.get("agent").asText());
        assertEquals("assigned/bob/t-1.yaml", t1.get("file").asText());
        assertEquals("tasks/t-1.html", t1.get("url").asText());
        assertEquals("2026-11-01T10:00:00Z", t1.get("created").asText());
        assertEquals("2026-11-02T08:00:00Z", t1.get("assigned").asText());
        assertTrue(t1.get("started").isNull(), "an unreadable timestamp is null in the data");
        assertTrue(t1.get("completed").isNull());
        assertEquals(List.of("t-2", "ghost"), List.of(t1.get("dependencies").get(0).asText(), t1.get("dependencies").get(1).asText()));
        assertEquals(2, t1.get("problems").asInt());
        assertTrue(t1.get("cost").isNull(), "no telemetry, no cost");
        JsonNode t2 = tasks.get(1);
        assertEquals("done", t2.get("lane").asText());
        assertEquals("done", t2.get("status").asText());
        assertEquals("2026-11-03T00:00:00Z", t2.get("completed").asText());
        assertTrue(tasks.get(2).get("status").isNull());
        assertTrue(tasks.get(2).get("agent").isNull());
        assertEquals("normal", tasks.get(2).get("priority").asText());
        assertEquals("archive", tasks.get(3).get("lane").asText());
    }

    @Test
    void summaryJson() {
        JsonNode root = json(site(), "data/summary.json");
        assertContractFields(SUMMARY_FIELDS, root);
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("2026-11-24T12:00:00Z", root.get("now").asText());
        assertEquals(4, root.get("tasks").asInt());
        assertEquals(List.of("inbox", "assigned", "in_progress", "blocked", "done", "error", "fridge", "archive"),
                fieldNames(root.get("lanes")));
        assertEquals(1, root.get("lanes").get("inbox").asInt());
        assertEquals(1, root.get("lanes").get("in_progress").asInt());
        assertEquals(1, root.get("lanes").get("done").asInt());
        assertEquals(1, root.get("lanes").get("archive").asInt());
        assertEquals(0, root.get("lanes").get("blocked").asInt());
        assertEquals(List.of("error", "warning"), fieldNames(root.get("problems")));
        assertEquals(1, root.get("problems").get("error").asInt());
        assertEquals(3, root.get("problems").get("warning").asInt());
        assertTrue(root.get("cost").isNull(), "no telemetry, no cost");
        JsonNode budget = root.get("budget");
        assertTrue(fieldNames(budget).containsAll(List.of("monthlyUsd", "used", "state")), budget::toString);
        assertTrue(budget.get("monthlyUsd").isNull());
        assertEquals("none", budget.get("state").asText());
    }

    @Test
    void problemsJson() {
        JsonNode root = json(site(), "data/problems.json");
        assertEquals(List.of("schemaVersion", "problems"), fieldNames(root));
        assertEquals(1, root.get("schemaVersion").asInt());
        JsonNode problems = root.get("problems");
        assertEquals(4, problems.size());
        for (JsonNode p : problems) assertEquals(List.of("file", "line", "column", "severity", "message"), fieldNames(p));
        assertEquals(List.of("assigned/bob/t-1.yaml", "assigned/bob/t-1.yaml", "inbox/broken.yaml", "inbox/t-3.yaml"),
                problems.findValuesAsText("file"), "sorted by file, then line");
        JsonNode broken = problems.get(2);
        assertEquals("inbox/broken.yaml", broken.get("file").asText());
        assertEquals(1, broken.get("line").asInt());
        assertEquals(1, broken.get("column").asInt());
        assertEquals("error", broken.get("severity").asText());
        assertTrue(broken.get("message").asText().startsWith("not a mapping"));
    }

    @Test
    void everyTaskUrlIsAPageOfTheSite() {
        Site site = site();
        for (String url : json(site, "data/tasks.json").get("tasks").findValuesAsText("url")) {
            assertTrue(site.files().containsKey(url), url);
        }
    }

    /**
     * Thousands of tasks: tasks.json is kept in runs of lines between builds, and after an edit in a late
     * run (and one to the very first line) it is byte for byte what a fresh build writes.
     */
    @Test
    void tasksJsonAfterEditsEqualsAFreshBuild() {
        assertEditsLeaveTasksJsonOfAFreshBuild(2500, List.of(List.of("inbox/t-2100.yaml"), List.of("inbox/t-0000.yaml")));
    }

    /**
     * A change all over the file (as a telemetry commit makes) writes the changed lines between runs of the
     * old ones, which are joined again once changes pause; before and after, the file is a fresh build's.
     */
    @Test
    void tasksJsonAfterAChangeAllOverTheFileEqualsAFreshBuild() {
        assertEditsLeaveTasksJsonOfAFreshBuild(6000, List.of(List.of("inbox/t-0000.yaml", "inbox/t-1100.yaml",
                "inbox/t-2200.yaml", "inbox/t-3300.yaml", "inbox/t-4400.yaml", "inbox/t-5500.yaml"), List.of("inbox/t-3301.yaml")));
    }

    /** Edits the titles of each batch of files in turn, as serve does, settling after each. */
    private static void assertEditsLeaveTasksJsonOfAFreshBuild(int tasks, List<List<String>> batches) {
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (int i = 0; i < tasks; i++) files.put(String.format("inbox/t-%04d.yaml", i), "id: t-" + String.format("%04d", i) + "\ntitle: Task " + i + "\n");
        dev.dashgen.config.Config config = dev.dashgen.config.Config.DEFAULTS;
        dev.dashgen.engine.Engine engine = new dev.dashgen.engine.Engine();
        dev.dashgen.model.Workspace ws = Sites.workspace(config, files);
        dev.dashgen.engine.Build build = engine.build(Sites.inputs(ws, config, Sites.NOW, null));
        for (List<String> batch : batches) {
            List<dev.dashgen.tasks.ParsedFile> before = new java.util.ArrayList<>();
            List<dev.dashgen.tasks.ParsedFile> after = new java.util.ArrayList<>();
            for (String edited : batch) {
                dev.dashgen.tasks.ParsedFile old = dev.dashgen.tasks.TaskParser.parse(files.get(edited), edited, config.lanes().source());
                files.put(edited, files.get(edited).replace("title: Task", "title: Edited task"));
                after.add(dev.dashgen.tasks.TaskParser.parse(files.get(edited), edited, config.lanes().source()));
                // The parsed file the workspace holds, as the server's re-read replaces it.
                before.add(new dev.dashgen.tasks.ParsedFile(edited, ws.byId().get(old.task().id()), old.problems()));
            }
            ws = ws.replacing(before, after).orElseThrow();
            dev.dashgen.model.Workspace next = ws;
            int[] replaced = batch.stream().mapToInt(next::indexOf).toArray();
            build = engine.build(Sites.inputs(ws, config, Sites.NOW, null), build,
                    new dev.dashgen.engine.Change.TasksReplaced(replaced));
            String incremental = Sites.text(build.site(), "data/tasks.json");
            assertEquals(Sites.text(Sites.build(config, files), "data/tasks.json"), incremental, batch.toString());
            for (String edited : batch) assertTrue(incremental.contains("Edited task " + Integer.parseInt(edited.replaceAll("\\D", ""))));
            build = engine.settle(build);
            assertEquals(incremental, Sites.text(build.site(), "data/tasks.json"), "settling keeps the bytes");
        }
    }

    /**
     * A telemetry commit changes only the cost of a task's line: swapping those bytes gives the line written
     * afresh, even for a title holding the NUL character that marks where the cost goes while writing.
     */
    @Test
    void aLineWithANewCostEqualsOneWrittenAfresh() throws Exception {
        dev.dashgen.config.Config config = dev.dashgen.config.Config.DEFAULTS;
        dev.dashgen.model.Workspace ws = Sites.workspace(config, java.util.Map.of("inbox/t-1.yaml",
                "id: t-1\ntitle: \"nul \\0 inside\"\ndependencies: [t-2]\n"));
        dev.dashgen.tasks.Task t = ws.tasks().get(0);
        TaskView v = TaskView.of(ws, 0, "Inbox", Sites.NOW, null, null);
        var cost = new dev.dashgen.telemetry.TaskCosts.TaskCost(new java.math.BigDecimal("1.234567"), true);

        DataFiles.TaskLine none = DataFiles.task(v, null);
        DataFiles.TaskLine costed = none.withCost(v, cost);

        assertEquals(new String(DataFiles.task(v, cost).bytes(), UTF_8), new String(costed.bytes(), UTF_8));
        assertEquals(new String(none.bytes(), UTF_8), new String(costed.withCost(v, null).bytes(), UTF_8));
        JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(costed.bytes());
        assertEquals("nul \u0000 inside", line.get("title").asText());
        assertEquals("1.234567", line.get("cost").get("usd").decimalValue().toPlainString());
        assertTrue(line.get("cost").get("estimated").asBoolean());
        assertEquals(1, line.get("problems").asInt(), "the dangling dependency");
    }
}
