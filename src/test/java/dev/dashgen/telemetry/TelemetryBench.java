package dev.dashgen.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Times {@link TelemetryReader#read} on a generated database of the reference schema (PRODUCT §9 target:
 * 1,000,000 invocations ≤ 0.5 s, 10,000,000 ≤ 5 s). Not a test; run it with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> dev.dashgen.telemetry.TelemetryBench 1000000 /tmp/t1m.db}.
 * The database is generated once (a year of rows, 8 models, 13 agents with NULL, 10 tools, 5 % errors, the
 * three timestamp forms mixed) and reused; the read runs {@code runs} times (default 3) and the median is printed.
 */
public final class TelemetryBench {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(file)) generate(file, rows);
        double[] seconds = new double[runs];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            Telemetry t = TelemetryReader.read(file.toString(), NOW, 90);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            String what = t instanceof Telemetry.Available a ? a.report().total().invocations() + " invocations, $"
                    + a.report().kpis().allTime() + ", " + a.report().agentSeries().stream().mapToInt(AgentCostSeries::size).sum()
                    + " agent-seconds" : t.toString();
            System.out.printf(Locale.ROOT, "run %d: %.3f s wall, %.3f s CPU (%s)%n", i + 1, seconds[i], cpuSeconds, what);
        }
        Arrays.sort(seconds);
        System.out.printf(Locale.ROOT, "median of %d: %.3f s for %,d rows%n", runs, seconds[runs / 2], rows);
    }

    static void generate(Path file, int rows) throws Exception {
        DateTimeFormatter space = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        DateTimeFormatter python = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        String[] models = {"claude-opus-4", "claude-sonnet-4", "claude-haiku-4", "gpt-5", "gpt-5-mini",
                "gemini-2.5-pro", "gemini-2.5-flash", "llama-4"};
        Random random = new Random(1);
        long start = NOW.getEpochSecond() - 365L * 86_400;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            String schema = TelemetryDb.SCHEMA;
            for (String ddl : schema.split(";")) {
                if (!ddl.isBlank() && !ddl.contains("CREATE INDEX")) s.execute(ddl);
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO invocations (invocation_id, timestamp, agent_name,"
                    + " tool_name, model_name, prompt_tokens, completion_tokens, total_tokens, cost_usd, latency_ms, status,"
                    + " error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    long second = start + (long) ((double) i / rows * 365 * 86_400);
                    Instant at = Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1000L);
                    long prompt = 10 + random.nextInt(20_000);
                    long completion = 10 + random.nextInt(4_000);
                    boolean error = random.nextInt(20) == 0;
                    int agent = random.nextInt(13);
                    p.setString(1, "inv-" + i);
                    p.setObject(2, switch (i % 3) {
                        case 0 -> python.format(at);
                        case 1 -> space.format(at);
                        default -> second;
                    });
                    p.setString(3, agent == 12 ? null : String.format(Locale.ROOT, "agent-%02d", agent));
                    p.setString(4, "tool-" + random.nextInt(10));
                    p.setString(5, models[random.nextInt(models.length)]);
                    p.setLong(6, prompt);
                    p.setLong(7, completion);
                    p.setLong(8, prompt + completion);
                    p.setDouble(9, Math.round((prompt * 3e-6 + completion * 15e-6) * 1e6) / 1e6);
                    p.setLong(10, (long) Math.exp(7 + random.nextGaussian()));
                    p.setString(11, error ? "error" : "success");
                    p.setString(12, error ? "timeout after " + (30 << random.nextInt(3)) + "s" : null);
                    p.addBatch();
                    if (i % 10_000 == 9_999) p.executeBatch();
                }
                p.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            for (String ddl : schema.split(";")) {
                if (ddl.contains("CREATE INDEX")) s.execute(ddl);
            }
        }
    }

    private TelemetryBench() {
    }
}
