package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.history.History;
import dev.dashgen.history.Transition;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** data/history.json read back with Jackson: every task of the work tree, its transitions oldest first. */
class HistoryDataTest {
    private static Task task(String file, String id) {
        return TaskParser.parse("id: " + id + "\n", file, LaneSource.FOLDER).task();
    }

    @Test
    void everyTaskWithItsTransitions() throws Exception {
        Instant a = Instant.parse("2026-01-05T10:00:00Z");
        Instant b = Instant.parse("2026-01-06T11:30:00Z");
        TreeMap<String, List<Transition>> moves = new TreeMap<>(Map.of(
                "x", List.of(new Transition("inbox", a, "a".repeat(40), "Ada", a, "inbox/x.yaml"),
                        new Transition("done", b, "b".repeat(40), "Bob", a, "done/bob/x.yaml")),
                "gone", List.of(new Transition("inbox", a, "a".repeat(40), "Ada", a, "inbox/gone.yaml"))));
        History h = new History(true, "b".repeat(40), true, 2, moves);
        JsonNode root = new ObjectMapper().readTree(HistoryData.json(h, List.of(task("done/bob/x.yaml", "task-x"),
                task("inbox/new.yml", "new"))));
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("b".repeat(40), root.get("head").asText());
        assertEquals(true, root.get("shallow").asBoolean());
        assertEquals(2, root.get("commits").asInt());
        assertEquals(2, root.get("tasks").size(), "the tasks of the work tree, not the removed ones");
        JsonNode x = root.get("tasks").get(0);
        assertEquals("task-x", x.get("id").asText());
        assertEquals("done/bob/x.yaml", x.get("file").asText());
        assertEquals("inbox", x.at("/transitions/0/lane").asText());
        assertEquals("2026-01-05T10:00:00Z", x.at("/transitions/0/at").asText());
        assertEquals("a".repeat(40), x.at("/transitions/0/commit").asText());
        assertEquals("Ada", x.at("/transitions/0/author").asText());
        assertEquals("done", x.at("/transitions/1/lane").asText());
        assertEquals("Bob", x.at("/transitions/1/author").asText());
        assertEquals(4, x.at("/transitions/1").size(), "lane, at, commit, author");
        assertEquals(0, root.at("/tasks/1/transitions").size());
    }

    @Test
    void noHistoryNoFile() {
        assertThrows(IllegalArgumentException.class, () -> HistoryData.json(History.ABSENT, List.of()));
    }
}
