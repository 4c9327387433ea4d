package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/**
 * A cheap look at a telemetry source that has no file to watch (PostgreSQL): {@link #signature()} changes when
 * rows were added (the highest {@code id}) and, where the server counts them, when rows were inserted below it,
 * updated or deleted (the table's statistics). One connection is kept open and reused, in autocommit, so each look
 * is one round trip that sees the latest commits; it is opened again after any failure. Not thread-safe: one
 * poller owns it.
 */
public final class TelemetryProbe implements AutoCloseable {

    /** What {@link #signature()} says while the source cannot be read; any later answer differs from it. */
    public static final String UNREACHABLE = "unreachable";

    private final TelemetrySource source;
    private Connection connection;
    private String sql;

    private TelemetryProbe(TelemetrySource source) {
        this.source = source;
    }

    /** A probe for {@code source} when it is one that must be polled; empty for files, which are watched instead. */
    public static Optional<TelemetryProbe> of(String source) {
        Objects.requireNonNull(source, "source");
        if (!PostgresUrl.accepts(source)) return Optional.empty();
        return TelemetrySource.of(source).map(TelemetryProbe::new);
    }

    /** Whether rows in {@code source} change without a file to watch, so serve must poll it. */
    public static boolean polled(String source) {
        return source != null && PostgresUrl.accepts(source);
    }

    /** The source as a user may see it: any password masked. */
    public static String display(String source) {
        return PostgresUrl.display(source);
    }

    /**
     * An opaque value: equal answers mean nothing a reader would notice has changed. {@link #UNREACHABLE} when the
     * server cannot be asked (the next answer after it comes back differs, so a rebuild follows).
     */
    public String signature() {
        try {
            if (connection == null) {
                connection = source.open();
                connection.setAutoCommit(true);
                sql = null;
            }
            if (sql == null) sql = query();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
                StringBuilder answer = new StringBuilder();
                r.next();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) answer.append(r.getString(i)).append('|');
                // A table created since the look was written: write it again, for the tables there are now.
                if (!r.getString(1).equals(r.getString(2))) sql = null;
                return answer.toString();
            }
        } catch (SQLException | RuntimeException e) {
            close(); // a table created or dropped, or the server gone: ask again from scratch next time
            return UNREACHABLE;
        }
    }

    /**
     * The look, for the tables there are: the highest id (its index answers at once), the newest daily_costs date,
     * and the server's counts of inserted, updated and deleted rows, which also move for rows committed late below
     * the highest id and for rows changed in place (they are flushed within about a second).
     */
    private String query() throws SQLException {
        boolean invocations;
        boolean dailyCosts;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT to_regclass('"
                + TableShape.INVOCATIONS + "') IS NOT NULL, to_regclass('" + TableShape.DAILY_COSTS + "') IS NOT NULL")) {
            r.next();
            invocations = r.getBoolean(1);
            dailyCosts = r.getBoolean(2);
        }
        String tables = "(to_regclass('" + TableShape.INVOCATIONS + "') IS NOT NULL)::text || '/' || (to_regclass('"
                + TableShape.DAILY_COSTS + "') IS NOT NULL)::text";
        StringBuilder sql = new StringBuilder("SELECT '" + invocations + "/" + dailyCosts + "' AS tables, " + tables);
        if (invocations) sql.append(", (SELECT max(").append(source.dialect().rowId()).append(") FROM ")
                .append(TableShape.INVOCATIONS).append(")");
        if (dailyCosts) sql.append(", (SELECT max(date)::text FROM ").append(TableShape.DAILY_COSTS).append(")");
        sql.append(", (SELECT sum(n_tup_ins) || '/' || sum(n_tup_upd) || '/' || sum(n_tup_del) FROM pg_stat_all_tables"
                + " WHERE relid IN (to_regclass('" + TableShape.INVOCATIONS + "'), to_regclass('" + TableShape.DAILY_COSTS
                + "')))");
        return sql.toString();
    }

    @Override
    public void close() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            // closing anyway
        }
        connection = null;
    }
}
