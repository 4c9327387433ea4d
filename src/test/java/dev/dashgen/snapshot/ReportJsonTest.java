package dev.dashgen.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.config.Config;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.tasks.Lane;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot JSON file: what it holds, that it reads back, and how damage is named. */
class ReportJsonTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");
    private static final Snapshot CURRENT = new Snapshot(NOW, List.of(
            new SnapshotTask("t-2", Lane.DONE, "Second \"quoted\"", null),
            new SnapshotTask("t-1", Lane.INBOX, "First", "bob")));
    private static final Snapshot PREVIOUS = new Snapshot(Instant.parse("2026-11-17T09:30:00Z"), List.of(
            new SnapshotTask("t-2", Lane.IN_PROGRESS, "Second", null)));

    private static Report report(Snapshot previous, CostFigures cost) {
        return new Report("Team", CURRENT, previous, List.of(new Skipped("2026-11-20.json", "not valid JSON")), 1, 2,
                cost, cost == null ? "no telemetry database is configured" : null,
                BudgetView.of(new Config.Budget(100.0, 0.8), cost == null ? null : cost.month()));
    }

    private static JsonNode json(byte[] bytes) throws IOException {
        return new ObjectMapper().readTree(bytes);
    }

    /** JSON numbers read back as doubles, so compare amounts by value, not by scale. */
    private static void assertUsd(String expected, JsonNode actual, String... why) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " != " + actual + " " + String.join("", why));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String damage(String text) {
        ReportJson.Read read = ReportJson.read(text.getBytes(StandardCharsets.UTF_8), DAY);
        return assertInstanceOf(ReportJson.Read.Damaged.class, read, text).reason();
    }

    @Test
    void holdsTheStateTheChangesAndTheCost() throws IOException {
        PeriodCost period = new PeriodCost(PREVIOUS.now(), NOW, new BigDecimal("12.500000"),
                List.of(new PeriodCost.ModelCost("gpt-x", new BigDecimal("12.500000"))));
        JsonNode root = json(ReportJson.write(report(PREVIOUS, new CostFigures(new BigDecimal("40.000000"),
                new BigDecimal("30.000000"), new BigDecimal("75.000000"), period))));
        assertEquals(List.of("schemaVersion", "date", "now", "title", "previous", "skipped", "lanes", "problems", "cost",
                "budget", "changes", "tasks"), fieldNames(root));
        assertEquals("2026-11-24", root.get("date").asText());
        assertEquals("2026-11-17", root.get("previous").get("date").asText());
        assertEquals("2026-11-20.json", root.get("skipped").get(0).get("file").asText());
        assertEquals(List.of("inbox", "assigned", "in_progress", "blocked", "done", "error", "fridge", "archive"),
                fieldNames(root.get("lanes")));
        assertEquals(1, root.get("lanes").get("done").asInt());
        assertEquals(2, root.get("problems").get("warning").asInt());
        assertUsd("12.5", root.get("cost").get("period").get("usd"));
        assertEquals("2026-11-17T09:30:00Z", root.get("cost").get("period").get("from").asText());
        assertEquals("gpt-x", root.get("cost").get("period").get("byModel").get(0).get("model").asText());
        assertEquals("ok", root.get("budget").get("state").asText());
        assertEquals("in_progress", root.get("changes").get("finished").get(0).get("from").asText());
        assertEquals(List.of("t-1", "t-2"), root.get("tasks").findValuesAsText("id"));
        assertEquals(List.of("id", "lane", "title", "agent"), fieldNames(root.get("tasks").get(0)));
        assertTrue(root.get("tasks").get(1).get("agent").isNull());
    }

    @Test
    void aFirstSnapshotWithoutTelemetryHasNoChangesAndNoCost() throws IOException {
        JsonNode root = json(ReportJson.write(report(null, null)));
        assertTrue(root.get("previous").isNull());
        assertTrue(root.get("changes").isNull());
        assertTrue(root.get("cost").isNull());
        assertEquals("unknown", root.get("budget").get("state").asText());
    }

    @Test
    void sameReportSameBytesWithUnixLineEnds() {
        byte[] a = ReportJson.write(report(PREVIOUS, null));
        assertArrayEquals(a, ReportJson.write(report(PREVIOUS, null)));
        assertFalse(new String(a, StandardCharsets.UTF_8).contains("\r"));
    }

    @Test
    void readsBackWhatItWrote() {
        ReportJson.Read read = ReportJson.read(ReportJson.write(report(PREVIOUS, null)), DAY);
        assertEquals(CURRENT, assertInstanceOf(ReportJson.Read.Ok.class, read).snapshot());
    }

    @Test
    void damageIsNamed() {
        assertEquals("not valid JSON (line 2, column 3)", damage("{\n  oops"));
        assertEquals("not a dashgen snapshot: the file is not a JSON object", damage("[1, 2]"));
        assertEquals("not a dashgen snapshot: no schemaVersion", damage("{\"tasks\": []}"));
        assertEquals("schemaVersion 2 is not one this dashgen reads (1)", damage("{\"schemaVersion\": 2}"));
        assertEquals("\"now\" is missing or not an ISO-8601 instant", damage("{\"schemaVersion\": 1, \"now\": \"monday\"}"));
        assertEquals("\"now\" 2026-11-23T23:59:59Z is not on 2026-11-24, the date in its file name",
                damage("{\"schemaVersion\": 1, \"now\": \"2026-11-23T23:59:59Z\", \"tasks\": []}"));
        assertEquals("not a dashgen snapshot: no \"tasks\" list", damage("{\"schemaVersion\": 1, \"now\": \"2026-11-24T00:00:00Z\"}"));
        assertEquals("task 1 has no id", damage("{\"schemaVersion\": 1, \"now\": \"2026-11-24T00:00:00Z\", \"tasks\": [{\"lane\": \"done\"}]}"));
        assertEquals("task t-1 has no known lane",
                damage("{\"schemaVersion\": 1, \"now\": \"2026-11-24T00:00:00Z\", \"tasks\": [{\"id\": \"t-1\", \"lane\": \"doing\"}]}"));
    }
}
