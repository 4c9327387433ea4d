package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names reach the report intact whichever way the scan codes them: a position in one string of names
 * (few short names) or a search tree (many names, or a name holding the separator), with names inside
 * other names, empty and NULL names, and text beyond the Basic Multilingual Plane.
 */
class NameCodesTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void namesInsideOtherNamesEmptyAndNull() throws Exception {
        assertAgentsRoundTrip(Arrays.asList("a", "ab", "b", "ba", "aba", "", null, "modèle-é", "模型", "🤖 bot"));
    }

    @Test
    void manyNamesUseTheSearchTree() throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 70; i++) names.add("agent-with-a-long-name-" + i);
        names.addAll(Arrays.asList("", null, "\uFFFF", "😀", "Z", "a"));
        assertAgentsRoundTrip(names);
    }

    @Test
    void aNameHoldingTheSeparatorUsesTheSearchTree() throws Exception {
        assertAgentsRoundTrip(Arrays.asList("x\u001fy", "x", "y", null));
    }

    @Test
    void namesThatDifferOnlyInCaseStayApartInNocaseColumns() throws Exception {
        String nocase = TelemetryDb.SCHEMA.replace("agent_name TEXT", "agent_name TEXT COLLATE NOCASE")
                .replace("model_name TEXT NOT NULL", "model_name TEXT COLLATE NOCASE");
        assertAgentsRoundTrip(Arrays.asList("A", "a", "b", "B", null), nocase);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) many.add((i % 2 == 0 ? "AGENT-" : "agent-") + i / 2 + "-with-a-longer-name");
        assertAgentsRoundTrip(many, nocase.replace("CREATE INDEX idx_invocations_agent ON invocations(agent_name);", ""));
    }

    private void assertAgentsRoundTrip(List<String> agents) throws Exception {
        assertAgentsRoundTrip(agents, TelemetryDb.SCHEMA.replace("model_name TEXT NOT NULL", "model_name TEXT"));
    }

    private void assertAgentsRoundTrip(List<String> agents, String schema) throws Exception {
        java.nio.file.Files.deleteIfExists(dir.resolve("t.db"));
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"), schema)) {
            List<TelemetryDb.Row> rows = new ArrayList<>();
            for (int i = 0; i < agents.size(); i++) {
                for (int copy = 0; copy <= i % 3; copy++) {
                    rows.add(db.at("2026-11-24 10:00:00").agent(agents.get(i)).model(agents.get(agents.size() - 1 - i))
                            .cost(i + 1));
                }
            }
            db.add(rows);
            CostReport r = assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), NOW, 90)).report();
            assertEquals(sql(db, "agent_name"), r.byAgent().stream()
                    .collect(Collectors.toMap(Breakdown::name, b -> b.usage().cost(), (a, b) -> a, TreeMap::new)));
            assertEquals(sql(db, "model_name"), r.byModel().stream()
                    .collect(Collectors.toMap(Breakdown::name, b -> b.usage().cost(), (a, b) -> a, TreeMap::new)));
        }
    }

    private static Map<String, BigDecimal> sql(TelemetryDb db, String column) throws Exception {
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (Object[] row : db.query("SELECT " + column + " COLLATE BINARY, sum(cost_usd) FROM invocations GROUP BY 1")) {
            expected.put(row[0] == null ? CostReport.NO_NAME : (String) row[0],
                    BigDecimal.valueOf(((Number) row[1]).doubleValue()).setScale(6));
        }
        return expected;
    }
}
