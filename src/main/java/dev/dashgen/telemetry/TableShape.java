package dev.dashgen.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which telemetry tables exist, which columns they have and of which declared type (names and types lower-cased;
 * empty = no such table), and which columns the engine needs beyond PRODUCT §3's.
 */
record TableShape(Map<String, String> invocations, Map<String, String> dailyCosts, List<String> required) {

    static final String INVOCATIONS = "invocations";
    static final String DAILY_COSTS = "daily_costs";

    static final List<String> INVOCATION_COLUMNS = List.of("timestamp", "agent_name", "tool_name", "model_name",
            "prompt_tokens", "completion_tokens", "total_tokens", "cost_usd", "latency_ms", "status",
            "error_message");
    static final List<String> DAILY_COST_COLUMNS = List.of("date", "agent_name", "tool_name", "model_name",
            "invocations", "total_tokens", "total_cost_usd");

    TableShape {
        invocations = Map.copyOf(invocations);
        dailyCosts = Map.copyOf(dailyCosts);
        required = List.copyOf(required);
    }

    static TableShape read(Connection connection, SqlDialect dialect) throws SQLException {
        return new TableShape(dialect.columns(connection, INVOCATIONS), dialect.columns(connection, DAILY_COSTS),
                dialect.requiredInvocationColumns());
    }

    List<String> missingInvocationColumns() {
        List<String> wanted = new ArrayList<>(required);
        wanted.addAll(INVOCATION_COLUMNS);
        return wanted.stream().filter(c -> !invocations.containsKey(c)).toList();
    }

    List<String> missingDailyCostColumns() {
        return DAILY_COST_COLUMNS.stream().filter(c -> !dailyCosts.containsKey(c)).toList();
    }

    /** The declared type of an invocations column ("" when unknown). */
    String invocationType(String column) {
        return invocations.getOrDefault(column, "");
    }

    String dailyCostType(String column) {
        return dailyCosts.getOrDefault(column, "");
    }

    boolean invocationsUsable() {
        return !invocations.isEmpty() && missingInvocationColumns().isEmpty();
    }

    boolean dailyCostsUsable() {
        return !dailyCosts.isEmpty() && missingDailyCostColumns().isEmpty();
    }

    boolean hasCacheRead() {
        return invocations.containsKey("cache_read_tokens");
    }

    boolean hasCacheCreation() {
        return invocations.containsKey("cache_creation_tokens");
    }

    boolean hasCacheTokens() {
        return hasCacheRead() || hasCacheCreation();
    }

    boolean hasTaskId() {
        return invocations.containsKey("task_id");
    }

    boolean hasInvocationId() {
        return invocations.containsKey("invocation_id");
    }
}
