package dev.dashgen.telemetry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A telemetry database for tests: the schema of PRODUCT §3 (or any other), and rows built fluently. */
final class TelemetryDb implements AutoCloseable {

    static final String INVOCATIONS = """
            CREATE TABLE invocations (id INTEGER PRIMARY KEY AUTOINCREMENT, invocation_id TEXT UNIQUE NOT NULL,
              timestamp DATETIME DEFAULT CURRENT_TIMESTAMP, agent_name TEXT, tool_name TEXT NOT NULL,
              model_name TEXT NOT NULL, prompt_tokens INTEGER DEFAULT 0, completion_tokens INTEGER DEFAULT 0,
              total_tokens INTEGER DEFAULT 0, cost_usd REAL DEFAULT 0.0, latency_ms INTEGER DEFAULT 0,
              status TEXT NOT NULL, error_message TEXT, privacy_level TEXT DEFAULT 'metadata');
            CREATE INDEX idx_invocations_timestamp ON invocations(timestamp);
            CREATE INDEX idx_invocations_agent ON invocations(agent_name);
            CREATE INDEX idx_invocations_tool ON invocations(tool_name);
            CREATE INDEX idx_invocations_model ON invocations(model_name);
            CREATE INDEX idx_invocations_status ON invocations(status);
            """;
    static final String DAILY_COSTS = """
            CREATE TABLE daily_costs (date DATE NOT NULL, agent_name TEXT, tool_name TEXT NOT NULL,
              model_name TEXT NOT NULL, invocations INTEGER DEFAULT 0, total_tokens INTEGER DEFAULT 0,
              total_cost_usd REAL DEFAULT 0.0, PRIMARY KEY (date, agent_name, tool_name, model_name));
            CREATE INDEX idx_daily_costs_date ON daily_costs(date);
            """;
    /** The schema the reference telemetry logger creates (PRODUCT §3). */
    static final String SCHEMA = INVOCATIONS + DAILY_COSTS + """
            CREATE TABLE schema_version (version TEXT PRIMARY KEY, applied_at DATETIME DEFAULT CURRENT_TIMESTAMP,
              description TEXT);
            """;

    private final Path file;
    private final Connection connection;
    private int nextId = 1;

    private TelemetryDb(Path file, String ddl) throws SQLException {
        this.file = file;
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        exec(ddl);
    }

    /** A database with the reference schema. */
    static TelemetryDb create(Path file) throws SQLException {
        return new TelemetryDb(file, SCHEMA);
    }

    static TelemetryDb create(Path file, String ddl) throws SQLException {
        return new TelemetryDb(file, ddl);
    }

    Path file() {
        return file;
    }

    String path() {
        return file.toString();
    }

    TelemetryDb exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String part : sql.split(";")) {
                if (!part.isBlank()) s.execute(part);
            }
        }
        return this;
    }

    /** A successful invocation at {@code timestamp} (any stored form) with every number 0 and a fresh id. */
    Row at(Object timestamp) {
        return new Row().set("invocation_id", "inv-" + nextId++).set("timestamp", timestamp)
                .set("tool_name", "tool").set("model_name", "model").set("status", "success");
    }

    /** Inserts rows in one transaction. */
    TelemetryDb add(Row... rows) throws SQLException {
        return add(List.of(rows));
    }

    TelemetryDb add(List<Row> rows) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Map<List<String>, PreparedStatement> statements = new LinkedHashMap<>();
        try {
            for (Row row : rows) {
                List<String> columns = List.copyOf(row.values.keySet());
                PreparedStatement p = statements.get(columns);
                if (p == null) statements.put(columns, p = connection.prepareStatement(insertSql("invocations", columns)));
                for (int i = 0; i < columns.size(); i++) p.setObject(i + 1, row.values.get(columns.get(i)));
                p.executeUpdate();
            }
            connection.commit();
        } finally {
            for (PreparedStatement p : statements.values()) p.close();
            connection.setAutoCommit(auto);
        }
        return this;
    }

    TelemetryDb addDaily(Object date, String agent, String tool, String model, Object invocations, Object tokens,
                         Object cost) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("date", date);
        v.put("agent_name", agent);
        v.put("tool_name", tool);
        v.put("model_name", model);
        v.put("invocations", invocations);
        v.put("total_tokens", tokens);
        v.put("total_cost_usd", cost);
        insert("daily_costs", v);
        return this;
    }

    private void insert(String table, Map<String, Object> values) throws SQLException {
        List<String> columns = List.copyOf(values.keySet());
        try (PreparedStatement p = connection.prepareStatement(insertSql(table, columns))) {
            for (int i = 0; i < columns.size(); i++) p.setObject(i + 1, values.get(columns.get(i)));
            p.executeUpdate();
        }
    }

    private static String insertSql(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /** Rows of an independent query, each as an array of column values (whole numbers as Long). */
    List<Object[]> query(String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    Object value = r.getObject(i + 1);
                    row[i] = value instanceof Integer small ? Long.valueOf(small) : value;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    Object scalar(String sql) throws SQLException {
        return query(sql).get(0)[0];
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** One invocation's column values; unset columns take the table's defaults. */
    static final class Row {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }

        Row model(String model) {
            return set("model_name", model);
        }

        Row agent(String agent) {
            return set("agent_name", agent);
        }

        Row tool(String tool) {
            return set("tool_name", tool);
        }

        Row cost(Object usd) {
            return set("cost_usd", usd);
        }

        Row tokens(long prompt, long completion) {
            return set("prompt_tokens", prompt).set("completion_tokens", completion)
                    .set("total_tokens", prompt + completion);
        }

        Row latency(long ms) {
            return set("latency_ms", ms);
        }

        Row error(String message) {
            return set("status", "error").set("error_message", message);
        }

        Row id(String invocationId) {
            return set("invocation_id", invocationId);
        }
    }
}
