package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's telemetry: after rows are appended, the feed's report equals a full read, yet reads only the new rows. */
class TelemetryFeedTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void appendedRowsAreFoldedInWithoutAFullRead() throws Exception {
        try (TelemetryDb db = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 3_000, 40, 7, 1)) {
            TelemetryFeed feed = new TelemetryFeed(db.path(), 30, false, 500);
            assertSameAsFullRead(db, feed.read(NOW));

            db.add(rows(db, 700, "gpt-5", "alpha"));
            assertSameAsFullRead(db, feed.read(NOW));
            db.add(rows(db, 1, "claude-sonnet-4", null));
            assertSameAsFullRead(db, feed.read(NOW));
            assertSameAsFullRead(db, feed.read(NOW)); // nothing new
            assertEquals(1, feed.fullReads());
        }
    }

    @Test
    void badAndFutureRowsAppendedBecomeProblems() throws Exception {
        try (TelemetryDb db = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 500, 10, 3, 1)) {
            TelemetryFeed feed = new TelemetryFeed(db.path(), 30, false);
            feed.read(NOW);
            db.add(db.at("2026-11-24 14:00:00").model("gpt-5").tool("chat").cost(-1.0),
                    db.at("2027-01-01 00:00:00").model("gpt-5").tool("chat").cost(0.5),
                    db.at("yesterday").model("gpt-5").tool("chat").cost(0.5),
                    db.at("2026-11-24 14:30:00").model("gpt-5").tool("chat").cost(0.25).error("rate limited"));
            Telemetry.Available after = assertSameAsFullRead(db, feed.read(NOW));
            assertEquals(3, after.problems().size(), after.problems().toString());
            assertEquals(1, feed.fullReads());
        }
    }

    @Test
    void aNameNeverSeenBeforeLeadsToAFullRead() throws Exception {
        try (TelemetryDb db = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 500, 10, 3, 1)) {
            TelemetryFeed feed = new TelemetryFeed(db.path(), 30, false);
            feed.read(NOW);
            db.add(rows(db, 5, "brand-new-model", "alpha"));
            assertSameAsFullRead(db, feed.read(NOW));
            assertEquals(2, feed.fullReads());
        }
    }

    @Test
    void removedRowsOrAnotherNowLeadToAFullRead() throws Exception {
        try (TelemetryDb db = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 500, 10, 3, 1)) {
            TelemetryFeed feed = new TelemetryFeed(db.path(), 30, false);
            feed.read(NOW);
            db.exec("DELETE FROM invocations WHERE id = (SELECT min(id) FROM invocations)");
            assertSameAsFullRead(db, feed.read(NOW));
            assertEquals(2, feed.fullReads());

            db.exec("DELETE FROM invocations WHERE id = (SELECT max(id) FROM invocations)");
            assertSameAsFullRead(db, feed.read(NOW));
            assertEquals(3, feed.fullReads());

            Instant later = NOW.plusSeconds(3600);
            assertEquals(TelemetryReader.read(db.path(), later, 30), feed.read(later));
            assertEquals(4, feed.fullReads());
        }
    }

    @Test
    void aDatabaseThatGoesAwayIsReportedLikeAFullReadWould() throws Exception {
        Path file = dir.resolve("t.db");
        try (TelemetryDb db = GeneratedTelemetry.create(file, NOW, 100, 10, 3, 1)) {
            TelemetryFeed feed = new TelemetryFeed(db.path(), 30, false);
            feed.read(NOW);
        }
        java.nio.file.Files.delete(file);
        Telemetry gone = new TelemetryFeed(file.toString(), 30, false).read(NOW);
        assertInstanceOf(Telemetry.Unavailable.class, gone);
    }

    /** serve keeps its start as now while the telemetry service writes rows dated by the clock. */
    @Test
    void rowsUpToTheHorizonCountAsOfNowAndAMovingHorizonStaysIncremental() throws Exception {
        try (TelemetryDb db = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 500, 10, 3, 1)) {
            TelemetryFeed feed = new TelemetryFeed(db.path(), 30, false);
            feed.read(NOW, NOW);
            db.add(db.at("2026-11-24 16:00:00").model("gpt-5").tool("chat").cost(2.0));
            Telemetry.Available fixed = assertInstanceOf(Telemetry.Available.class, feed.read(NOW, NOW));
            assertEquals(1, fixed.problems().size(), "an hour after now is a future row while the horizon is now");

            Instant clock = Instant.parse("2026-11-24T17:00:00Z");
            Telemetry.Available live = assertInstanceOf(Telemetry.Available.class, feed.read(NOW, clock));
            assertEquals(TelemetryReader.scan(db.path(), NOW, clock, false, 30, InvocationScan.CHUNK_ROWS).telemetry(), live);
            assertEquals(List.of(), live.problems());
            assertEquals(fixed.report().kpis().today().add(new java.math.BigDecimal("2")).stripTrailingZeros(),
                    live.report().kpis().today().stripTrailingZeros(), "counted today, as of now");
            int full = feed.fullReads();

            db.add(db.at("2026-11-24 17:30:00").model("gpt-5").tool("chat").cost(1.0));
            Instant later = Instant.parse("2026-11-24T17:31:00Z");
            assertEquals(TelemetryReader.scan(db.path(), NOW, later, false, 30, InvocationScan.CHUNK_ROWS).telemetry(),
                    feed.read(NOW, later));
            assertEquals(full, feed.fullReads(), "no future rows were left behind, so the new rows alone were read");
        }
    }

    private static List<TelemetryDb.Row> rows(TelemetryDb db, int n, String model, String agent) {
        List<TelemetryDb.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TelemetryDb.Row row = db.at(i % 2 == 0 ? "2026-11-24T14:5" + (i % 10) + ":00.000001+00:00" : NOW.getEpochSecond() - i)
                    .model(model).agent(agent).tool("chat").tokens(100 + i, 20).cost((i % 97) / 100.0).latency(10 + i)
                    .set("task_id", "T-" + (i % 5)).set("ts_epoch", NOW.getEpochSecond() - i);
            if (i % 13 == 0) row.error("timeout after 30s");
            rows.add(row);
        }
        return rows;
    }

    private static Telemetry.Available assertSameAsFullRead(TelemetryDb db, Telemetry incremental) {
        Telemetry full = TelemetryReader.read(db.path(), NOW, 30);
        assertEquals(full, incremental);
        return assertInstanceOf(Telemetry.Available.class, incremental);
    }
}
