package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.dashgen.model.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows in SQLite and in PostgreSQL give the same report, figure for figure (the whole {@link CostReport}
 * compared), and the same problems: bad rows counted the same way, whether PostgreSQL keeps timestamps as text in
 * any of PRODUCT §3's forms or as timestamp columns, and whether it is read in one statement or in many ranges by
 * parallel workers sharing one snapshot.
 */
class PostgresMatchesSqliteTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void textTimestampsGoodAndBadRowsChunkedOrNot() throws Exception {
        try (TelemetryDb sqlite = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 5_000, 75, 42, 1);
             PgDatabase pg = PgDatabase.create()) {
            addAwkwardRows(sqlite);
            pg.copy(sqlite, PgDatabase.Timestamps.TEXT);
            Telemetry expected = TelemetryReader.read(sqlite.path(), NOW, 30);
            assertEquals(3, assertInstanceOf(Telemetry.Available.class, expected).problems().size(),
                    "three kinds of bad rows: " + expected);
            assertSame(expected, TelemetryReader.read(pg.url(), NOW, 30), pg);
            for (long chunkRows : new long[] {1_000, 4_999}) {
                assertSame(expected, TelemetryReader.read(pg.url(), NOW, 30, false, chunkRows), pg);
            }
        }
    }

    @Test
    void timestampWithAndWithoutTimeZoneColumns() throws Exception {
        for (PgDatabase.Timestamps type : List.of(PgDatabase.Timestamps.TIMESTAMPTZ, PgDatabase.Timestamps.TIMESTAMP)) {
            try (TelemetryDb sqlite = GeneratedTelemetry.create(dir.resolve(type + ".db"), NOW, 3_000, 75, 7, 1);
                 PgDatabase pg = PgDatabase.create()) {
                sqlite.add(sqlite.at("2027-01-01T00:00:00Z").cost(4), sqlite.at("2026-11-24 15:04:59").cost(0.5));
                pg.copy(sqlite, type);
                // a problem quotes the first bad row's timestamp as each database shows it: text, or PostgreSQL's own form
                assertSame(TelemetryReader.read(sqlite.path(), NOW, 30), TelemetryReader.read(pg.url(), NOW, 30, false, 700), pg,
                        "timestamp '2027-01-01T00:00:00Z'", type == PgDatabase.Timestamps.TIMESTAMPTZ
                                ? "timestamp '2027-01-01 00:00:00+00'" : "timestamp '2027-01-01 00:00:00'");
            }
        }
    }

    @Test
    void dailyCostsAloneWithDateOrTextDates() throws Exception {
        for (PgDatabase.Timestamps type : List.of(PgDatabase.Timestamps.TEXT, PgDatabase.Timestamps.TIMESTAMPTZ)) {
            try (TelemetryDb sqlite = TelemetryDb.create(dir.resolve("daily-" + type + ".db"), TelemetryDb.DAILY_COSTS);
                 PgDatabase pg = PgDatabase.create()) {
                sqlite.addDaily("2026-11-24", null, "chat", "gpt-5", 3, 300, 0.10)
                        .addDaily("2026-11-24", null, "chat", "gpt-5", 2, 200, 0.20)
                        .addDaily("2026-11-24", "alpha", "chat", "gpt-5", 1, 100, 0.05)
                        .addDaily("2026-11-02", "alpha", "code", "claude", 4, 400, 1.00)
                        .addDaily("2026-10-31", "beta", "code", "claude", 1, 10, 2.00)
                        .addDaily("2026-11-23", "beta", "code", "claude", -1, 10, 9.00)
                        .addDaily("2026-12-01", "beta", "code", "claude", 1, 10, 9.00);
                pg.exec("SELECT 1");
                pg.copy(sqlite, type);
                Telemetry expected = TelemetryReader.read(sqlite.path(), NOW, 90);
                assertEquals(2, assertInstanceOf(Telemetry.Available.class, expected).problems().size());
                assertSame(expected, TelemetryReader.read(pg.url(), NOW, 90), pg);
            }
        }
    }

    /** Rows a real table collects: every kind of bad row, awkward names and statuses, stray timestamp forms. */
    static void addAwkwardRows(TelemetryDb db) throws Exception {
        db.add(db.at("2026-11-24 10:00:00").id("neg-cost").cost(-0.5),
                db.at("2026-11-24 10:00:00").cost(null),
                db.at("2026-11-24 10:00:00").cost(1).set("prompt_tokens", -3),
                db.at("2026-11-24 10:00:00").cost(1).set("completion_tokens", null),
                db.at("2026-11-24 10:00:00").cost(1).set("total_tokens", 1L << 40),
                db.at("2026-11-24 10:00:00").cost(2_000_000),
                db.at("garbage").cost(1), db.at("").cost(1), db.at("24/11/2026").cost(1), db.at(null).cost(1),
                db.at("2026-11-24 16:51:44 UTC").cost(1), db.at(-5).cost(1),
                db.at("2027-01-01T00:00:00Z").cost(4), db.at("2026-11-24 15:05:01").cost(2),
                db.at("2026-11-24 15:04:59").cost(0.25).agent("alpha"),
                db.at("16:51:44").cost(0.125), db.at("2026-02-30 10:00").cost(0.5), db.at("2026-11-24 24:00").cost(0.5),
                db.at("2026-11-24T10:00:00.9999999+14:00").cost(0.5), db.at(1795539104.779).cost(0.5),
                db.at("1795539104").cost(0.5), db.at(" 1795539104 ").cost(0.5),
                db.at("2026-11-24 10:00:00").set("status", "OK").cost(0.5),
                db.at("2026-11-24 10:00:00").set("status", "Success").cost(0.5),
                db.at("2026-11-24 10:00:00").set("status", "failed").cost(0.5).set("error_message", null),
                db.at("2026-11-24 10:00:00").model("it's \"quoted\"").agent("").tool("ünïcode ✓").cost(0.001),
                db.at("2026-11-24 10:00:00").model("gpt-5").agent("ALPHA").tool("chat").cost(0.000_000_4),
                db.at("2026-11-24 10:00:00").cost(0.000_000_000_5).set("task_id", " T-1 "));
    }

    /** Same report and the same problem messages; the problems name each source as its user named it. */
    static void assertSame(Telemetry sqlite, Telemetry pg, PgDatabase db) {
        assertSame(sqlite, pg, db, "", "");
    }

    /** As above, with {@code from} in the SQLite problems read as {@code to}. */
    static void assertSame(Telemetry sqlite, Telemetry pg, PgDatabase db, String from, String to) {
        Telemetry.Available expected = assertInstanceOf(Telemetry.Available.class, sqlite, sqlite::toString);
        Telemetry.Available actual = assertInstanceOf(Telemetry.Available.class, pg, pg::toString);
        assertEquals(expected.report(), actual.report());
        assertEquals(expected.problems().stream().map(p -> from.isEmpty() ? p.message() : p.message().replace(from, to)).toList(),
                actual.problems().stream().map(Problem::message).toList());
        String shown = PostgresUrl.display(db.url());
        for (Problem p : actual.problems()) {
            assertEquals(shown, p.file());
            assertFalse(p.file().contains(db.url().replaceAll(".*password=", "")), "no password in " + p.file());
        }
    }
}
