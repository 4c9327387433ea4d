package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A fresh database on the test PostgreSQL server ({@code DASHGEN_TEST_PG_URL}, which {@code .ci/run} and
 * {@code .ci/postgres start} export), dropped on close. A test is skipped, with the reason shown, only when no
 * server is configured or reachable; with {@code DASHGEN_TEST_PG_REQUIRED=1} (as in CI) it fails instead.
 */
public final class PgDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "DASHGEN_TEST_PG_URL";

    /** How the copied {@code timestamp} column is declared. */
    public enum Timestamps { TEXT, TIMESTAMPTZ, TIMESTAMP }

    private final String serverUrl;
    private final String name;
    private final Connection connection;

    private PgDatabase(String serverUrl, String name) throws SQLException {
        this.serverUrl = serverUrl;
        this.name = name;
        this.connection = DriverManager.getConnection(url());
    }

    public static PgDatabase create() throws SQLException {
        String server = System.getenv(URL_VARIABLE);
        boolean required = "1".equals(System.getenv("DASHGEN_TEST_PG_REQUIRED"));
        if (server == null || server.isBlank()) {
            if (required) throw new IllegalStateException(URL_VARIABLE + " is not set but DASHGEN_TEST_PG_REQUIRED=1");
            assumeTrue(false, "no PostgreSQL server: set " + URL_VARIABLE + " (.ci/postgres start prints it)");
        }
        String name = "dashgen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(server); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (required) throw e;
            assumeTrue(false, "PostgreSQL server at " + URL_VARIABLE + " cannot be reached: " + e.getMessage());
        }
        return new PgDatabase(server, name);
    }

    /** This database's JDBC URL, password included. */
    public String url() {
        return withDatabase(serverUrl, name);
    }

    /** The URL with {@code user} and {@code password} in place of the server's own (null leaves the password out). */
    public String url(String user, String password) {
        String base = url().replaceAll("[?&](user|password)=[^&]*", "");
        String sep = base.contains("?") ? "&" : "?";
        return base + sep + "user=" + user + (password == null ? "" : "&password=" + password);
    }

    /** The server's host and port as in the URL, e.g. {@code 127.0.0.1:5432}. */
    public String hostPort() {
        String rest = serverUrl.substring("jdbc:postgresql://".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    public String name() {
        return name;
    }

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /** A read-write connection of the server's own user to this database (autocommit). */
    public Connection connection() {
        return connection;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    public PgDatabase exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
        return this;
    }

    public Object scalar(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getObject(1);
        }
    }

    /** A role that may log in with {@code password} and read this database's tables. */
    public PgDatabase reader(String role, String password) throws SQLException {
        exec("DROP ROLE IF EXISTS " + role);
        exec("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        exec("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
        return this;
    }

    /**
     * The SQLite database's {@code invocations} and {@code daily_costs} tables, every row and column as they are,
     * into this database: the same rows for both readers. Integer columns become bigint, real ones double
     * precision, the rest text; {@code timestamp} is declared as {@code timestamps} says (timestamp types take
     * each row's instant as SQLite reads it); {@code daily_costs.date} becomes a date when it is one.
     */
    /** {@link #copy(TelemetryDb, Timestamps)} from an SQLite file, such as the one {@code dashgen demo} writes. */
    public PgDatabase copy(java.nio.file.Path sqliteFile, Timestamps timestamps) throws SQLException {
        try (TelemetryDb sqlite = TelemetryDb.create(sqliteFile, "")) {
            return copy(sqlite, timestamps);
        }
    }

    PgDatabase copy(TelemetryDb sqlite, Timestamps timestamps) throws SQLException {
        for (String table : List.of("invocations", "daily_costs")) {
            List<Object[]> columns = sqlite.query("SELECT name, upper(type), pk FROM pragma_table_info('" + table + "')");
            if (columns.isEmpty()) continue;
            List<String> names = new ArrayList<>();
            List<String> defs = new ArrayList<>();
            for (Object[] c : columns) {
                String column = (String) c[0];
                names.add(column);
                defs.add(column + " " + pgType(table, column, (String) c[1], timestamps)
                        + (table.equals("invocations") && column.equals("id") ? " PRIMARY KEY" : ""));
            }
            exec("CREATE TABLE " + table + " (" + String.join(", ", defs) + ")");
            StringBuilder rows = new StringBuilder();
            String select = "SELECT " + String.join(", ", names.stream().map(n -> value(table, n, timestamps)).toList())
                    + " FROM " + table;
            for (Object[] row : sqlite.query(select)) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) rows.append('\t');
                    rows.append(row[i] == null ? "\\N" : escape(String.valueOf(row[i])));
                }
                rows.append('\n');
            }
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + String.join(", ", names)
                        + ") FROM STDIN", new StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }
        if (!sqlite.query("SELECT 1 FROM pragma_table_info('invocations')").isEmpty()) {
            for (String index : List.of("timestamp", "agent_name", "tool_name", "model_name", "status")) {
                exec("CREATE INDEX ON invocations (" + quote(index) + ")");
            }
            exec("SELECT setval(pg_get_serial_sequence('invocations', 'id'), coalesce((SELECT max(id) FROM invocations), 1))");
        }
        exec("ANALYZE");
        return this;
    }

    private static String pgType(String table, String column, String sqliteType, Timestamps timestamps) {
        if (table.equals("invocations") && column.equals("id")) return "BIGSERIAL";
        if (column.equals("timestamp")) {
            return switch (timestamps) {
                case TEXT -> "TEXT";
                case TIMESTAMPTZ -> "TIMESTAMPTZ";
                case TIMESTAMP -> "TIMESTAMP";
            };
        }
        if (column.equals("date")) return timestamps == Timestamps.TEXT ? "TEXT" : "DATE";
        if (sqliteType.contains("INT")) return "BIGINT";
        if (sqliteType.contains("REAL")) return "DOUBLE PRECISION";
        return "TEXT";
    }

    /** The SQLite expression whose text is the PostgreSQL value of the column. */
    private static String value(String table, String column, Timestamps timestamps) {
        if (column.equals("timestamp") && timestamps != Timestamps.TEXT) {
            // the second SQLite reads the stored value as, in UTC
            return "strftime('%Y-%m-%d %H:%M:%S', CASE WHEN typeof(timestamp) IN ('integer', 'real') THEN"
                    + " datetime(timestamp, 'unixepoch') ELSE timestamp END)"
                    + (timestamps == Timestamps.TIMESTAMPTZ ? " || '+00'" : "");
        }
        return quote(column);
    }

    private static String quote(String column) {
        return "\"" + column + "\"";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        try (Connection admin = DriverManager.getConnection(serverUrl); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
