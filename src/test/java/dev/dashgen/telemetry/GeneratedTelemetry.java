package dev.dashgen.telemetry;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded random telemetry database with every optional column, timestamps in all three forms, errors,
 * NULL agents and a wide latency spread. Each row also stores its epoch second in {@code ts_epoch}, which
 * the reader ignores and the tests' independent SQL uses for days and months.
 */
final class GeneratedTelemetry {

    static final String EXTRA_COLUMNS = """
            ALTER TABLE invocations ADD COLUMN ts_epoch INTEGER;
            ALTER TABLE invocations ADD COLUMN cache_read_tokens INTEGER;
            ALTER TABLE invocations ADD COLUMN cache_creation_tokens INTEGER;
            ALTER TABLE invocations ADD COLUMN task_id TEXT;
            """;
    static final List<String> MODELS = List.of("claude-sonnet-4", "gpt-5", "gpt-5-mini", "gemini-2.5-pro");
    static final List<String> TOOLS = List.of("chat", "code", "search");
    static final String[] AGENTS = {"alpha", "beta", "gamma", "delta", "epsilon", null};
    static final List<String> MESSAGES = List.of("timeout after 30s", "rate limited", "context too long",
            "HTTP 500 from provider");
    private static final DateTimeFormatter SPACE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PYTHON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private GeneratedTelemetry() {
    }

    /**
     * {@code rows} invocations over the {@code days} before {@code now}; with {@code idStep} > 1 the row
     * numbers are spread out, so the reader sees many chunks and parallel workers for the same rows.
     */
    static TelemetryDb create(Path file, Instant now, int rows, int days, long seed, long idStep) throws SQLException {
        TelemetryDb db = TelemetryDb.create(file, TelemetryDb.SCHEMA + EXTRA_COLUMNS);
        Random random = new Random(seed);
        List<TelemetryDb.Row> batch = new ArrayList<>();
        long end = now.getEpochSecond();
        for (int i = 0; i < rows; i++) {
            long second = end - (long) (random.nextDouble() * days * 86_400);
            Instant at = Instant.ofEpochSecond(second, random.nextInt(1_000_000) * 1000L);
            Object stored = switch (i % 3) {
                case 0 -> PYTHON.format(at);
                case 1 -> SPACE.format(at);
                default -> second;
            };
            long prompt = random.nextInt(20_000);
            long completion = random.nextInt(4_000);
            TelemetryDb.Row row = db.at(stored).set("id", 1 + i * idStep).set("ts_epoch", second)
                    .model(MODELS.get(random.nextInt(MODELS.size()))).agent(AGENTS[random.nextInt(AGENTS.length)])
                    .tool(TOOLS.get(random.nextInt(TOOLS.size()))).tokens(prompt, completion)
                    .cost(random.nextInt(2_000_000) / 1_000_000.0)
                    .latency((long) Math.exp(3 + random.nextDouble() * 9))
                    .set("cache_read_tokens", random.nextInt(3) == 0 ? null : (long) random.nextInt(50_000))
                    .set("cache_creation_tokens", (long) random.nextInt(1_000))
                    .set("task_id", random.nextInt(4) == 0 ? null : "T-" + random.nextInt(40));
            if (random.nextInt(20) == 0) row.error(MESSAGES.get(random.nextInt(MESSAGES.size())));
            batch.add(row);
        }
        db.add(batch);
        return db;
    }
}
