package dev.dashgen.telemetry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
    /** Reading through a memory map saves a system call and a copy per page (about 8 % of a scan's time). */
    static final long MMAP_BYTES = 256L << 20;

    @Override
    public Connection open(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(MMAP_BYTES));
        return config.createConnection(url);
    }

    @Override
    public void eachRow(PreparedStatement statement, RowCursor.Reader reader) throws SQLException {
        SqliteRows.read(statement, reader);
    }

    /** From SQLite's own pragma: the driver's metadata query takes milliseconds, which a serve commit pays each time. */
    @Override
    public Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT name, type FROM pragma_table_info(?)")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    String type = r.getString(2);
                    columns.put(r.getString(1).toLowerCase(Locale.ROOT), type == null ? "" : type.toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** Whatever a column declares, SQLite stores each value with its own type: one expression reads them all. */
    @Override
    public TimestampColumn timestamp(String column, String type) {
        return new TimestampColumn("coalesce(" + epochSeconds(column) + ", -1)", false);
    }

    @Override
    public String fix() {
        return " — point --telemetry (or telemetry: in dashgen.yaml) at the telemetry logger's SQLite database";
    }

    /**
     * Integers and reals are epoch seconds. Text starting with a character below {@code ':'} (a digit, in
     * practice) goes to {@code unixepoch()}, which takes {@code YYYY-MM-DD}, {@code T} or a space, fractional
     * seconds of any length and a {@code Z} or {@code ±HH:MM} suffix, and yields NULL for anything else (a zone
     * written {@code ±HHMM} or {@code ±HH} is given its colon and read again);
     * text it rejects counts only when it is all digits (epoch seconds stored as text, too large for the
     * Julian day numbers {@code unixepoch()} would otherwise take them for). {@code +column} drops the
     * column's affinity so values compare by storage class (numbers sort before any text), which keeps
     * {@code 'now'} away from {@code unixepoch()}. Two comparisons and the parse per row: this expression is
     * a good part of a scan's cost.
     */
    String epochSeconds(String column) {
        String c = column;
        return "(CASE WHEN +" + c + " < '' THEN CAST(" + c + " AS INTEGER) WHEN +" + c + " < ':' THEN coalesce(unixepoch("
                + c + "), " + zoneWithoutColon(c) + ", CASE WHEN " + c + " GLOB '[0-9]*' AND " + c
                + " NOT GLOB '*[^0-9.]*' THEN CAST(" + c + " AS INTEGER) END) END)";
    }

    /**
     * Text ending in a zone {@code unixepoch()} does not take, {@code ±HHMM} ({@code strftime("%z")}) or {@code ±HH}
     * (PostgreSQL's text form), read as {@code ±HH:MM}. Only text {@code unixepoch()} rejected gets here, so the
     * usual forms pay nothing for it. {@link TextTimestamps} does the same.
     */
    private static String zoneWithoutColon(String c) {
        return "CASE WHEN " + c + " GLOB '*[+-][0-9][0-9][0-9][0-9]' THEN unixepoch(substr(" + c + ", 1, length(" + c
                + ") - 2) || ':' || substr(" + c + ", -2)) WHEN " + c + " GLOB '*[+-][0-9][0-9]' THEN unixepoch(" + c
                + " || ':00') END";
    }

    /** Converted in SQL, so the hot loop reads every value of a row as an integer and checks it once. */
    @Override
    public String units(String column) {
        return "CAST(round(" + column + " * " + (long) Money.UNITS_PER_USD + ") AS INTEGER)";
    }

    @Override
    public String position(String haystack, String needle) {
        return "instr(" + haystack + ", " + needle + ")";
    }

    @Override
    public String rowId() {
        return "rowid";
    }

    @Override
    public String binary(String expression) {
        return expression + " COLLATE BINARY";
    }

    @Override
    public boolean hasByteOrderIndex(Connection connection, String table, String column) throws SQLException {
        String sql = "SELECT 1 FROM pragma_index_list(?) AS l JOIN pragma_index_info(l.name) AS i"
                + " JOIN pragma_index_xinfo(l.name) AS x ON x.seqno = i.seqno"
                + " WHERE l.partial = 0 AND i.seqno = 0 AND i.name = ? COLLATE NOCASE AND x.coll = 'BINARY'";
        return SqlDialect.anyRow(connection, sql, table, column);
    }

    /** SQLite's BINARY collation is memcmp over the database's encoding. */
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
        return SqlDialect.byteOrder(charset);
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
