package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL source that cannot serve reports is one line saying why, as a missing SQLite file is, and never shows
 * a password; the password comes from the URL, PGPASSWORD or ~/.pgpass; a read is one read-only snapshot that holds
 * no writer up.
 */
class PostgresSourcesTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    static final String SECRET = "Hunter2-Secret-XYZZY";
    static final String FIX = new PostgresDialect(Map.of()).fix();
    static final String PGPASSFILE = "org.postgresql.pgpassfile";

    @TempDir
    Path dir;
    PgDatabase pg;
    String savedPassFile;

    @BeforeEach
    void database() throws Exception {
        pg = PgDatabase.create();
        pg.exec(TelemetryDb.INVOCATIONS.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY")
                .replace("DATETIME", "TEXT").replace("REAL", "DOUBLE PRECISION").replace(";", ";\n"));
        pg.exec("INSERT INTO invocations (invocation_id, timestamp, tool_name, model_name, cost_usd, status)"
                + " VALUES ('a', '2026-11-24 10:00:00', 'chat', 'gpt-5', 1.5, 'success')");
        pg.reader("dashgen_reader", SECRET);
        // The driver reads ~/.pgpass when no password is given; these tests say which file it reads.
        savedPassFile = System.getProperty(PGPASSFILE);
        System.setProperty(PGPASSFILE, dir.resolve("no-pgpass").toString());
    }

    @AfterEach
    void drop() throws Exception {
        if (savedPassFile == null) System.clearProperty(PGPASSFILE);
        else System.setProperty(PGPASSFILE, savedPassFile);
        if (pg != null) pg.close();
    }

    @Test
    void readsWithThePasswordInTheUrl() {
        Telemetry t = TelemetryReader.read(pg.url("dashgen_reader", SECRET), NOW, 30);
        assertEquals(new BigDecimal("1.500000"), assertInstanceOf(Telemetry.Available.class, t).report().kpis().allTime());
    }

    @Test
    void passwordFromPgpasswordAndTheUrlWins() throws Exception {
        PostgresDialect dialect = new PostgresDialect(Map.of("PGPASSWORD", SECRET));
        try (Connection c = dialect.open(pg.url("dashgen_reader", null))) {
            assertEquals(1L, count(c));
        }
        PostgresDialect wrongEnv = new PostgresDialect(Map.of("PGPASSWORD", "not-it"));
        try (Connection c = wrongEnv.open(pg.url("dashgen_reader", SECRET))) {
            assertEquals(1L, count(c));
        }
    }

    @Test
    void passwordFromPgpassFile() throws Exception {
        assumeNoPgpassword();
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "# comment\nelsewhere:5432:*:*:nope\n"
                + pg.hostPort() + ":" + pg.name() + ":dashgen_reader:" + SECRET + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        System.setProperty(PGPASSFILE, pgpass.toString());
        Telemetry t = TelemetryReader.read(pg.url("dashgen_reader", null), NOW, 30);
        assertInstanceOf(Telemetry.Available.class, t, t::toString);
    }

    @Test
    void wrongPassword() {
        String url = pg.url("dashgen_reader", "Wrong-" + SECRET);
        Telemetry.Unavailable u = unavailable(url);
        assertEquals("telemetry database '" + PostgresUrl.display(url) + "' refused the password (FATAL: password"
                + " authentication failed for user \"dashgen_reader\")" + FIX, u.reason());
    }

    @Test
    void noPasswordAnywhere() {
        assumeNoPgpassword();
        String url = pg.url("dashgen_reader", null);
        assertEquals("telemetry database '" + url + "' asks for a password and none was given (put it in the URL as"
                + " password=…, in PGPASSWORD or in ~/.pgpass)" + FIX, unavailable(url).reason());
    }

    @Test
    void unreachableServer() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/telemetry?user=dashgen&password=" + SECRET;
        Telemetry.Unavailable u = unavailable(url);
        assertTrue(u.reason().startsWith("telemetry database 'jdbc:postgresql://127.0.0.1:" + port
                + "/telemetry?user=dashgen&password=***' cannot be reached (Connection to 127.0.0.1:" + port
                + " refused."), u.reason());
        assertTrue(u.reason().endsWith(FIX), u.reason());
    }

    @Test
    void unknownHost() {
        Telemetry.Unavailable u = unavailable("jdbc:postgresql://no-such-host.invalid/telemetry?user=x&password=" + SECRET);
        assertTrue(u.reason().contains("cannot be reached (The connection attempt failed. unknown host no-such-host.invalid"),
                u.reason());
    }

    @Test
    void missingDatabase() {
        String url = PgDatabase.withDatabase(pg.url(), "no_such_database");
        assertEquals("telemetry database '" + PostgresUrl.display(url) + "' does not exist (FATAL: database"
                + " \"no_such_database\" does not exist)" + FIX, unavailable(url).reason());
    }

    @Test
    void missingTables() throws Exception {
        pg.exec("DROP TABLE invocations");
        assertEquals("telemetry database '" + PostgresUrl.display(pg.url()) + "' has no invocations or daily_costs table"
                + FIX, unavailable(pg.url()).reason());
    }

    @Test
    void invocationsWithoutAnIdToRangeOver() throws Exception {
        pg.exec("ALTER TABLE invocations DROP COLUMN id");
        assertEquals("telemetry database '" + PostgresUrl.display(pg.url()) + "' has no usable cost data: table"
                + " invocations lacks column(s) id" + FIX, unavailable(pg.url()).reason());
    }

    @Test
    void tableTheUserMayNotRead() throws Exception {
        pg.exec("REVOKE SELECT ON invocations FROM dashgen_reader");
        Telemetry.Unavailable u = unavailable(pg.url("dashgen_reader", SECRET));
        assertTrue(u.reason().contains("could not be read: permission denied (ERROR: permission denied for table"
                + " invocations)"), u.reason());
    }

    @Test
    void userAndPasswordBeforeTheHostAreRefusedWithoutQuotingThem() {
        String url = "jdbc:postgresql://dashgen_reader:" + SECRET + "@" + pg.hostPort() + "/" + pg.name();
        Telemetry.Unavailable u = unavailable(url);
        assertTrue(u.reason().startsWith("telemetry database 'jdbc:postgresql://dashgen_reader:***@" + pg.hostPort()
                + "/" + pg.name() + "' names a user (and password) before the host"), u.reason());
    }

    @Test
    void oneReadOnlyRepeatableReadSnapshotThatHoldsNoWriterUp() throws Exception {
        try (Connection reader = new PostgresDialect(Map.of()).open(pg.url())) {
            assertEquals(1L, count(reader));
            try (Statement s = reader.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')")) {
                r.next();
                assertEquals("repeatable read", r.getString(1));
                assertEquals("on", r.getString(2));
            }
            try (Connection writer = pg.connect(); Statement w = writer.createStatement()) {
                w.execute("SET lock_timeout = '2s'");
                w.execute("INSERT INTO invocations (invocation_id, timestamp, tool_name, model_name, cost_usd, status)"
                        + " VALUES ('b', '2026-11-24 11:00:00', 'chat', 'gpt-5', 1, 'success')");
            }
            assertEquals(1L, count(reader), "the reader's snapshot stays as it began");
        }
        assertEquals(2L, ((Number) pg.scalar("SELECT count(*) FROM invocations")).longValue());
    }

    @Test
    void namedWithThePasswordMasked() {
        assertEquals("jdbc:postgresql://db:5432/t?user=me&password=***&sslmode=require",
                PostgresUrl.display("jdbc:postgresql://db:5432/t?user=me&password=" + SECRET + "&sslmode=require"));
        assertEquals("jdbc:postgresql://db/t?sslpassword=***&password=***",
                PostgresUrl.display("jdbc:postgresql://db/t?sslpassword=a%20b&password=" + SECRET));
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db/t?user=me&password=p%40ss&ssl=true");
        assertEquals("jdbc:postgresql://db/t?user=me&ssl=true", url.driverUrl());
        assertEquals("p@ss", url.password(Map.of("PGPASSWORD", "env")));
        assertEquals("env", PostgresUrl.parse("jdbc:postgresql://db/t").password(Map.of("PGPASSWORD", "env")));
        assertEquals(null, PostgresUrl.parse("jdbc:postgresql://db/t").password(Map.of()));
        TelemetrySource source = TelemetrySource.of("jdbc:postgresql://db/t?password=" + SECRET).orElseThrow();
        assertFalse(source.name().contains(SECRET) || source.toString().contains(SECRET), source.toString());
    }

    /** The reader takes PGPASSWORD from the process environment, which would answer before ~/.pgpass does. */
    private static void assumeNoPgpassword() {
        assumeTrue(System.getenv("PGPASSWORD") == null, "PGPASSWORD is set in this test's environment");
    }

    private static long count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM invocations")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Telemetry.Unavailable unavailable(String source) {
        Telemetry t = TelemetryReader.read(source, NOW, 30);
        Telemetry.Unavailable u = assertInstanceOf(Telemetry.Unavailable.class, t, t::toString);
        assertFalse(u.reason().contains(SECRET), u.reason());
        assertFalse(u.reason().contains("\n"), u.reason());
        return u;
    }
}
