package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Which telemetry tables exist and which columns they have (names lower-cased; empty = no such table). */
record TableShape(Set<String> invocations, Set<String> dailyCosts) {

    static final String INVOCATIONS = "invocations";
    static final String DAILY_COSTS = "daily_costs";

    static final List<String> INVOCATION_COLUMNS = List.of("timestamp", "agent_name", "tool_name", "model_name",
            "prompt_tokens", "completion_tokens", "total_tokens", "cost_usd", "latency_ms", "status",
            "error_message");
    static final List<String> DAILY_COST_COLUMNS = List.of("date", "agent_name", "tool_name", "model_name",
            "invocations", "total_tokens", "total_cost_usd");

    TableShape {
        invocations = Set.copyOf(invocations);
        dailyCosts = Set.copyOf(dailyCosts);
    }

    static TableShape read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        return new TableShape(columns(meta, INVOCATIONS), columns(meta, DAILY_COSTS));
    }

    private static Set<String> columns(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet r = meta.getColumns(null, null, table, "%")) {
            while (r.next()) {
                if (table.equalsIgnoreCase(r.getString("TABLE_NAME"))) {
                    names.add(r.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    List<String> missingInvocationColumns() {
        return INVOCATION_COLUMNS.stream().filter(c -> !invocations.contains(c)).toList();
    }

    List<String> missingDailyCostColumns() {
        return DAILY_COST_COLUMNS.stream().filter(c -> !dailyCosts.contains(c)).toList();
    }

    boolean invocationsUsable() {
        return !invocations.isEmpty() && missingInvocationColumns().isEmpty();
    }

    boolean dailyCostsUsable() {
        return !dailyCosts.isEmpty() && missingDailyCostColumns().isEmpty();
    }

    boolean hasCacheRead() {
        return invocations.contains("cache_read_tokens");
    }

    boolean hasCacheCreation() {
        return invocations.contains("cache_creation_tokens");
    }

    boolean hasCacheTokens() {
        return hasCacheRead() || hasCacheCreation();
    }

    boolean hasTaskId() {
        return invocations.contains("task_id");
    }

    boolean hasInvocationId() {
        return invocations.contains("invocation_id");
    }
}
