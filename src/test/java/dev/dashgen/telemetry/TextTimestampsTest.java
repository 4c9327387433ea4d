package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL rows' text timestamps are parsed in Java; SQLite's are parsed by SQLite. The two must agree on every
 * text, so the same rows give the same reports: each text is stored in the reference schema's DATETIME column of an
 * in-memory SQLite database and read back through the SQLite dialect's expression.
 */
class TextTimestampsTest {

    private static Connection sqlite;
    private static PreparedStatement insert;
    private static PreparedStatement read;

    @BeforeContainer
    static void open() throws SQLException {
        sqlite = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = sqlite.createStatement()) {
            s.execute("CREATE TABLE t (timestamp DATETIME)");
        }
        insert = sqlite.prepareStatement("INSERT INTO t (timestamp) VALUES (?)");
        read = sqlite.prepareStatement("SELECT coalesce(" + new SqliteDialect().epochSeconds("timestamp")
                + ", -1) FROM t");
    }

    @AfterContainer
    static void close() throws SQLException {
        if (sqlite != null) sqlite.close();
    }

    static long sqlite(String text) throws SQLException {
        if (sqlite == null) open();
        try (Statement s = sqlite.createStatement()) {
            s.execute("DELETE FROM t");
        }
        insert.setString(1, text);
        insert.executeUpdate();
        try (ResultSet r = read.executeQuery()) {
            r.next();
            return Math.max(-1, r.getLong(1)); // before 1970 is as unreadable as garbage to the reader
        }
    }

    @Test
    void theFormsOfProductSection3AndTheEdgesSqliteAccepts() throws SQLException {
        for (String text : List.of("2026-11-24T16:51:44.779728+00:00", "2026-11-24 16:51:44", "1795539104",
                "1795539104.779", "2026-11-24T16:51:44Z", "2026-11-25T01:51:44+09:00", "2026-11-24T11:51:44-05:00",
                "2026-11-24 16:51:44.123", "2026-11-24T16:51:44.123456789Z", "2026-11-24T16:51:44", "2026-11-24 16:51",
                "2026-11-24", "2026-11-24 23:59:59.9996", "2026-02-30", "2026-02-31 10:00", "2026-11-24 24:30",
                "16:51:44", "2026-11-24  T 16:51", "2026-11-24 ", " 2026-11-24", "2026-11-24T16:51:44+0000",
                "2026-11-24T16:51:44+00", "2026-11-24T16:51:44 Z ", "2026-11-24T16:51:44+14:59", "2026-11-24T16:51:44+15:00",
                "2026-11-24T16:51:60", "2026-11-24T16:51:44.", "+2026-11-24", "12026-11-24", "2026-1-24", "2460000",
                "2460000.5e0", "1e9", " 1795539104 ", "-5", "-2026-11-24", "0000-01-01", "9999-12-31 23:59:59",
                "9999-12-31 24:00", "1.2.3", "-.1", "-0.9", "99999999999999999999", "garbage", "", "now", "24/11/2026",
                "2026-11-24 16:51:44 UTC", "2026-11-24t16:51", "2026-11-24TT16:51", "2026-11-24 16:51:44 +01:00",
                "2026-11-24T22:21:44+0530", "2026-11-24 08:51:44-0800", "2026-11-24 08:51:44 -0800", "2026-11-24 16:51:44+00",
                "2026-11-24 08:51:44.5-08", "16:51-0800", "2026-11-24-08", "2026-11-24+0530", "-1234", "+0000", "12-3456")) {
            assertEquals(sqlite(text), TextTimestamps.seconds(text), text);
        }
        assertEquals(-1, TextTimestamps.seconds((byte[]) null));
    }

    @Property(tries = 3000, seed = "20261124")
    void agreesWithSqliteOnAnyText(@ForAll("timestampLike") String text) throws SQLException {
        assertEquals(sqlite(text), TextTimestamps.seconds(text), "[" + text + "]");
    }

    /** Mostly near-valid dates and times with their parts bent, and some noise from the same characters. */
    @Provide
    Arbitrary<String> timestampLike() {
        Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> year = Arbitraries.of("1969", "1970", "2000", "2026", "9999", "0000", "0001");
        Arbitrary<String> separator = Arbitraries.of("T", " ", "  ", "T ", "t", "", "TT");
        Arbitrary<String> fraction = Arbitraries.of("", ".", ".5", ".999999", ".123456789", ".0");
        Arbitrary<String> zone = Arbitraries.of("", "Z", "z", " Z", "+00:00", "-05:30", "+14:00", "+15:00", "+0000",
                "+00", " +01:00 ", "-00:00", "Z ", "ZZ", "+0530", "-0800", " -0800", "+1500", "+0560", "-08", "+14",
                "+15", "+5", "+05300", "+0530 ", "-08:0", "+05:30:00");
        Arbitrary<String> date = Combinators.combine(year, two, two).as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(two, two, two, fraction, Arbitraries.of(true, false))
                .as((h, m, s, f, seconds) -> h + ":" + m + (seconds ? ":" + s + f : ""));
        Arbitrary<String> dated = Combinators.combine(date, separator, time, zone, Arbitraries.of(true, false))
                .as((d, sep, t, z, withTime) -> withTime ? d + sep + t + z : d + sep);
        Arbitrary<String> timeOnly = Combinators.combine(time, zone).as((t, z) -> t + z);
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.longs().between(-10, 4_000_000_000L).map(String::valueOf),
                Arbitraries.doubles().between(0, 3e9).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789.e+- ").ofMinLength(1).ofMaxLength(14));
        Arbitrary<String> noise = Arbitraries.strings().withChars("0123456789-:.TZ+ ez").ofMaxLength(30);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, dated), net.jqwik.api.Tuple.of(1, timeOnly),
                net.jqwik.api.Tuple.of(2, number), net.jqwik.api.Tuple.of(2, noise));
    }
}
