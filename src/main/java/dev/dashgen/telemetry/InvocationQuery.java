package dev.dashgen.telemetry;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one statement that reads invocations, and the Java that folds its rows into a {@link Tally}.
 * Grouping in SQL would sort every row (a GROUP BY over a million rows costs more than the whole budget),
 * so the statement only normalises and packs: per row it returns a few integers (timestamp in epoch
 * seconds; validity, error and the three name codes in one; token pairs in others) that cost little to
 * cross JDBC, and Java sums them in arrays. Bad rows are flagged, not filtered, so they can be counted.
 */
final class InvocationQuery {

    static final int BUCKET_SECONDS = 60;
    /** Rows stamped up to this far after now count as now: writer clock skew, or a row committed mid-build. */
    static final long SKEW_SECONDS = 300;

    private static final int ROW_ID = 1;
    private static final int SECOND = 2;
    private static final int FLAGS = 3;
    private static final int COST = 4;
    private static final int PROMPT_COMPLETION = 5;
    private static final int TOKENS_LATENCY = 6;
    private static final int CACHE = 7;
    private static final int MESSAGE = 8;
    private static final int TASK = 9;

    private static final long BAD = 1L << 62;
    private static final long ERROR = 1L << 61;
    private static final long LOW32 = 0xFFFFFFFFL;
    private static final String INT_MAX = "2147483647";

    private final String sql;
    private final boolean cache;
    private final boolean taskIds;
    private final long nowSecond;
    private final Names models;
    private final Names agents;
    private final Names tools;

    InvocationQuery(SqlDialect dialect, TableShape shape, Names models, Names agents, Names tools, long nowSecond) {
        this.models = models;
        this.agents = agents;
        this.tools = tools;
        this.nowSecond = nowSecond;
        this.cache = shape.hasCacheTokens();
        this.taskIds = shape.hasTaskId();
        String cacheRead = shape.hasCacheRead() ? "coalesce(cache_read_tokens, 0)" : "0";
        String cacheCreation = shape.hasCacheCreation() ? "coalesce(cache_creation_tokens, 0)" : "0";
        String good = "cost_usd BETWEEN 0 AND " + (long) Money.MAX_INVOCATION_USD
                + inRange("prompt_tokens") + inRange("completion_tokens") + inRange("total_tokens")
                + inRange("latency_ms") + (shape.hasCacheRead() ? inRange(cacheRead) : "")
                + (shape.hasCacheCreation() ? inRange(cacheCreation) : "");
        String rowId = dialect.rowId();
        // Shifts and | share one precedence level in SQLite, hence the parentheses around every term.
        this.sql = "SELECT " + rowId
                + ", coalesce(" + dialect.epochSeconds("timestamp") + ", -1)"
                + ", ((CASE WHEN " + good + " THEN 0 ELSE 1 END) << 62)"
                + " | ((CASE WHEN lower(status) IN ('success', 'ok') THEN 0 ELSE 1 END) << 61)"
                + " | (" + models.sql("model_name", dialect) + " << 30)"
                + " | (" + agents.sql("agent_name", dialect) + " << 15)"
                + " | " + tools.sql("tool_name", dialect)
                + ", cost_usd"
                + ", (prompt_tokens << 32) | completion_tokens"
                + ", (total_tokens << 32) | latency_ms"
                + ", (" + cacheRead + " << 32) | " + cacheCreation
                + ", error_message"
                + ", " + (taskIds ? "task_id" : "NULL")
                + " FROM " + TableShape.INVOCATIONS
                + " WHERE " + rowId + " BETWEEN ? AND ? ORDER BY " + rowId;
    }

    private static String inRange(String column) {
        return " AND " + column + " BETWEEN 0 AND " + INT_MAX;
    }

    String sql() {
        return sql;
    }

    Tally newTally() {
        return new Tally(models.codeLimit(), agents.codeLimit(), tools.codeLimit());
    }

    /** Folds every row of {@code rows} into {@code tally}; the hot loop of the whole reader. */
    void accumulate(ResultSet rows, Tally tally) throws SQLException {
        while (rows.next()) {
            long rowId = rows.getLong(ROW_ID);
            long flags = rows.getLong(FLAGS);
            if ((flags & BAD) != 0) {
                tally.bad.add(BadRows.Reason.NUMBERS, rowId);
                continue;
            }
            long second = rows.getLong(SECOND);
            if (second < 0) {
                tally.bad.add(BadRows.Reason.TIMESTAMP, rowId);
                continue;
            }
            if (second > nowSecond) {
                if (second > nowSecond + SKEW_SECONDS) {
                    tally.bad.add(BadRows.Reason.FUTURE, rowId);
                    continue;
                }
                second = nowSecond;
            }
            long units = Money.units(rows.getDouble(COST));
            long promptCompletion = rows.getLong(PROMPT_COMPLETION);
            long tokensLatency = rows.getLong(TOKENS_LATENCY);
            long cacheTokens = cache ? rows.getLong(CACHE) : 0;
            long prompt = promptCompletion >>> 32;
            long completion = promptCompletion & LOW32;
            long tokens = tokensLatency >>> 32;
            if (tokens == 0) tokens = prompt + completion;
            long latency = tokensLatency & LOW32;
            boolean error = (flags & ERROR) != 0;
            int model = Cube.model(flags);
            int agent = Cube.agent(flags);
            int tool = Cube.tool(flags);

            tally.cube.add(Cube.key(Math.floorDiv(second, 86_400), error, model, agent, tool), 1, units, prompt,
                    completion, tokens, cacheTokens >>> 32, cacheTokens & LOW32);
            if (units != 0) tally.buckets.add(agent, second / BUCKET_SECONDS, units);
            tally.latency(model, agent, tool, latency);
            if (tally.top.wants(units, rowId)) {
                tally.top.offer(new TopInvocations.Entry(rowId, units, second, model, agent, tool, prompt,
                        completion, tokens, latency, error));
            }
            if (error) tally.error(model, rows.getString(MESSAGE));
            if (taskIds) {
                String task = rows.getString(TASK);
                if (task != null && !task.isBlank()) tally.task(task.strip(), units);
            }
        }
    }
}
