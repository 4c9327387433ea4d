package dev.dashgen.telemetry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.core.Codes;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;

/**
 * SQLite's rows read straight from the driver's native statement. sqlite-jdbc's {@link ResultSet} takes the
 * connection's lock, checks the column and allocates a callback for every value it returns; over a million rows
 * of seven numbers that costs more than SQLite's own work. Here the lock is taken once per statement and each
 * value is one native call. The statement is still run and closed through JDBC, which binds its parameters,
 * steps to the first row and reports errors the usual way; only the rows after it are stepped here.
 */
final class SqliteRows implements RowCursor {

    private final DB db;
    private final long statement;
    private boolean onFirstRow = true;

    private SqliteRows(DB db, long statement) {
        this.db = db;
        this.statement = statement;
    }

    /** Executes {@code statement}, its parameters bound, and hands its rows to {@code reader}. */
    static void read(PreparedStatement statement, RowCursor.Reader reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            if (rows.next()) {
                ((CoreStatement) statement).pointer.safeRunConsume((db, pointer) -> reader.read(new SqliteRows(db, pointer)));
            }
        }
    }

    @Override
    public boolean next() throws SQLException {
        if (onFirstRow) { // JDBC's executeQuery has stepped to it, and JDBC's next() only moved onto it
            onFirstRow = false;
            return true;
        }
        int status = db.step(statement);
        if (status == Codes.SQLITE_ROW) return true;
        if (status == Codes.SQLITE_DONE) return false;
        db.throwex(status);
        return false;
    }

    @Override
    public long getLong(int column) throws SQLException {
        return db.column_long(statement, column - 1);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return db.column_blob(statement, column - 1);
    }

    @Override
    public String getString(int column) throws SQLException {
        return db.column_text(statement, column - 1);
    }
}
