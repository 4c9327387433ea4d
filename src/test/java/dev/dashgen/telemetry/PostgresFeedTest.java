package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve over PostgreSQL: rows the writers insert are folded in without a full read, and the report equals a fresh
 * full read; rows committed late, below the highest id already read (concurrent writers), are not missed.
 */
class PostgresFeedTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void insertedRowsAreFoldedInWithoutAFullRead() throws Exception {
        try (TelemetryDb sqlite = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 2_000, 30, 5, 1);
             PgDatabase pg = PgDatabase.create()) {
            pg.copy(sqlite, PgDatabase.Timestamps.TEXT);
            TelemetryFeed feed = new TelemetryFeed(pg.url(), 30, false, 500);
            assertSameAsFullRead(pg, feed.read(NOW));

            insert(pg.connection(), 300, "gpt-5", "alpha");
            assertSameAsFullRead(pg, feed.read(NOW));
            insert(pg.connection(), 1, "claude-sonnet-4", null);
            assertSameAsFullRead(pg, feed.read(NOW));
            assertSameAsFullRead(pg, feed.read(NOW)); // nothing new
            assertEquals(1, feed.fullReads());

            insert(pg.connection(), 2, "a-model-never-seen", "alpha");
            assertSameAsFullRead(pg, feed.read(NOW));
            assertEquals(2, feed.fullReads(), "a new name needs codes only a full read gives");
        }
    }

    @Test
    void aRowCommittedLateBelowTheHighestIdReadIsNotMissed() throws Exception {
        try (TelemetryDb sqlite = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 500, 10, 3, 1);
             PgDatabase pg = PgDatabase.create();
             Connection slow = pg.connect(); Connection fast = pg.connect()) {
            pg.copy(sqlite, PgDatabase.Timestamps.TEXT);
            TelemetryFeed feed = new TelemetryFeed(pg.url(), 30, false);
            feed.read(NOW);
            slow.setAutoCommit(false);
            insert(slow, 1, "gpt-5", "alpha"); // takes the next id, commits later
            insert(fast, 1, "gpt-5", "beta");  // a higher id, committed now
            assertSameAsFullRead(pg, feed.read(NOW));
            slow.commit();
            assertSameAsFullRead(pg, feed.read(NOW));
            assertEquals(2, feed.fullReads(), "the late row is found by a full read");
        }
    }

    private static void insert(Connection c, int n, String model, String agent) throws Exception {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO invocations (invocation_id, timestamp, agent_name,"
                + " tool_name, model_name, prompt_tokens, completion_tokens, total_tokens, cost_usd, latency_ms, status,"
                + " error_message, task_id) VALUES (?, ?, ?, 'chat', ?, ?, 20, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                p.setString(1, "new-" + model + "-" + agent + "-" + System.nanoTime() + "-" + i);
                p.setString(2, i % 2 == 0 ? "2026-11-24T14:5" + (i % 10) + ":00.000001+00:00"
                        : String.valueOf(NOW.getEpochSecond() - i));
                p.setString(3, agent);
                p.setString(4, model);
                p.setLong(5, 100 + i);
                p.setLong(6, 120 + i);
                p.setDouble(7, (i % 97) / 100.0);
                p.setLong(8, 10 + i);
                p.setString(9, i % 13 == 0 ? "error" : "success");
                p.setString(10, i % 13 == 0 ? "timeout after 30s" : null);
                p.setString(11, "T-" + (i % 5));
                p.executeUpdate();
            }
        }
    }

    private static void assertSameAsFullRead(PgDatabase pg, Telemetry incremental) {
        assertEquals(TelemetryReader.read(pg.url(), NOW, 30), incremental);
        assertInstanceOf(Telemetry.Available.class, incremental);
    }
}
