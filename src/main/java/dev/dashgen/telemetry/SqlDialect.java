package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;

/**
 * What differs between database engines, so PostgreSQL can follow SQLite: how to open a source without
 * ever blocking its writer, how to turn a stored timestamp into epoch seconds, how rows are numbered for
 * chunked reading, how text compares, and what an engine error means to a user. Everything else the
 * reader sends is plain SQL.
 */
interface SqlDialect {

    /** Opens {@code url} read-only with a busy timeout; never creates a database. */
    Connection open(String url) throws SQLException;

    /** SQL giving epoch seconds (an integer) for any accepted timestamp form in {@code column}, else NULL. */
    String epochSeconds(String column);

    /** SQL giving a non-negative USD amount in whole nano-dollars (see {@link Money}), rounded half away from zero. */
    String units(String column);

    /** A stable, increasing row number: new rows get higher numbers, so reading up to one is a snapshot. */
    String rowId();

    /** {@code expression} compared byte by byte, whatever collation its column declares. */
    String binary(String expression);

    /** Whether a full (not partial) index leads with {@code column} in {@link #binary} order, for seeks by name. */
    boolean hasByteOrderIndex(Connection connection, String table, String column) throws SQLException;

    /** The order in which {@link #binary} text compares, so Java can build a search tree over names. */
    Comparator<String> textOrder(Connection connection) throws SQLException;

    /** A short reason for the user, or null when the error is not about the database or its file. */
    String explain(SQLException e);

    /** SQL for the 1-based character position of {@code needle} in {@code haystack}, 0 when absent. */
    String position(String haystack, String needle);

    /** A string literal; names are inlined because a tree over thousands of them would exceed parameter limits. */
    default String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
