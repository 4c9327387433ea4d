package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.metrics.Flow;
import dev.dashgen.metrics.FlowReport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** data/flow.json read back with Jackson: the fields and nesting of PRODUCT.md §4.4, and the same bytes every time. */
class FlowDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    @Test
    void theShapeOfTheContract() throws Exception {
        JsonNode root = JSON.readTree(FlowData.json(FlowSample.report()));
        assertEquals(List.of("schemaVersion", "now", "timezone", "window", "items", "excluded", "throughput", "leadTime",
                "cycleTime", "cfd", "aging", "wipByAgent", "forecast"), fields(root));
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("2026-03-18T12:00:00Z", root.get("now").asText());
        assertEquals("UTC", root.get("timezone").asText());
        assertEquals("2026-02-17", root.at("/window/from").asText());
        assertEquals("2026-03-18", root.at("/window/to").asText());
        JsonNode item = root.get("items").get(0);
        assertEquals(List.of("id", "lane", "agent", "arrived", "committed", "started", "finished", "leadDays", "cycleDays",
                "ageDays", "sources"), fields(item));
        assertEquals("t0", item.get("id").asText());
        assertEquals("done", item.get("lane").asText());
        assertEquals("ada", item.get("agent").asText());
        assertTrue(item.get("arrived").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertEquals("yaml", item.at("/sources/arrived").asText());
        assertTrue(item.get("ageDays").isNull());
        assertTrue(item.get("leadDays").isInt());
        assertEquals(List.of("id", "metric", "reason"), fields(root.get("excluded").get(0)));
        assertEquals(List.of("weekStart", "count"), fields(root.get("throughput").get(0)));
        assertEquals(List.of("count", "p50", "p85", "p95"), fields(root.get("leadTime")));
        assertTrue(root.at("/cycleTime/p85").isNumber());
        assertEquals(List.of("date", "arrived", "committed", "started", "finished"), fields(root.get("cfd").get(0)));
        assertEquals(30, root.get("cfd").size());
        assertEquals(List.of("id", "lane", "agent", "ageDays", "pace"), fields(root.get("aging").get(0)));
        assertEquals(List.of("agent", "wip", "limit"), fields(root.get("wipByAgent").get(0)));
        assertEquals(2, root.at("/wipByAgent/0/limit").asInt());
        JsonNode f = root.get("forecast");
        assertEquals(List.of("window", "samples", "trials", "seed", "open", "whenDone", "howMany"), fields(f));
        assertEquals(30, f.get("samples").size());
        assertEquals(10_000, f.get("trials").asInt());
        assertEquals(1, f.get("seed").asLong());
        assertEquals(List.of("p50", "p85", "p95", "cost"), fields(f.get("whenDone")));
        assertTrue(f.at("/whenDone/p85").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertEquals(List.of("p50", "p85", "p95"), fields(f.at("/whenDone/cost")));
        assertTrue(f.at("/whenDone/cost/p85").isNumber());
        assertEquals(List.of("by", "p50", "p85", "p95"), fields(f.get("howMany").get(0)));
        assertEquals(3, f.get("howMany").size());
    }

    @Test
    void sameInputsSameBytes() {
        assertArrayEquals(FlowData.json(FlowSample.report()), FlowData.json(FlowSample.report()));
    }

    @Test
    void noForecastIsNull() throws Exception {
        FlowReport r = Flow.compute(FlowSample.tasks().subList(2, 5), History.ABSENT, FlowSample.NOW, Config.DEFAULTS, null);
        JsonNode root = JSON.readTree(FlowData.json(r));
        assertTrue(root.get("forecast").isNull());
        assertTrue(root.at("/leadTime/p50").isNull());
        assertEquals(0, root.at("/leadTime/count").asInt());
    }
}
