package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A broken source never fails the build: no cost pages and one line why, or the part that can be used. */
class BrokenSourcesTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final String FIX = " — point --telemetry (or telemetry: in dashgen.yaml) at the telemetry logger's SQLite database";

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        String path = dir.resolve("nope.db").toString();
        assertUnavailable("telemetry database '" + path + "' not found" + FIX, path);
        assertFalse(Files.exists(dir.resolve("nope.db")), "reading must not create the database");
    }

    @Test
    void missingFileNamedByJdbcUrl() {
        String url = "jdbc:sqlite:" + dir.resolve("nope.db");
        assertUnavailable("telemetry database '" + url + "' not found" + FIX, url);
    }

    @Test
    void directoryInsteadOfFile() {
        assertUnavailable("telemetry database '" + dir + "' is not a file" + FIX, dir.toString());
    }

    @Test
    void fileThatIsNotADatabase() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "these are notes, not a database\n".repeat(200));
        assertUnavailable("telemetry database '" + file + "' is not an SQLite database" + FIX, file.toString());
    }

    @Test
    void emptyFileHasNoTables() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.db"));
        assertUnavailable("telemetry database '" + file + "' has no invocations or daily_costs table" + FIX, file.toString());
    }

    @Test
    void corruptPagesInsideAValidHeader() throws Exception {
        Path file = dir.resolve("t.db");
        try (TelemetryDb db = TelemetryDb.create(file)) {
            List<TelemetryDb.Row> rows = new ArrayList<>();
            for (int i = 0; i < 3000; i++) rows.add(db.at("2026-11-20 10:00:00").cost(0.5).error("boom " + i));
            db.add(rows);
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = "corrupt!".repeat(512).getBytes(StandardCharsets.US_ASCII);
            for (long at = 4096; at + junk.length < raf.length(); at += 3 * 4096) {
                raf.seek(at);
                raf.write(junk);
            }
        }
        Telemetry.Unavailable u = assertInstanceOf(Telemetry.Unavailable.class, TelemetryReader.read(file.toString(), NOW, 90));
        assertTrue(u.reason().startsWith("telemetry database '" + file + "' is corrupt ("), u.reason());
        assertTrue(u.reason().endsWith(FIX), u.reason());
    }

    @Test
    void noTelemetryTables() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"), "CREATE TABLE notes (text TEXT)")) {
            assertUnavailable("telemetry database '" + db.path() + "' has no invocations or daily_costs table" + FIX, db.path());
        }
    }

    @Test
    void invocationsMissingColumnsAndNoDailyCosts() throws Exception {
        String ddl = "CREATE TABLE invocations (id INTEGER PRIMARY KEY, timestamp TEXT, model_name TEXT, cost_usd REAL)";
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"), ddl)) {
            assertUnavailable("telemetry database '" + db.path() + "' has no usable cost data: table invocations lacks"
                    + " column(s) agent_name, tool_name, prompt_tokens, completion_tokens, total_tokens, latency_ms,"
                    + " status, error_message" + FIX, db.path());
        }
    }

    @Test
    void unsupportedJdbcUrlIsNamedWithoutItsPassword() {
        assertUnavailable("telemetry source 'jdbc:mysql://db/telemetry?user=me&password=***' is neither an SQLite database nor a PostgreSQL server — use"
                + " an SQLite file path, a jdbc:sqlite: or a jdbc:postgresql: URL", "jdbc:mysql://db/telemetry?user=me&password=hunter2");
    }

    /** The columns are read from SQLite's own table information, whatever the case of the names or the declared types. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "CREATE TABLE INVOCATIONS (ID INTEGER PRIMARY KEY, TIMESTAMP TEXT, AGENT_NAME TEXT, TOOL_NAME TEXT,"
                    + " MODEL_NAME TEXT, PROMPT_TOKENS INTEGER, COMPLETION_TOKENS INTEGER, TOTAL_TOKENS INTEGER,"
                    + " COST_USD REAL, LATENCY_MS INTEGER, STATUS TEXT, ERROR_MESSAGE TEXT)",
            "CREATE TABLE invocations (timestamp, agent_name, tool_name, model_name, prompt_tokens, completion_tokens,"
                    + " total_tokens, cost_usd, latency_ms, status, error_message)"})
    void anUpperCaseTableOrOneWithoutDeclaredTypesIsRead(String schema) throws Exception {
        Path file = dir.resolve("shapes.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.Statement s = c.createStatement()) {
            s.execute(schema);
            s.execute("INSERT INTO invocations (timestamp, agent_name, tool_name, model_name, prompt_tokens, completion_tokens,"
                    + " total_tokens, cost_usd, latency_ms, status) VALUES ('2026-11-24 10:00:00', 'a', 'chat', 'm', 10, 5, 15,"
                    + " 0.75, 200, 'success')");
        }
        Telemetry read = TelemetryReader.read(file.toString(), NOW, 90);
        Telemetry.Available t = assertInstanceOf(Telemetry.Available.class, read, read::toString);
        assertEquals(new BigDecimal("0.750000"), t.report().kpis().allTime());
        assertEquals(1, t.report().total().invocations());
    }

    @Test
    void onlyDailyCostsServesWhatItHoldsAndSumsTheLoggersDuplicateNullAgentRows() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"), TelemetryDb.DAILY_COSTS)) {
            db.addDaily("2026-11-24", null, "chat", "gpt-5", 3, 300, 0.10)
                    .addDaily("2026-11-24", null, "chat", "gpt-5", 2, 200, 0.20)
                    .addDaily("2026-11-24", "alpha", "chat", "gpt-5", 1, 100, 0.05)
                    .addDaily("2026-11-02", "alpha", "code", "claude", 4, 400, 1.00)
                    .addDaily("2026-10-31", "beta", "code", "claude", 1, 10, 2.00)
                    .addDaily("2026-11-23", "beta", "code", "claude", -1, 10, 9.00)
                    .addDaily("2026-12-01", "beta", "code", "claude", 1, 10, 9.00);
            Telemetry.Available t = assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), NOW, 90));
            CostReport r = t.report();
            assertTrue(r.fromDailyCostsOnly());
            assertEquals(new BigDecimal("3.350000"), r.kpis().allTime());
            assertEquals(new BigDecimal("1.350000"), r.kpis().month());
            assertEquals(new BigDecimal("0.350000"), r.kpis().today());
            assertEquals(11, r.total().invocations());
            assertEquals(new Breakdown(CostReport.NO_NAME, new Usage(5, 0, new BigDecimal("0.300000"), 500, 0, 0, 0, 0), null),
                    r.byAgent().stream().filter(b -> b.name().equals(CostReport.NO_NAME)).findFirst().orElseThrow());
            assertEquals(List.of(new DailyCost(LocalDate.parse("2026-11-24"), "gpt-5",
                    new Usage(6, 0, new BigDecimal("0.350000"), 600, 0, 0, 0, 0))),
                    r.daily().stream().filter(d -> d.date().equals(LocalDate.parse("2026-11-24"))).toList());
            assertEquals(List.of(), r.top());
            assertEquals(List.of(), r.errorsByModel());
            assertEquals(new BigDecimal("1.050000"), r.series("alpha").orElseThrow().total());
            assertEquals(List.of(
                    Problem.warning(db.path(), 0, 0, "1 daily_costs row with negative, missing or out-of-range numbers"
                            + " left out of the sums (first: date '2026-11-23', model claude)"),
                    Problem.warning(db.path(), 0, 0, "1 daily_costs row dated after now (" + NOW + ") left out of the"
                            + " sums (first: date '2026-12-01', model claude)")), t.problems());
        }
    }

    @Test
    void invocationsMissingColumnsFallBackToDailyCostsWithAWarning() throws Exception {
        String ddl = TelemetryDb.SCHEMA.replace("latency_ms INTEGER DEFAULT 0,", "");
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"), ddl)) {
            db.addDaily("2026-11-24", "alpha", "chat", "gpt-5", 3, 300, 0.25);
            Telemetry.Available t = assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), NOW, 90));
            assertTrue(t.report().fromDailyCostsOnly());
            assertEquals(new BigDecimal("0.250000"), t.report().kpis().allTime());
            assertEquals(List.of(Problem.warning(db.path(), 0, 0, "table invocations lacks column(s) latency_ms; costs"
                    + " come from daily_costs alone (no tokens by kind, errors, latency or top invocations)")), t.problems());
        }
    }

    @Test
    void badNumbersAreCountedOnceAndLeftOutOfTheSums() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at("2026-11-24 10:00:00").cost(1.25).tokens(10, 5).latency(100),
                    db.at("2026-11-24 10:00:00").id("neg-cost").cost(-0.5),
                    db.at("2026-11-24 10:00:00").cost(null),
                    db.at("2026-11-24 10:00:00").cost("abc"),
                    db.at("2026-11-24 10:00:00").cost(1).set("prompt_tokens", -3),
                    db.at("2026-11-24 10:00:00").cost(1).set("completion_tokens", null),
                    db.at("2026-11-24 10:00:00").cost(1).latency(-1),
                    db.at("2026-11-24 10:00:00").cost(1).set("total_tokens", 1L << 40),
                    db.at("2026-11-24 10:00:00").cost(2_000_000),
                    db.at("garbage").cost(-1));
            Telemetry.Available t = assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), NOW, 90));
            assertEquals(new Usage(1, 0, new BigDecimal("1.250000"), 15, 10, 5, 0, 0), t.report().total());
            assertEquals(List.of(Problem.warning(db.path(), 0, 0, "9 invocations with negative, missing or"
                    + " out-of-range numbers left out of the sums (first: invocation_id neg-cost)")), t.problems());
        }
    }

    @Test
    void engineErrorsBecomeAReasonAUserCanActOn() {
        SqliteDialect dialect = new SqliteDialect();
        assertEquals("stayed locked for more than 5 s",
                dialect.explain(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY)));
        assertEquals("stayed locked for more than 5 s",
                dialect.explain(new SQLiteException("locked", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)));
        assertEquals("is not an SQLite database",
                dialect.explain(new SQLiteException("file is not a database", SQLiteErrorCode.SQLITE_NOTADB)));
        assertEquals("is corrupt (database disk image is malformed)",
                dialect.explain(new SQLiteException("database disk image is malformed\nmore", SQLiteErrorCode.SQLITE_CORRUPT)));
        assertEquals(null, dialect.explain(new SQLiteException("no such column: x", SQLiteErrorCode.SQLITE_ERROR)));
    }

    private static void assertUnavailable(String reason, String source) {
        Telemetry t = TelemetryReader.read(source, NOW, 90);
        assertEquals(new Telemetry.Unavailable(reason), t);
        assertFalse(reason.contains("\n"));
    }
}
