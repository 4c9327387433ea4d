package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.telemetry.PgDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md §8: serve follows a PostgreSQL telemetry table, which has no file to watch, by polling it. */
class ServePostgresTest {
    @TempDir
    Path dir;

    @Test
    void rowsInsertedIntoPostgresReachTheServedSite() throws Exception {
        Workspaces.small(dir);
        Path sqlite = dir.resolve("seed.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invocations (id INTEGER PRIMARY KEY, invocation_id TEXT, timestamp TEXT, agent_name TEXT,"
                    + " tool_name TEXT, model_name TEXT, prompt_tokens INTEGER, completion_tokens INTEGER, total_tokens INTEGER,"
                    + " cost_usd REAL, latency_ms INTEGER, status TEXT, error_message TEXT)");
            s.execute("INSERT INTO invocations VALUES (1, 'a', '2026-11-20 10:00:00', 'alice', 'chat', 'gpt-5', 10, 5, 15, 0.25,"
                    + " 300, 'success', NULL)");
        }
        try (PgDatabase pg = PgDatabase.create()) {
            pg.copy(sqlite, PgDatabase.Timestamps.TEXT);
            try (Preview p = Preview.start(() -> Workspaces.project(dir, pg.url()), null,
                    Preview.Options.of("127.0.0.1", 0), PreviewTest.QUIET); LiveClient live = LiveClient.connect(p.port())) {
                long first = live.await("build").path("build").asLong();
                assertTrue(allTime(p) == 0.25, "the first build read the server");
                pg.exec("INSERT INTO invocations VALUES (2, 'b', '2026-11-21 10:00:00', 'alice', 'chat', 'gpt-5', 10, 5, 15,"
                        + " 1.5, 300, 'success', NULL)");
                live.await("reload", m -> m.path("build").asLong() > first && LiveClient.lists(m, "urls", "data/summary.json"));
                assertTrue(allTime(p) == 1.75, "the inserted row is counted");
            }
        }
    }

    private static double allTime(Preview p) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(Http.get(p.port(), "/data/summary.json").body());
        return summary.path("cost").path("allTime").asDouble();
    }
}
