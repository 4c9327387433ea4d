package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the invocations table as of one moment: the highest row number is fixed first, and every
 * statement after that stops at it, so rows a writer appends meanwhile are ignored by all of them alike.
 * Rows are read in chunks of row numbers, each its own short statement (a reader's lock lasts one chunk),
 * spread over a few connections in parallel.
 */
final class InvocationScan {

    static final long CHUNK_ROWS = 1 << 18;
    private static final int MAX_WORKERS = 4;

    record Result(Tally tally, Names models, Names agents, Names tools) {
    }

    private InvocationScan() {
    }

    static Result run(TelemetrySource source, Connection connection, TableShape shape, long nowSecond)
            throws SQLException {
        SqlDialect dialect = source.dialect();
        String rowId = dialect.rowId();
        long first;
        long last;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(
                "SELECT (SELECT min(" + rowId + ") FROM invocations), (SELECT max(" + rowId + ") FROM invocations)")) {
            r.next();
            first = r.getLong(1);
            last = r.getLong(2);
        }
        var order = dialect.textOrder(connection);
        Names models = Names.distinct(connection, TableShape.INVOCATIONS, "model_name", order);
        Names agents = Names.distinct(connection, TableShape.INVOCATIONS, "agent_name", order);
        Names tools = Names.distinct(connection, TableShape.INVOCATIONS, "tool_name", order);
        for (Names names : List.of(models, agents, tools)) {
            if (names.tooMany()) throw new Unreadable("has more than " + Names.MAX + " distinct model, agent or tool names");
        }
        InvocationQuery query = new InvocationQuery(dialect, shape, models, agents, tools, nowSecond);
        long chunks = last < first ? 0 : (last - first) / CHUNK_ROWS + 1;
        AtomicLong next = new AtomicLong();
        int workers = (int) Math.min(chunks, Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors()));
        Tally tally = workers <= 1
                ? chunks(connection, query, first, last, chunks, next)
                : parallel(source, query, first, last, chunks, next, workers);
        return new Result(tally, models, agents, tools);
    }

    private static Tally parallel(TelemetrySource source, InvocationQuery query, long first, long last, long chunks,
                                  AtomicLong next, int workers) throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "dashgen-telemetry");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Tally>> parts = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                parts.add(pool.submit(() -> {
                    try (Connection c = source.open()) {
                        return chunks(c, query, first, last, chunks, next);
                    }
                }));
            }
            Tally tally = query.newTally();
            for (Future<Tally> part : parts) tally.merge(part.get());
            return tally;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading telemetry", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        } finally {
            // Stop handing out chunks so a failed read ends promptly, then release the threads.
            next.set(Long.MAX_VALUE / 2);
            pool.shutdownNow();
        }
    }

    /** Takes chunks from {@code next} until none are left; each chunk is one statement, so one short lock. */
    private static Tally chunks(Connection c, InvocationQuery query, long first, long last, long chunks,
                                AtomicLong next) throws SQLException {
        Tally tally = query.newTally();
        try (PreparedStatement statement = c.prepareStatement(query.sql())) {
            for (long chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                long from = first + chunk * CHUNK_ROWS;
                statement.setLong(1, from);
                statement.setLong(2, Math.min(last, from + CHUNK_ROWS - 1));
                try (ResultSet rows = statement.executeQuery()) {
                    query.accumulate(rows, tally);
                }
            }
        }
        return tally;
    }
}
