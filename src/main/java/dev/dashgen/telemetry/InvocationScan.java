package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the invocations table as of one moment: the row ranges are fixed first (see {@link RowRanges}),
 * so rows a writer appends meanwhile are ignored by every statement alike. Each range is its own short
 * statement (a reader's lock lasts one range), and ranges are spread over a few connections in parallel.
 */
final class InvocationScan {

    /** About 0.1 s of reading: short enough for a writer's timeout, long enough to hide per-statement cost. */
    static final long CHUNK_ROWS = 1 << 18;
    /** SQLite evaluates a statement on one core; a connection per core reads ranges side by side. */
    private static final int MAX_WORKERS = 4;

    /** {@code query} read rows {@code firstRow…lastRow}; both are 0 for an empty table. */
    record Result(Tally tally, Names models, Names agents, Names tools, InvocationQuery query, long firstRow,
                  long lastRow) {
    }

    private InvocationScan() {
    }

    /** {@code chunkRows}: rows per statement, so per lock a reader holds in rollback-journal mode. */
    static Result run(TelemetrySource source, Connection connection, TableShape shape, long nowSecond, long horizonSecond,
                      boolean clockSkew, long chunkRows)
            throws SQLException {
        SqlDialect dialect = source.dialect();
        RowRanges ranges = RowRanges.of(connection, TableShape.INVOCATIONS, dialect.rowId(), chunkRows);
        Names models = Names.distinct(connection, dialect, TableShape.INVOCATIONS, "model_name");
        Names agents = Names.distinct(connection, dialect, TableShape.INVOCATIONS, "agent_name");
        Names tools = Names.distinct(connection, dialect, TableShape.INVOCATIONS, "tool_name");
        for (Names names : List.of(models, agents, tools)) {
            if (names.tooMany()) throw new Unreadable("has more than " + Names.MAX + " distinct model, agent or tool names");
        }
        InvocationQuery query = new InvocationQuery(dialect, shape, models, agents, tools, nowSecond, horizonSecond, clockSkew);
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(ranges.size(), Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        Tally tally = workers <= 1
                ? chunks(dialect, connection, query, ranges, next)
                : parallel(source, connection, query, ranges, next, workers);
        long firstRow = ranges.size() == 0 ? 0 : ranges.from(0);
        long lastRow = ranges.size() == 0 ? 0 : ranges.to(ranges.size() - 1);
        return new Result(tally, models, agents, tools, query, firstRow, lastRow);
    }

    /** Rows {@code from…to} on one connection, {@code chunkRows} per statement: the few rows a writer just added. */
    static Tally rows(SqlDialect dialect, Connection connection, InvocationQuery query, long from, long to, long chunkRows)
            throws SQLException {
        List<long[]> spans = new ArrayList<>();
        for (long start = from; start <= to && start >= from; start += chunkRows) {
            spans.add(new long[] {start, Math.min(to, start + chunkRows - 1)});
        }
        return chunks(dialect, connection, query, new RowRanges(spans), new AtomicInteger());
    }

    private static Tally parallel(TelemetrySource source, Connection first, InvocationQuery query, RowRanges ranges,
                                  AtomicInteger next, int workers) throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "dashgen-telemetry");
            t.setDaemon(true);
            return t;
        });
        try {
            // Opened here, one after the other, so each can join the first connection's snapshot while it is read.
            List<Connection> connections = new ArrayList<>();
            List<Future<Tally>> parts = new ArrayList<>();
            try {
                for (int i = 0; i < workers; i++) connections.add(source.dialect().openAlongside(source.url(), first));
                for (Connection c : connections) parts.add(pool.submit(() -> chunks(source.dialect(), c, query, ranges, next)));
                Tally tally = new Tally();
                for (Future<Tally> part : parts) tally.merge(part.get());
                return tally;
            } finally {
                // No worker may still hold a connection when it closes: stop handing out ranges, wait for them.
                next.set(ranges.size());
                for (Future<Tally> part : parts) {
                    try {
                        part.get();
                    } catch (ExecutionException ignored) {
                        // the first failure is the one reported
                    }
                }
                for (Connection c : connections) close(c);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading telemetry", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        } finally {
            // Stop handing out chunks so a failed read ends promptly, then release the threads.
            next.set(ranges.size());
            pool.shutdownNow();
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the scan's own outcome is what matters
        }
    }

    /** Takes ranges from {@code next} until none are left; each is one statement, so one short lock. */
    private static Tally chunks(SqlDialect dialect, Connection c, InvocationQuery query, RowRanges ranges, AtomicInteger next)
            throws SQLException {
        Tally tally = new Tally();
        try (PreparedStatement statement = c.prepareStatement(query.sql())) {
            for (int range = next.getAndIncrement(); range < ranges.size(); range = next.getAndIncrement()) {
                statement.setLong(1, ranges.from(range));
                statement.setLong(2, ranges.to(range));
                dialect.eachRow(statement, rows -> query.accumulate(rows, tally));
            }
        }
        return tally;
    }
}
