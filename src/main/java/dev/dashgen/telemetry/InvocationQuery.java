package dev.dashgen.telemetry;

import java.sql.SQLException;

/**
 * The one statement that reads invocations, and the Java that folds its rows into a {@link Tally}.
 * Grouping in SQL would sort every row (a GROUP BY over a million rows costs more than the whole budget),
 * so the statement only normalises: per row it returns integers that cost little to cross JDBC (epoch
 * seconds; cost in nano-dollars; the error flag and three name codes packed in one) and Java sums them in
 * arrays. Bad rows are counted, not filtered: SQL marks a bad cost and a NULL number as -1, Java checks
 * the rest, because each comparison in SQL costs more than the same test in Java. (Non-numeric text in a
 * token or latency column therefore reads as 0; in {@code cost_usd} it is a bad number.)
 */
final class InvocationQuery {

    /** Each agent's cost is kept per second: the split among its tasks is then exact (see {@link AgentCostSeries}). */
    static final int BUCKET_SECONDS = 1;
    /**
     * When {@code now} is the clock's, rows stamped up to this far after it count as now: writer clock skew, or a
     * row committed mid-build. A {@code now} given by the user is exact.
     */
    static final long SKEW_SECONDS = 300;

    private static final int FLAGS = 1;
    private static final int SECOND = 2;
    private static final int UNITS = 3;
    private static final int PROMPT = 4;
    private static final int COMPLETION = 5;
    private static final int TOKENS = 6;
    private static final int LATENCY = 7;
    private static final int CACHE_READ = 8;
    private static final int CACHE_CREATION = 9;
    private static final int ROW_ID = 10;
    private static final int MESSAGE = 11;
    private static final int TASK = 12;
    private static final int MODEL = 13;
    private static final int AGENT = 14;
    private static final int TOOL = 15;

    private static final long ERROR = 1L << 61;
    private static final int MODEL_SHIFT = 30;
    private static final int AGENT_SHIFT = 15;

    private final String sql;
    private final int[] modelCodes;
    private final int[] agentCodes;
    private final int[] toolCodes;
    private final boolean cacheRead;
    private final boolean cacheCreation;
    private final boolean taskIds;
    private final boolean textTimestamps;
    private final boolean namesInJava;
    private final Names models;
    private final Names agents;
    private final Names tools;
    private final long nowSecond;
    private final long horizonSecond;
    private final long skewSeconds;

    /**
     * {@code horizonSecond} (at least {@code nowSecond}): rows up to it (plus the skew) count, as of now; later
     * ones are future rows. A build has horizon = now; serve, whose now stays where it started, moves its
     * horizon with the clock so the rows its telemetry service writes meanwhile are counted.
     */
    InvocationQuery(SqlDialect dialect, TableShape shape, Names models, Names agents, Names tools, long nowSecond,
                    long horizonSecond, boolean clockSkew) {
        this.nowSecond = nowSecond;
        this.horizonSecond = Math.max(nowSecond, horizonSecond);
        this.skewSeconds = clockSkew ? SKEW_SECONDS : 0;
        this.modelCodes = models.decoder();
        this.agentCodes = agents.decoder();
        this.toolCodes = tools.decoder();
        this.cacheRead = shape.hasCacheRead();
        this.cacheCreation = shape.hasCacheCreation();
        this.taskIds = shape.hasTaskId();
        SqlDialect.TimestampColumn timestamp = dialect.timestamp("timestamp", shape.invocationType("timestamp"));
        this.textTimestamps = timestamp.text();
        this.namesInJava = dialect.codesNamesInJava();
        this.models = models;
        this.agents = agents;
        this.tools = tools;
        String rowId = dialect.rowId();
        String error = "(" + dialect.wide("CASE status WHEN 'success' THEN 0 WHEN 'ok' THEN 0"
                + " ELSE (CASE WHEN lower(status) IN ('success', 'ok') THEN 0 ELSE 1 END) END") + " << 61)";
        // Shifts and | share one precedence level in SQLite, hence the parentheses around every term.
        this.sql = "SELECT " + error
                + (namesInJava ? "" : " | (" + dialect.wide(models.sql("model_name", dialect)) + " << " + MODEL_SHIFT + ")"
                + " | (" + dialect.wide(agents.sql("agent_name", dialect)) + " << " + AGENT_SHIFT + ")"
                + " | " + dialect.wide(tools.sql("tool_name", dialect)))
                + ", " + timestamp.sql()
                + ", CASE WHEN cost_usd BETWEEN 0 AND " + (long) Money.MAX_INVOCATION_USD + " THEN "
                + dialect.units("cost_usd") + " ELSE -1 END"
                + ", coalesce(prompt_tokens, -1), coalesce(completion_tokens, -1), coalesce(total_tokens, -1)"
                + ", coalesce(latency_ms, -1)"
                + ", " + (cacheRead ? "coalesce(cache_read_tokens, 0)" : "0")
                + ", " + (cacheCreation ? "coalesce(cache_creation_tokens, 0)" : "0")
                + ", " + rowId
                + ", error_message"
                + ", " + (taskIds ? "task_id" : "NULL")
                + (namesInJava ? ", model_name, agent_name, tool_name" : "")
                + " FROM " + TableShape.INVOCATIONS
                + " WHERE " + rowId + " BETWEEN ? AND ? ORDER BY " + rowId;
    }

    String sql() {
        return sql;
    }

    long horizonSecond() {
        return horizonSecond;
    }

    boolean clockSkew() {
        return skewSeconds > 0;
    }

    /**
     * Folds every row of {@code rows} into {@code tally}; the hot loop of the whole reader, so each JDBC
     * getter it can skip (the row number is only needed for a bad row or a top-list candidate) matters.
     */
    void accumulate(RowCursor rows, Tally tally) throws SQLException {
        while (rows.next()) {
            tally.rows++;
            long units = rows.getLong(UNITS);
            long prompt = rows.getLong(PROMPT);
            long completion = rows.getLong(COMPLETION);
            long tokens = rows.getLong(TOKENS);
            long latency = rows.getLong(LATENCY);
            long cacheReads = cacheRead ? rows.getLong(CACHE_READ) : 0;
            long cacheWrites = cacheCreation ? rows.getLong(CACHE_CREATION) : 0;
            // Any negative (or NULL, read as -1) makes the OR negative; any value above 2^31-1 makes it larger.
            long all = prompt | completion | tokens | latency | cacheReads | cacheWrites;
            if (units < 0 || all < 0 || all > Integer.MAX_VALUE) {
                tally.bad.add(BadRows.Reason.NUMBERS, rows.getLong(ROW_ID));
                continue;
            }
            long second = textTimestamps ? TextTimestamps.seconds(rows.getBytes(SECOND)) : rows.getLong(SECOND);
            if (second < 0) {
                tally.bad.add(BadRows.Reason.TIMESTAMP, rows.getLong(ROW_ID));
                continue;
            }
            if (second > nowSecond) {
                if (second > horizonSecond + skewSeconds) {
                    tally.bad.add(BadRows.Reason.FUTURE, rows.getLong(ROW_ID));
                    continue;
                }
                second = nowSecond;
            }
            if (tokens == 0) tokens = prompt + completion;
            long flags = rows.getLong(FLAGS);
            boolean error = (flags & ERROR) != 0;
            int model;
            int agent;
            int tool;
            if (namesInJava) {
                model = models.code(rows.getBytes(MODEL));
                agent = agents.code(rows.getBytes(AGENT));
                tool = tools.code(rows.getBytes(TOOL));
            } else {
                model = modelCodes[(int) (flags >>> MODEL_SHIFT) & Cube.CODE_MASK];
                agent = agentCodes[(int) (flags >>> AGENT_SHIFT) & Cube.CODE_MASK];
                tool = toolCodes[(int) flags & Cube.CODE_MASK];
            }

            tally.usage(Math.floorDiv(second, 86_400), error, model, agent, tool, 1, units, prompt, completion, tokens,
                    cacheReads, cacheWrites);
            if (units != 0) tally.buckets.add(agent, second / BUCKET_SECONDS, units);
            tally.latency(model, agent, tool, latency);
            if (tally.top.mayWant(units)) {
                long rowId = rows.getLong(ROW_ID);
                if (tally.top.wants(units, rowId)) {
                    tally.top.offer(new TopInvocations.Entry(rowId, units, second, model, agent, tool, prompt,
                            completion, tokens, latency, error));
                }
            }
            if (error) tally.error(model, rows.getString(MESSAGE));
            if (taskIds) {
                String task = rows.getString(TASK);
                if (task != null && !task.isBlank()) tally.task(task.strip(), units);
            }
        }
    }
}
