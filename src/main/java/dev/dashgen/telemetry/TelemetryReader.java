package dev.dashgen.telemetry;

import dev.dashgen.model.Problem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a telemetry database into a {@link CostReport}. The database is opened read-only and read in
 * short statements, so the service writing to it is never held up; trouble with the source (missing,
 * corrupt, locked, foreign schema) becomes {@link Telemetry.Unavailable} with one line saying why, and bad
 * rows become problems. Only {@code now} says what "today" is: nothing here reads the clock.
 */
public final class TelemetryReader {

    /** Minute buckets are ints (until the year 6053); a --now beyond this is a usage error, not a crash. */
    private static final Instant LAST_NOW = Instant.parse("2600-01-01T00:00:00Z");

    private TelemetryReader() {
    }

    /**
     * @param source     a file path, a {@code jdbc:sqlite:} or a {@code jdbc:postgresql:} URL
     * @param now        the instant reports are relative to (UTC days)
     * @param reportDays how many days, ending today, the daily series cover (at least 1)
     */
    public static Telemetry read(String source, Instant now, int reportDays) {
        return read(source, now, reportDays, false);
    }

    /**
     * As {@link #read(String, Instant, int)}; with {@code clockSkew} (when {@code now} is the clock's), rows dated
     * up to a few minutes after {@code now} count as now instead of as dated in the future.
     */
    public static Telemetry read(String source, Instant now, int reportDays, boolean clockSkew) {
        return read(source, now, reportDays, clockSkew, InvocationScan.CHUNK_ROWS);
    }

    /** As {@link #read(String, Instant, int, boolean)}, reading {@code chunkRows} rows per statement. */
    static Telemetry read(String source, Instant now, int reportDays, boolean clockSkew, long chunkRows) {
        return scan(source, now, now, clockSkew, reportDays, chunkRows).telemetry();
    }

    /**
     * What a full read gave, and for an invocations table the scan behind it (the table's shape and the
     * tally of rows up to {@code scan.lastRow()}), which {@link TelemetryFeed} extends with later rows.
     */
    record Read(Telemetry telemetry, TableShape shape, InvocationScan.Result scan) {
        Read(Telemetry telemetry) {
            this(telemetry, null, null);
        }
    }

    /** {@code horizon}: see {@link InvocationQuery}; at or after {@code now}. */
    static Read scan(String source, Instant now, Instant horizon, boolean clockSkew, int reportDays, long chunkRows) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(now, "now");
        if (reportDays < 1) throw new IllegalArgumentException("reportDays must be at least 1, was " + reportDays);
        Optional<TelemetrySource> parsed = TelemetrySource.of(source);
        if (parsed.isEmpty()) {
            return new Read(new Telemetry.Unavailable("telemetry source '" + PostgresUrl.display(source)
                    + "' is neither an SQLite database nor a PostgreSQL server — use an SQLite file path, a jdbc:sqlite: or a jdbc:postgresql: URL"));
        }
        TelemetrySource src = parsed.get();
        if (now.isAfter(LAST_NOW) || now.getEpochSecond() < 0) {
            return new Read(unavailable(src, "cannot be reported as of " + now + " — pass a --now between 1970 and 2600", ""));
        }
        String fileProblem = src.fileProblem();
        String fix = src.dialect().fix();
        if (fileProblem != null) return new Read(unavailable(src, fileProblem, fix));
        try (Connection c = src.open()) {
            return read(src, c, now, horizon, clockSkew, reportDays, chunkRows);
        } catch (SQLException e) {
            String why = src.dialect().explain(e);
            return new Read(unavailable(src, why != null ? why : "could not be read (" + oneLine(e.getMessage()) + ")", fix));
        } catch (Unreadable e) {
            return new Read(unavailable(src, e.getMessage(), fix));
        }
    }

    private static Read read(TelemetrySource src, Connection c, Instant now, Instant horizon, boolean clockSkew,
                             int reportDays, long chunkRows)
            throws SQLException {
        TableShape shape = TableShape.read(c, src.dialect());
        if (shape.invocationsUsable()) {
            InvocationScan.Result scan = InvocationScan.run(src, c, shape, now.getEpochSecond(), horizon.getEpochSecond(),
                    clockSkew, chunkRows);
            return new Read(report(src, c, shape, scan, now, horizon, reportDays), shape, scan);
        }
        if (shape.dailyCostsUsable()) return new Read(fromDailyCosts(src, c, shape, now, reportDays));
        if (shape.invocations().isEmpty() && shape.dailyCosts().isEmpty()) {
            return new Read(unavailable(src, "has no invocations or daily_costs table", src.dialect().fix()));
        }
        String missing = shape.invocations().isEmpty()
                ? "table daily_costs lacks column(s) " + String.join(", ", shape.missingDailyCostColumns())
                : "table invocations lacks column(s) " + String.join(", ", shape.missingInvocationColumns());
        return new Read(unavailable(src, "has no usable cost data: " + missing, src.dialect().fix()));
    }

    /** The report of a finished scan: names the top invocations and the first bad row of each kind. */
    static Telemetry report(TelemetrySource src, Connection c, TableShape shape, InvocationScan.Result scan,
                            Instant now, Instant horizon, int reportDays) throws SQLException {
        Tally tally = scan.tally();
        List<Long> rows = new ArrayList<>();
        tally.top.entries().forEach(e -> rows.add(e.rowId()));
        for (BadRows.Reason reason : BadRows.Reason.values()) {
            if (tally.bad.count(reason) > 0) rows.add(tally.bad.first(reason));
        }
        Map<Long, RowDetails> details = RowDetails.fetch(c, src.dialect(), shape, rows);
        List<Problem> problems = new ArrayList<>();
        for (BadRows.Reason reason : BadRows.Reason.values()) {
            if (tally.bad.count(reason) == 0) continue;
            RowDetails first = details.get(tally.bad.first(reason));
            String where = first == null ? "row " + tally.bad.first(reason)
                    : "invocation_id " + first.invocationId()
                    + (reason == BadRows.Reason.NUMBERS ? "" : ", timestamp '" + first.timestamp() + "'");
            problems.add(Problem.warning(src.name(), 0, 0,
                    BadRowMessages.of(tally.bad.count(reason), "invocation", reason, horizon, where)));
        }
        Map<Long, String> ids = new TreeMap<>();
        details.forEach((row, d) -> ids.put(row, d.invocationId()));
        CostReport report = new ReportBuilder(tally, scan.models(), scan.agents(), scan.tools(), now, reportDays)
                .build(false, shape.hasCacheTokens(), ids, InvocationQuery.BUCKET_SECONDS);
        return new Telemetry.Available(report, problems);
    }

    private static Telemetry fromDailyCosts(TelemetrySource src, Connection c, TableShape shape, Instant now,
                                            int reportDays) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        if (!shape.invocations().isEmpty()) {
            problems.add(Problem.warning(src.name(), 0, 0, "table invocations lacks column(s) "
                    + String.join(", ", shape.missingInvocationColumns())
                    + "; costs come from daily_costs alone (no tokens by kind, errors, latency or top invocations)"));
        }
        DailyCostsScan.Result scan = DailyCostsScan.run(src.dialect(), c, shape, now.getEpochSecond());
        for (BadRows.Reason reason : BadRows.Reason.values()) {
            long count = scan.tally().bad.count(reason);
            if (count > 0) {
                problems.add(Problem.warning(src.name(), 0, 0,
                        BadRowMessages.of(count, "daily_costs row", reason, now, scan.firstBad()[reason.ordinal()])));
            }
        }
        CostReport report = new ReportBuilder(scan.tally(), scan.models(), scan.agents(), scan.tools(), now, reportDays)
                .build(true, false, Map.of(), DailyCostsScan.BUCKET_SECONDS);
        return new Telemetry.Available(report, problems);
    }

    static Telemetry unavailable(TelemetrySource src, String why, String fix) {
        return new Telemetry.Unavailable("telemetry database '" + src.name() + "' " + why + fix);
    }

    static String oneLine(String message) {
        String text = String.valueOf(message).strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
