package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.telemetry.PgDatabase;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** serve over PostgreSQL: a commit of the telemetry service is noticed by polling, and nothing else is. */
class TelemetryPollTest {

    static final Duration FAST = Duration.ofMillis(20);

    @Test
    void aCommitIsNoticedAndQuietIsQuiet() throws Exception {
        try (PgDatabase pg = PgDatabase.create()) {
            pg.exec("CREATE TABLE invocations (id BIGSERIAL PRIMARY KEY, invocation_id TEXT, timestamp TEXT,"
                    + " agent_name TEXT, tool_name TEXT, model_name TEXT, prompt_tokens BIGINT, completion_tokens BIGINT,"
                    + " total_tokens BIGINT, cost_usd DOUBLE PRECISION, latency_ms BIGINT, status TEXT, error_message TEXT)");
            BlockingQueue<String> changes = new LinkedBlockingQueue<>();
            try (TelemetryPoll poll = TelemetryPoll.start(pg.url(), FAST, () -> changes.add("changed")).orElseThrow()) {
                assertNull(changes.poll(300, TimeUnit.MILLISECONDS), "nothing changed: no rebuild");
                pg.exec("INSERT INTO invocations (invocation_id, timestamp, tool_name, model_name, cost_usd, status)"
                        + " VALUES ('a', '2026-11-24 10:00:00', 'chat', 'gpt-5', 1.5, 'success')");
                assertEquals("changed", changes.poll(10, TimeUnit.SECONDS), "an insert is noticed");
                // The server's row counts for it may land a moment later (within about a second) and be noticed
                // once more; wait until the poll has gone quiet.
                while (changes.poll(1500, TimeUnit.MILLISECONDS) != null) {
                    // drained
                }
                pg.exec("CREATE TABLE daily_costs (date DATE, agent_name TEXT, tool_name TEXT, model_name TEXT,"
                        + " invocations BIGINT, total_tokens BIGINT, total_cost_usd DOUBLE PRECISION)");
                assertNotNull(changes.poll(10, TimeUnit.SECONDS), "a table created is noticed");
            }
        }
    }

    @Test
    void theCheckRunsOnItsOwnThreadAndAFailingCallbackDoesNotStopIt() throws Exception {
        BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        int[] n = {0};
        try (TelemetryPoll poll = new TelemetryPoll(() -> String.valueOf(n[0]++), FAST, () -> {
            calls.add(Thread.currentThread().getName());
            throw new IllegalStateException("rebuild side trouble");
        }, () -> calls.add("closed"))) {
            assertEquals("dashgen-telemetry-poll", calls.poll(10, TimeUnit.SECONDS));
            assertEquals("dashgen-telemetry-poll", calls.poll(10, TimeUnit.SECONDS), "still polling after a failure");
        }
        String last = null;
        for (String c = calls.poll(); c != null; c = calls.poll()) last = c;
        assertEquals("closed", last, "close releases the probe on the poll's thread, last");
    }

    @Test
    void filesAreWatchedNotPolled() {
        assertTrue(TelemetryPoll.start("telemetry.db", () -> { }).isEmpty());
        assertTrue(TelemetryPoll.start("jdbc:sqlite:/tmp/t.db", () -> { }).isEmpty());
        assertTrue(TelemetryPoll.start(null, () -> { }).isEmpty());
    }
}
