package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps one telemetry source's report current while {@code serve} runs. The first read is a full read;
 * after that, while the invocations table only grows (the telemetry logger appends), a read folds in just
 * the rows added since the previous one, so a commit costs its own rows, not the table's history. The
 * result equals a full read of the same table. Anything the append path cannot vouch for (another
 * {@code now}, a changed table shape, rows removed from either end, a model, agent or tool name not seen
 * before, a source with only {@code daily_costs}, any error) falls back to a full read. Rows rewritten in
 * place are not noticed until the next full read; the logger never rewrites them.
 */
public final class TelemetryFeed {

    private final String source;
    private final int reportDays;
    private final long chunkRows;
    private final boolean clockSkew;
    private TelemetryReader.Read last;
    private Instant lastNow;
    private int fullReads;
    private boolean appendedLast;

    /** {@code clockSkew}: {@code now} is the clock's, so rows a few minutes after the horizon count (see {@link TelemetryReader}). */
    public TelemetryFeed(String source, int reportDays, boolean clockSkew) {
        this(source, reportDays, clockSkew, InvocationScan.CHUNK_ROWS);
    }

    TelemetryFeed(String source, int reportDays, boolean clockSkew, long chunkRows) {
        this.source = Objects.requireNonNull(source, "source");
        this.reportDays = reportDays;
        this.clockSkew = clockSkew;
        this.chunkRows = chunkRows;
    }

    /** The report as of {@code now}, reading only appended rows when it can. */
    public Telemetry read(Instant now) {
        return read(now, now);
    }

    /**
     * As {@link #read(Instant)}, counting rows dated up to {@code horizon} (clamped to {@code now}) rather than
     * calling them future rows: serve keeps the {@code now} it started with, while its telemetry service goes
     * on writing rows dated by the clock.
     */
    public Telemetry read(Instant now, Instant horizon) {
        Instant upTo = horizon.isAfter(now) ? horizon : now;
        Telemetry appended = last != null && now.equals(lastNow) ? appended(now, upTo) : null;
        appendedLast = appended != null;
        if (appended != null) return appended;
        last = TelemetryReader.scan(source, now, upTo, clockSkew, reportDays, chunkRows);
        lastNow = now;
        fullReads++;
        return last.telemetry();
    }

    /** Whether the last read folded appended rows into the report before it (else it read the table whole). */
    public boolean appendedLast() {
        return appendedLast;
    }

    /** How many reads went through the whole table; tests check that appends do not. */
    int fullReads() {
        return fullReads;
    }

    /** The report with the rows appended since the last read folded in; null when only a full read will do. */
    private Telemetry appended(Instant now, Instant horizon) {
        InvocationScan.Result scan = last.scan();
        if (scan == null || scan.lastRow() == 0) return null;
        long read = scan.query().horizonSecond(); // the horizon the tallied rows were read with
        boolean sameHorizon = horizon.getEpochSecond() == read;
        // Rows once dated past the horizon may be current under a later one: only a full read can tell.
        if (!sameHorizon && (horizon.getEpochSecond() < read || scan.tally().bad.count(BadRows.Reason.FUTURE) > 0)) {
            return null;
        }
        TelemetrySource src = TelemetrySource.of(source).orElse(null);
        if (src == null || src.fileProblem() != null) return null;
        try (Connection c = src.open()) {
            if (!TableShape.read(c, src.dialect()).equals(last.shape())) return null;
            long[] span = span(c, src.dialect());
            if (span == null || span[0] != scan.firstRow() || span[1] < scan.lastRow()) return null;
            if (!src.dialect().rowsAppearInOrder() && rows(c, src.dialect(), scan) != scan.tally().rows) return null;
            if (span[1] == scan.lastRow()) return last.telemetry();
            if (!namesKnown(c, src.dialect(), scan, scan.lastRow() + 1, span[1])) return null;
            InvocationQuery query = sameHorizon ? scan.query() : new InvocationQuery(src.dialect(), last.shape(),
                    scan.models(), scan.agents(), scan.tools(), now.getEpochSecond(), horizon.getEpochSecond(), clockSkew);
            InvocationScan.Result grown = new InvocationScan.Result(scan.tally(), scan.models(), scan.agents(),
                    scan.tools(), query, scan.firstRow(), span[1]);
            // The tally is changed in place: forget it first, so a failure below leads to a full read.
            last = null;
            grown.tally().merge(InvocationScan.rows(src.dialect(), c, query, scan.lastRow() + 1, span[1], chunkRows));
            TableShape shape = TableShape.read(c, src.dialect());
            Telemetry telemetry = TelemetryReader.report(src, c, shape, grown, now, horizon, reportDays);
            last = new TelemetryReader.Read(telemetry, shape, grown);
            return telemetry;
        } catch (SQLException | RuntimeException e) {
            last = null;
            return null;
        }
    }

    /** The lowest and highest row number, or null for an empty table. */
    private static long[] span(Connection c, SqlDialect dialect) throws SQLException {
        String rowId = dialect.rowId();
        String table = TableShape.INVOCATIONS;
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT min(" + rowId + ") FROM " + table
                + "), (SELECT max(" + rowId + ") FROM " + table + ")"); ResultSet r = s.executeQuery()) {
            r.next();
            long first = r.getLong(1);
            long lastRow = r.getLong(2);
            return r.wasNull() ? null : new long[] {first, lastRow};
        }
    }

    /**
     * How many rows are numbered up to the last one read. More than were read means rows committed late, below
     * that number (concurrent writers), which the appended rows alone would miss.
     */
    private static long rows(Connection c, SqlDialect dialect, InvocationScan.Result scan) throws SQLException {
        String rowId = dialect.rowId();
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + TableShape.INVOCATIONS + " WHERE "
                + rowId + " BETWEEN ? AND ?")) {
            s.setLong(1, scan.firstRow());
            s.setLong(2, scan.lastRow());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** Whether every model, agent and tool name of rows {@code from…to} already has a code. */
    private static boolean namesKnown(Connection c, SqlDialect dialect, InvocationScan.Result scan, long from, long to)
            throws SQLException {
        String rowId = dialect.rowId();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT " + dialect.binary("model_name") + ", "
                + dialect.binary("agent_name") + ", " + dialect.binary("tool_name") + " FROM "
                + TableShape.INVOCATIONS + " WHERE " + rowId + " BETWEEN ? AND ?")) {
            s.setLong(1, from);
            s.setLong(2, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!scan.models().knows(r.getString(1)) || !scan.agents().knows(r.getString(2))
                            || !scan.tools().knows(r.getString(3))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
