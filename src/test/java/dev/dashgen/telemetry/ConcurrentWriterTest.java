package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds while the telemetry service writes: another process commits batches of $0.01 invocations while
 * the reader runs repeatedly. Every report must be a consistent snapshot (cost = invocations × $0.01, every
 * breakdown adding up), and the writer must never fail with SQLITE_BUSY after its own timeout, in WAL mode
 * and in the rollback-journal mode where readers' locks do hold writers up.
 */
class ConcurrentWriterTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    static final int INITIAL_ROWS = 30_000;
    static final int WRITER_TIMEOUT_MS = 2_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"WAL", "DELETE"})
    void buildsWhileAnotherProcessInserts(String journalMode) throws Exception {
        Path file = dir.resolve("t.db");
        try (TelemetryDb db = TelemetryDb.create(file)) {
            db.exec("PRAGMA journal_mode=" + journalMode);
            List<TelemetryDb.Row> rows = new ArrayList<>();
            for (int i = 0; i < INITIAL_ROWS; i++) {
                rows.add(db.at(i % 2 == 0 ? 1795514400L : "2026-11-24 09:00:00").cost(0.01).agent("agent-" + i % 4));
            }
            db.add(rows);
        }
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TelemetryWriter.class.getName(), file.toString(),
                String.valueOf(WRITER_TIMEOUT_MS)).redirectError(dir.resolve("writer.err").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) lines.add(line);
            } catch (Exception e) {
                lines.add("pump failed: " + e);
            }
        });
        pump.setDaemon(true);
        pump.start();
        try {
            assertEquals("started", lines.poll(30, TimeUnit.SECONDS), () -> "the writer did not start: " + errors());
            for (int build = 0; build < 3; build++) {
                long committed = INITIAL_ROWS + awaitProgress(lines);
                long seen = consistentReport(file.toString()).total().invocations();
                assertTrue(seen >= committed, "a build sees every row committed before it began");
            }
            try (OutputStream stop = writer.getOutputStream()) {
                stop.write("stop\n".getBytes(StandardCharsets.UTF_8));
            }
            String done = lines.poll(30, TimeUnit.SECONDS);
            while (done != null && done.startsWith("rows ")) done = lines.poll(30, TimeUnit.SECONDS);
            assertNotNull(done, () -> "the writer did not finish: " + errors());
            String last = done;
            assertTrue(last.startsWith("done "), () -> "the writer said: " + last + " " + lines + errors());
            String[] parts = done.split(" ");
            assertEquals("0", parts[2], "the writer hit SQLITE_BUSY");
            long written = Long.parseLong(parts[1]);
            assertTrue(written > 0);
            assertEquals(INITIAL_ROWS + written, consistentReport(file.toString()).total().invocations());
        } finally {
            writer.destroy();
            writer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits for the writer's next "rows N" line and returns the latest N. */
    private long awaitProgress(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(30, TimeUnit.SECONDS);
        assertNotNull(line, () -> "the writer made no progress: " + errors());
        for (String more = lines.poll(); more != null; more = lines.poll()) line = more;
        assertTrue(line.startsWith("rows "), "the writer said: " + line);
        return Long.parseLong(line.substring(5));
    }

    private String errors() {
        try {
            return Files.readString(dir.resolve("writer.err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static CostReport consistentReport(String source) {
        Telemetry t = TelemetryReader.read(source, NOW, 90);
        Telemetry.Available available = assertInstanceOf(Telemetry.Available.class, t, t.toString());
        assertEquals(List.of(), available.problems());
        CostReport r = available.report();
        BigDecimal expected = new BigDecimal("0.01").multiply(BigDecimal.valueOf(r.total().invocations())).setScale(6);
        assertEquals(expected, r.kpis().allTime());
        assertEquals(expected, r.kpis().today());
        for (List<Breakdown> breakdown : List.of(r.byModel(), r.byAgent(), r.byTool())) {
            assertEquals(r.total().invocations(), breakdown.stream().mapToLong(b -> b.usage().invocations()).sum());
            assertEquals(expected, breakdown.stream().map(b -> b.usage().cost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertEquals(expected, r.agentSeries().stream().map(AgentCostSeries::total).reduce(BigDecimal.ZERO, BigDecimal::add));
        return r;
    }
}
