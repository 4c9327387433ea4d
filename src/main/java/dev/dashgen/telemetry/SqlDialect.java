package dev.dashgen.telemetry;

import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What differs between database engines, so PostgreSQL can follow SQLite: how to open a source without
 * ever blocking its writer, how to turn a stored timestamp into epoch seconds, how rows are numbered for
 * chunked reading, how text compares, and what an engine error means to a user. Everything else the
 * reader sends is plain SQL.
 */
interface SqlDialect {

    /** Opens {@code url} read-only with a busy timeout; never creates a database. */
    Connection open(String url) throws SQLException;

    /**
     * Another connection for a parallel scan that sees exactly what {@code first} sees (its snapshot); open while
     * {@code first}'s reading is under way.
     */
    default Connection openAlongside(String url, Connection first) throws SQLException {
        return open(url);
    }

    /** Executes {@code statement}, its parameters bound, and hands its rows to {@code reader}. */
    default void eachRow(PreparedStatement statement, RowCursor.Reader reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            reader.read(RowCursor.of(rows));
        }
    }

    /** The columns of {@code table} (names lower-cased) with their declared types (lower-cased); empty when absent. */
    Map<String, String> columns(Connection connection, String table) throws SQLException;

    /** Columns of {@code invocations} this engine needs beyond PRODUCT §3's (PostgreSQL: an {@code id} to range over). */
    default List<String> requiredInvocationColumns() {
        return List.of();
    }

    /**
     * How a scan reads the timestamp {@code column} of declared {@code type}: SQL giving epoch seconds (-1 for
     * anything unreadable), or SQL giving the stored text for {@link TextTimestamps} to read in Java.
     */
    TimestampColumn timestamp(String column, String type);

    /** See {@link #timestamp}: {@code text} says the select-list item {@code sql} is text for Java to parse. */
    record TimestampColumn(String sql, boolean text) {
    }

    /** SQL giving a non-negative USD amount in whole nano-dollars (see {@link Money}), rounded half away from zero. */
    String units(String column);

    /** A stable, increasing row number: new rows get higher numbers, so reading up to one is a snapshot. */
    String rowId();

    /** A row number for {@code daily_costs}, whose rows may have no number of their own. */
    default String dailyCostsRowId() {
        return rowId();
    }

    /**
     * Whether rows become visible in the order of {@link #rowId()}: true where one writer commits at a time. Where
     * writers commit concurrently a lower number can appear after a higher one, so an incremental read must check.
     */
    default boolean rowsAppearInOrder() {
        return true;
    }

    /** {@code expression}, an integer, as a 64-bit one, so shifting it left keeps its bits (SQLite's always are). */
    default String wide(String expression) {
        return expression;
    }

    /**
     * Whether a scan codes model, agent and tool names in Java (from each row's raw bytes) rather than in SQL: where
     * per-row string functions cost the server more than sending the names does.
     */
    default boolean codesNamesInJava() {
        return false;
    }

    /** {@code expression} compared byte by byte, whatever collation its column declares. */
    String binary(String expression);

    /** {@code column} in the order an index on it can seek by (see {@link #hasByteOrderIndex}). */
    default String seekOrder(String column) {
        return binary(column);
    }

    /** Whether a full (not partial) index leads with {@code column} in {@link #seekOrder} order, for seeks by name. */
    boolean hasByteOrderIndex(Connection connection, String table, String column) throws SQLException;

    /** The order in which {@link #binary} text compares, so Java can build a search tree over names. */
    Comparator<String> textOrder(Connection connection) throws SQLException;

    /** A short reason for the user, or null when the error is not about the database or its file. */
    String explain(SQLException e);

    /** What to do about an unavailable source, appended to the reason (starting " — "). */
    String fix();

    /** SQL for the 1-based character position of {@code needle} in {@code haystack}, 0 when absent. */
    String position(String haystack, String needle);

    /** A string literal; names are inlined because a tree over thousands of them would exceed parameter limits. */
    default String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Whether {@code sql}, with {@code table} and {@code column} as its two parameters, gives a row. */
    static boolean anyRow(Connection connection, String sql, String table, String column) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            p.setString(1, table);
            p.setString(2, column);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The order of a collation that compares the bytes of {@code charset}, as memcmp does. */
    static Comparator<String> byteOrder(Charset charset) {
        return (a, b) -> Arrays.compareUnsigned(a.getBytes(charset), b.getBytes(charset));
    }
}
