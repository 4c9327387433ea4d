package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads {@code daily_costs} when there is no usable {@code invocations} table. The table is small (one row
 * per day, agent, tool and model), so it is read whole, in Java. The reference logger's upsert never
 * matches rows whose agent is NULL, so one (date, tool, model) can have many rows: they are summed like
 * any others. It holds no prompt/completion split, errors or latency; agents' cost is known per day.
 */
final class DailyCostsScan {

    static final int BUCKET_SECONDS = 86_400;
    private static final String MAX_COUNT = "1000000000000000";

    record Result(Tally tally, Names models, Names agents, Names tools, String[] firstBad) {
    }

    private DailyCostsScan() {
    }

    static Result run(SqlDialect dialect, Connection connection, TableShape shape, long nowSecond) throws SQLException {
        SqlDialect.TimestampColumn date = dialect.timestamp("date", shape.dailyCostType("date"));
        String good = "invocations BETWEEN 0 AND " + MAX_COUNT + " AND total_tokens BETWEEN 0 AND " + MAX_COUNT
                + " AND total_cost_usd BETWEEN 0 AND " + (long) Money.MAX_INVOCATION_USD * 1000;
        String sql = "SELECT " + dialect.dailyCostsRowId() + ", " + date.sql() + ", CASE WHEN "
                + good + " THEN 0 ELSE 1 END, model_name, agent_name, tool_name, invocations, total_tokens,"
                + " " + dialect.units("total_cost_usd") + ", date FROM " + TableShape.DAILY_COSTS + " ORDER BY 1";
        Names models = Names.growing();
        Names agents = Names.growing();
        Names tools = Names.growing();
        Tally tally = new Tally();
        String[] firstBad = new String[BadRows.Reason.values().length];
        long today = Math.floorDiv(nowSecond, 86_400);
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                long second = date.text() ? TextTimestamps.seconds(r.getBytes(2)) : r.getLong(2);
                BadRows.Reason bad = r.getInt(3) != 0 ? BadRows.Reason.NUMBERS
                        : second < 0 ? BadRows.Reason.TIMESTAMP
                        : Math.floorDiv(second, 86_400) > today ? BadRows.Reason.FUTURE : null;
                if (bad != null) {
                    if (tally.bad.count(bad) == 0) {
                        firstBad[bad.ordinal()] = "date '" + r.getString(10) + "', model " + r.getString(4);
                    }
                    tally.bad.add(bad, r.getLong(1));
                    continue;
                }
                long day = Math.floorDiv(second, 86_400);
                int model = models.code(r.getString(4));
                int agent = agents.code(r.getString(5));
                int tool = tools.code(r.getString(6));
                if (models.tooMany() || agents.tooMany() || tools.tooMany()) {
                    throw new Unreadable("has more than " + Names.MAX + " distinct model, agent or tool names");
                }
                long units = r.getLong(9);
                tally.usage(day, false, model, agent, tool, r.getLong(7), units, 0, 0, r.getLong(8), 0, 0);
                if (units != 0) tally.buckets.add(agent, day, units);
            }
        }
        return new Result(tally, models, agents, tools, firstBad);
    }
}
