package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native row path gives exactly what JDBC's result set gives, row for row, and fails as it does. */
class SqliteRowsTest {

    @TempDir
    Path dir;

    private static final String SELECT = "SELECT n, t, b FROM cells WHERE k BETWEEN ? AND ? ORDER BY k";

    @Test
    void everyRowAndValueIsWhatJdbcGives() throws Exception {
        try (Connection c = table()) {
            for (long[] range : new long[][] {{1, 6}, {1, 1}, {4, 4}, {6, 6}, {7, 9}, {2, 5}}) {
                assertEquals(read(c, range, false), read(c, range, true), "rows " + Arrays.toString(range));
            }
            assertEquals(6, read(c, new long[] {1, 6}, true).size());
            assertEquals(List.of(), read(c, new long[] {7, 9}, true));
        }
    }

    @Test
    void anErrorAfterTheFirstRowIsReportedAsJdbcReportsIt() throws Exception {
        try (Connection c = table(); PreparedStatement p = c.prepareStatement("SELECT abs(n) FROM cells ORDER BY k")) {
            SQLException jdbc = assertThrows(SQLException.class, () -> jdbc(p, r -> {
                while (r.next()) r.getLong(1);
            }));
            SQLException nativeRows = assertThrows(SQLException.class, () -> SqliteRows.read(p, r -> {
                while (r.next()) r.getLong(1);
            }));
            assertTrue(jdbc.getMessage().contains("integer overflow"), jdbc.getMessage());
            assertEquals(jdbc.getMessage(), nativeRows.getMessage());
        }
    }

    private Connection table() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cells.db"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS cells (k INTEGER PRIMARY KEY, n, t, b)");
            s.execute("DELETE FROM cells");
            s.execute("INSERT INTO cells VALUES (1, 42, 'héllo', x'00ff10'), (2, NULL, NULL, NULL),"
                    + " (3, -7, '', x''), (4, 12.75, '12', 'text as bytes'), (5, '99', 'ünïcödé ✓', 3),"
                    + " (6, -9223372036854775808, 'last', NULL)");
        }
        return c;
    }

    private static void jdbc(PreparedStatement p, RowCursor.Reader reader) throws SQLException {
        try (ResultSet rows = p.executeQuery()) {
            reader.read(RowCursor.of(rows));
        }
    }

    /** Each row as "number|text|bytes", through JDBC or through the native path. */
    private static List<String> read(Connection c, long[] range, boolean nativeRows) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(SELECT)) {
            p.setLong(1, range[0]);
            p.setLong(2, range[1]);
            RowCursor.Reader reader = r -> {
                while (r.next()) {
                    byte[] bytes = r.getBytes(3);
                    rows.add(r.getLong(1) + "|" + r.getString(2) + "|"
                            + (bytes == null ? "null" : new String(bytes, StandardCharsets.ISO_8859_1)));
                }
            };
            if (nativeRows) SqliteRows.read(p, reader);
            else jdbc(p, reader);
        }
        return rows;
    }
}
