package dev.dashgen.telemetry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite. Connections are read-only and run every statement in autocommit, so a reader holds its
 * shared lock for one statement only (one chunk of rows, well under the writer's timeout) and, in WAL
 * mode, never blocks the writer at all.
 */
final class SqliteDialect implements SqlDialect {

    static final int BUSY_TIMEOUT_MS = 5000;

    @Override
    public Connection open(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config.createConnection(url);
    }

    /**
     * Integers and reals are epoch seconds. Text of the form {@code YYYY-MM-DD…} goes to
     * {@code unixepoch()}, which takes {@code T} or a space, fractional seconds of any length and a
     * {@code Z} or {@code ±HH:MM} suffix, and yields NULL for anything else; other text counts only when it
     * is all digits (epoch seconds stored as text). {@code +column} drops the column's affinity so text and
     * numbers compare by storage class (numbers sort before any text): that keeps {@code 'now'}, empty
     * strings and Julian day numbers away from {@code unixepoch()}. The common forms cost a comparison, a
     * {@code substr} and the parse, which is what keeps ten million rows within seconds.
     */
    @Override
    public String epochSeconds(String column) {
        String c = column;
        return "(CASE WHEN +" + c + " >= '0' THEN (CASE WHEN substr(" + c + ", 5, 1) = '-' THEN unixepoch(" + c
                + ") WHEN " + c + " NOT GLOB '*[^0-9.]*' THEN CAST(" + c + " AS INTEGER) END)"
                + " WHEN +" + c + " < '' THEN CAST(" + c + " AS INTEGER) END)";
    }

    @Override
    public String rowId() {
        return "rowid";
    }

    /** SQLite compares text with memcmp over the database's encoding (BINARY collation). */
    @Override
    public Comparator<String> textOrder(Connection connection) throws SQLException {
        String encoding;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA encoding")) {
            encoding = r.next() ? r.getString(1) : "UTF-8";
        }
        Charset charset = switch (encoding.toUpperCase(Locale.ROOT)) {
            case "UTF-16LE" -> StandardCharsets.UTF_16LE;
            case "UTF-16BE" -> StandardCharsets.UTF_16BE;
            default -> StandardCharsets.UTF_8;
        };
        return (a, b) -> Arrays.compareUnsigned(a.getBytes(charset), b.getBytes(charset));
    }

    @Override
    public String explain(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) return null;
        int primary = sqlite.getResultCode().code & 0xFF;
        if (primary == SQLiteErrorCode.SQLITE_NOTADB.code) return "is not an SQLite database";
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code) return "is corrupt (" + firstLine(e) + ")";
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "stayed locked for more than " + BUSY_TIMEOUT_MS / 1000 + " s";
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) return "cannot be opened";
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code || primary == SQLiteErrorCode.SQLITE_PERM.code
                || primary == SQLiteErrorCode.SQLITE_AUTH.code) {
            return "could not be read (" + firstLine(e) + ")";
        }
        return null;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
