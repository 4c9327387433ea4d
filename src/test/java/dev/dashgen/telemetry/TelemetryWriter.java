package dev.dashgen.telemetry;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * A stand-in for the telemetry service, run as a second process by {@link ConcurrentWriterTest}: it
 * commits small batches of $0.01 invocations as fast as it can, with its own busy timeout, until a line
 * arrives on stdin. It prints "started" after its first commit and "done ROWS BUSY" at the end, where BUSY
 * counts commits that failed with SQLITE_BUSY after waiting out the timeout; every 25th commit it prints
 * "rows N", the rows committed so far.
 */
public final class TelemetryWriter {

    public static void main(String[] args) throws Exception {
        String path = args[0];
        int busyTimeoutMs = Integer.parseInt(args[1]);
        Thread stopper = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                in.readLine();
            } catch (Exception e) {
                // stdin closed: stop as well
            }
        });
        stopper.setDaemon(true);
        stopper.start();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(busyTimeoutMs);
        // Durability is not under test, locking is: without fsync a commit takes microseconds, not disk time.
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        long rows = 0;
        long busy = 0;
        String[] models = {"gpt-5", "claude-sonnet-4", "gemini-2.5-pro"};
        try (Connection c = config.createConnection("jdbc:sqlite:" + path); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO invocations (invocation_id, timestamp, agent_name, tool_name, model_name, prompt_tokens,"
                        + " completion_tokens, total_tokens, cost_usd, latency_ms, status) VALUES (?, ?, ?, 'chat', ?,"
                        + " 10, 5, 15, 0.01, 250, 'success')")) {
            c.setAutoCommit(false);
            while (stopper.isAlive()) {
                try {
                    for (int i = 0; i < 20; i++) {
                        long n = rows + i;
                        insert.setString(1, "w-" + n);
                        insert.setObject(2, n % 2 == 0 ? "2026-11-24T10:00:00.123456+00:00" : "2026-11-24 10:00:00");
                        insert.setString(3, "agent-" + n % 4);
                        insert.setString(4, models[(int) (n % models.length)]);
                        insert.executeUpdate();
                    }
                    c.commit();
                    if (rows == 0) System.out.println("started");
                    rows += 20;
                    if (rows % 500 == 0) System.out.println("rows " + rows);
                    System.out.flush();
                } catch (SQLException e) {
                    busy++;
                    System.out.println("busy " + e.getMessage());
                    c.rollback();
                }
            }
        }
        System.out.println("done " + rows + " " + busy);
    }

    private TelemetryWriter() {
    }
}
