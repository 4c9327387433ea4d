package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PRODUCT.md §3: without a task_id column, each call's cost is split evenly among its agent's tasks active at the
 * moment of the call, so a task started or ended just around a call gets none of it.
 */
class TaskCostSplitTest {
    @TempDir
    Path tmp;

    @Test
    void aCallGoesToTheTasksActiveAtItsVerySecond() throws IOException {
        Fixture f = new Fixture(tmp.resolve("repo"))
                .task("done/bob/long.yaml", "id: long\nstatus: done\nstarted_at: 2026-11-20T10:00:00Z\ncompleted_at: 2026-11-20T12:00:00Z\n")
                .task("done/bob/short.yaml", "id: short\nstatus: done\nstarted_at: 2026-11-20T11:00:30Z\ncompleted_at: 2026-11-20T11:30:30Z\n");
        // Twenty seconds before short starts, in the middle of both, and fifteen seconds after short ends (its end is
        // not part of it): the minute around each edge holds a call for one task alone.
        Path db = CostDb.write(tmp.resolve("telemetry.db"), "2026-11-20 11:00:10|gpt-x|1.20", "2026-11-20 11:15:00|gpt-x|0.60",
                "2026-11-20 11:30:45|gpt-x|2.40", "2026-11-20 11:30:30|gpt-x|0.40");
        Cli.Run r = f.build("-t", db);
        assertEquals(0, r.exit(), r::toString);
        Map<String, String> costs = new TreeMap<>();
        for (JsonNode t : new ObjectMapper().readTree(f.out.resolve("data/tasks.json").toFile()).get("tasks")) {
            costs.put(t.get("id").asText(), t.get("cost").get("usd").decimalValue().toPlainString());
        }
        assertEquals(Map.of("long", "4.3", "short", "0.3"), costs, "long: 1.20 + 0.30 + 2.40 + 0.40; short: half of 0.60");
    }

    /** A second file with a task's id, in the inbox with no agent, has no estimate of its own to show. */
    @Test
    void aDuplicatedIdDoesNotShowTheOtherFilesCost() throws IOException {
        Fixture f = new Fixture(tmp.resolve("repo"))
                .task("done/bob/x.yaml", "id: x\nstatus: done\nstarted_at: 2026-11-20T10:00:00Z\ncompleted_at: 2026-11-20T12:00:00Z\n")
                .task("inbox/x-again.yaml", "id: x\n");
        Path db = CostDb.write(tmp.resolve("telemetry.db"), "2026-11-20 11:00:00|gpt-x|1.50");
        Cli.Run r = f.build("-t", db);
        assertEquals(0, r.exit(), r::toString);
        Map<String, String> costs = new TreeMap<>();
        for (JsonNode t : new ObjectMapper().readTree(f.out.resolve("data/tasks.json").toFile()).get("tasks")) {
            costs.put(t.get("file").asText(), t.get("cost").isNull() ? "none" : t.get("cost").get("usd").decimalValue().toPlainString());
        }
        assertEquals(Map.of("done/bob/x.yaml", "1.5", "inbox/x-again.yaml", "none"), costs);
    }
}
