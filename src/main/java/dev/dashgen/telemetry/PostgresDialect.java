package dev.dashgen.telemetry;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PostgreSQL. A read is one REPEATABLE READ, READ ONLY transaction: every statement sees one snapshot, and under
 * MVCC a reader never blocks the writers' inserts. Parallel workers join that snapshot ({@code SET TRANSACTION
 * SNAPSHOT}). Rows are numbered by the table's {@code id}; since concurrent writers can commit a lower id after a
 * higher one, rows do not appear in order (see {@link #rowsAppearInOrder}). The password comes from the URL, else
 * {@code PGPASSWORD}, else the driver's own reading of {@code ~/.pgpass} (or {@code PGPASSFILE}); it goes to the
 * driver as a property, never in the URL, and is scrubbed from every message.
 */
final class PostgresDialect implements SqlDialect {

    /** The driver logs URLs when it cannot parse them; dashgen says what went wrong in its own words instead. */
    private static final Logger DRIVER_LOG = Logger.getLogger("org.postgresql");
    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();
    /** Rows per round trip: the driver otherwise holds a whole statement's rows in memory. */
    static final int FETCH_ROWS = 10_000;
    static final String BAD_URL = "dashgen-url";

    static {
        DRIVER_LOG.setLevel(Level.OFF);
    }

    private final Map<String, String> env;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** {@code env}: where {@code PGPASSWORD} is looked up (the process environment, in use). */
    PostgresDialect(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Connection open(String url) throws SQLException {
        PostgresUrl parsed = PostgresUrl.parse(url);
        if (parsed.userInfo() != null) {
            throw new SQLException("names a user (and password) before the host, which the PostgreSQL driver does not"
                    + " read — write jdbc:postgresql://host:port/database?user=NAME and give the password as"
                    + " password=…, in PGPASSWORD or in ~/.pgpass", BAD_URL);
        }
        Properties properties = new Properties();
        parsed.secrets().forEach((name, value) -> {
            properties.setProperty(name, value);
            remember(value);
        });
        String password = parsed.password(env);
        if (password != null) {
            properties.setProperty("password", password);
            remember(password);
        }
        properties.setProperty("ApplicationName", "dashgen");
        properties.setProperty("connectTimeout", "10");
        // Binary results from the first execution: the scan's statements each run a few times only.
        properties.setProperty("prepareThreshold", "-1");
        properties.setProperty("defaultRowFetchSize", String.valueOf(FETCH_ROWS));
        Connection c;
        try {
            c = DRIVER.connect(parsed.driverUrl(), properties);
        } catch (RuntimeException e) {
            throw new SQLException(scrub(String.valueOf(e.getMessage())), BAD_URL);
        }
        if (c == null) throw new SQLException("is not a PostgreSQL JDBC URL", BAD_URL);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'"); // timestamps shown in problems read the same on every machine
            }
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            c.setAutoCommit(false);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void remember(String secret) {
        if (secret != null && !secret.isEmpty()) secrets.add(secret);
    }

    @Override
    public Connection openAlongside(String url, Connection first) throws SQLException {
        String snapshot;
        try (Statement s = first.createStatement(); ResultSet r = s.executeQuery("SELECT pg_export_snapshot()")) {
            r.next();
            snapshot = r.getString(1);
        }
        Connection c = open(url);
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION SNAPSHOT " + literal(snapshot));
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The table the unqualified name resolves to on the search path, as the reader's queries resolve it. */
    @Override
    public Map<String, String> columns(Connection connection, String table) throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT a.attname, format_type(a.atttypid, NULL)"
                + " FROM pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) columns.put(r.getString(1).toLowerCase(Locale.ROOT), r.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    @Override
    public List<String> requiredInvocationColumns() {
        return List.of(rowId());
    }

    /**
     * Timestamp and date columns convert in SQL (before year 10000, as SQLite's range ends there); numbers are
     * epoch seconds, truncated as SQLite's CAST does; text goes to {@link TextTimestamps}.
     */
    @Override
    public TimestampColumn timestamp(String column, String type) {
        String c = quote(column);
        if (type.startsWith("timestamp") || type.equals("date")) {
            return new TimestampColumn("coalesce(CASE WHEN isfinite(" + c + ") AND " + c + " < '10000-01-01' THEN"
                    + " CAST(floor(extract(epoch FROM " + c + ")) AS BIGINT) END, -1)", false);
        }
        if (type.equals("bigint") || type.equals("integer") || type.equals("smallint")) {
            return new TimestampColumn("coalesce(CAST(" + c + " AS BIGINT), -1)", false);
        }
        if (type.equals("double precision") || type.equals("real") || type.equals("numeric")) {
            return new TimestampColumn("coalesce(CASE WHEN " + c + " = 'NaN' THEN NULL WHEN " + c + " < 9.2e18 THEN"
                    + " CAST(trunc(" + c + ") AS BIGINT) ELSE 9223372036854775807 END, -1)", false);
        }
        return new TimestampColumn("CAST(" + c + " AS TEXT)", true);
    }

    /** SQLite's {@code round()} of the same double: truncation of x + 0.5; NULL (read as 0) where it would overflow. */
    @Override
    public String units(String column) {
        String usd = "CAST(" + column + " AS DOUBLE PRECISION)";
        return "(CASE WHEN abs(" + usd + ") < 9e9 THEN CAST(trunc(" + usd + " * " + (long) Money.UNITS_PER_USD
                + " + 0.5) AS BIGINT) END)";
    }

    @Override
    public String rowId() {
        return "id";
    }

    /** {@code daily_costs} has no row number of its own: its key's order stands in. */
    @Override
    public String dailyCostsRowId() {
        return "row_number() OVER (ORDER BY date, tool_name, model_name, agent_name)";
    }

    @Override
    public boolean rowsAppearInOrder() {
        return false;
    }

    /** strpos() over three columns costs PostgreSQL more than a third of the whole scan; a hash lookup costs Java little. */
    @Override
    public boolean codesNamesInJava() {
        return true;
    }

    @Override
    public String wide(String expression) {
        return "CAST(" + expression + " AS BIGINT)";
    }

    @Override
    public String binary(String expression) {
        return "(" + expression + ") COLLATE \"C\"";
    }

    /**
     * An index seeks in its column's own collation. Every deterministic collation ranks texts equal only when
     * their bytes are equal, so seeking from name to next name finds every distinct name; Java then sorts them.
     */
    @Override
    public String seekOrder(String column) {
        return column;
    }

    @Override
    public boolean hasByteOrderIndex(Connection connection, String table, String column) throws SQLException {
        String sql = "SELECT 1 FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_am am ON am.oid = x.relam"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                + " WHERE i.indrelid = to_regclass(?) AND i.indpred IS NULL AND i.indisvalid AND am.amname = 'btree'"
                + " AND a.attname = ? AND i.indcollation[0] = a.attcollation";
        return SqlDialect.anyRow(connection, sql, table, column);
    }

    /** The C collation compares the bytes of the server's encoding. */
    @Override
    public Comparator<String> textOrder(Connection connection) throws SQLException {
        String encoding;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SHOW server_encoding")) {
            encoding = r.next() ? r.getString(1) : "UTF8";
        }
        Charset charset = switch (encoding.toUpperCase(Locale.ROOT)) {
            case "LATIN1" -> StandardCharsets.ISO_8859_1;
            case "SQL_ASCII" -> StandardCharsets.ISO_8859_1;
            default -> StandardCharsets.UTF_8;
        };
        return SqlDialect.byteOrder(charset);
    }

    @Override
    public String position(String haystack, String needle) {
        return "strpos(" + haystack + ", " + needle + ")";
    }

    /** Every PostgreSQL error is about the source; the reason quotes the server in one line, secrets removed. */
    @Override
    public String explain(SQLException e) {
        String line = scrub(TelemetryReader.oneLine(e.getMessage()) + cause(e));
        String state = String.valueOf(e.getSQLState());
        if (state.equals(BAD_URL)) return line;
        if (line.contains("no password was provided")) {
            return "asks for a password and none was given (put it in the URL as password=…, in PGPASSWORD or in"
                    + " ~/.pgpass)";
        }
        return switch (state) {
            case "08001", "08006", "08003" -> "cannot be reached (" + line + ")";
            case "28P01" -> "refused the password (" + line + ")";
            case "28000" -> "refused the connection (" + line + ")";
            case "3D000" -> "does not exist (" + line + ")";
            case "42501" -> "could not be read: permission denied (" + line + ")";
            case "53300" -> "has too many connections (" + line + ")";
            default -> "could not be read (" + line + ")";
        };
    }

    /** The driver's "The connection attempt failed." says little; its cause (an unknown host, a timeout) says why. */
    private static String cause(SQLException e) {
        Throwable cause = e.getCause();
        if (cause == null || cause.getMessage() == null) return "";
        String why = cause instanceof java.net.UnknownHostException ? "unknown host " + cause.getMessage() : cause.getMessage();
        return " " + why;
    }

    @Override
    public String fix() {
        return " — check --telemetry (or telemetry: in dashgen.yaml): jdbc:postgresql://host:port/database?user=NAME,"
                + " with the password in it, in PGPASSWORD or in ~/.pgpass";
    }

    /** Any secret this dialect handed to the driver, masked, wherever a message might quote it. */
    String scrub(String text) {
        String clean = PostgresUrl.display(text);
        for (String secret : secrets) clean = clean.replace(secret, PostgresUrl.MASK);
        return clean;
    }

    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
