package dev.dashgen.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The rows of one executed statement, read a column at a time (columns count from 1, as in JDBC). The hot loop
 * of a scan reads through this rather than a {@link ResultSet}, so an engine can offer a cheaper way to its rows
 * (see {@link SqliteRows}).
 */
interface RowCursor {

    /** Moves to the next row; false after the last. */
    boolean next() throws SQLException;

    /** The column as an integer; 0 for NULL. */
    long getLong(int column) throws SQLException;

    /** The column's bytes; null for NULL. */
    byte[] getBytes(int column) throws SQLException;

    /** The column as text; null for NULL. */
    String getString(int column) throws SQLException;

    /** Reads the rows of one statement. */
    @FunctionalInterface
    interface Reader {
        void read(RowCursor rows) throws SQLException;
    }

    /** Any driver's rows, through JDBC. */
    static RowCursor of(ResultSet rows) {
        return new RowCursor() {
            @Override
            public boolean next() throws SQLException {
                return rows.next();
            }

            @Override
            public long getLong(int column) throws SQLException {
                return rows.getLong(column);
            }

            @Override
            public byte[] getBytes(int column) throws SQLException {
                return rows.getBytes(column);
            }

            @Override
            public String getString(int column) throws SQLException {
                return rows.getString(column);
            }
        };
    }
}
