package dev.dashgen.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A telemetry database with the reference logger's schema (PRODUCT.md §3), holding the invocations a test names. */
final class CostDb {
    private CostDb() {}

    /** Rows as {@code "timestamp|model|cost_usd"}, e.g. {@code "2026-11-20 10:00:00|gpt-x|1.25"}. */
    static Path write(Path file, String... rows) {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = db.createStatement()) {
                s.execute("""
                        CREATE TABLE invocations (id INTEGER PRIMARY KEY AUTOINCREMENT, invocation_id TEXT UNIQUE NOT NULL,
                          timestamp DATETIME DEFAULT CURRENT_TIMESTAMP, agent_name TEXT, tool_name TEXT NOT NULL,
                          model_name TEXT NOT NULL, prompt_tokens INTEGER DEFAULT 0, completion_tokens INTEGER DEFAULT 0,
                          total_tokens INTEGER DEFAULT 0, cost_usd REAL DEFAULT 0.0, latency_ms INTEGER DEFAULT 0,
                          status TEXT NOT NULL, error_message TEXT, privacy_level TEXT DEFAULT 'metadata')""");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO invocations (invocation_id, timestamp,"
                    + " agent_name, tool_name, model_name, prompt_tokens, completion_tokens, total_tokens, cost_usd,"
                    + " latency_ms, status) VALUES (?, ?, 'bob', 'chat', ?, 100, 50, 150, ?, 900, 'success')")) {
                int n = 0;
                for (String row : rows) {
                    String[] f = row.split("\\|");
                    insert.setString(1, "inv-" + ++n);
                    insert.setString(2, f[0]);
                    insert.setString(3, f[1]);
                    insert.setDouble(4, Double.parseDouble(f[2]));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the test telemetry database " + file, e);
        }
        return file;
    }
}
