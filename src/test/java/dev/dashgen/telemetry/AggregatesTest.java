package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every aggregate of the report checked against independent SQL over a generated database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregatesTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    static final int REPORT_DAYS = 30;
    static final long TODAY = NOW.getEpochSecond() / 86_400;

    Path dir;
    TelemetryDb db;
    CostReport report;

    @BeforeAll
    void read(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        db = GeneratedTelemetry.create(dir.resolve("t.db"), NOW, 5_000, 75, 42, 1);
        Telemetry.Available t = assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), NOW, REPORT_DAYS));
        assertEquals(List.of(), t.problems());
        report = t.report();
    }

    @AfterAll
    void close() throws Exception {
        db.close();
    }

    @Test
    void totalsMatchSql() throws Exception {
        Object[] sql = db.query("SELECT count(*), sum(cost_usd), sum(prompt_tokens), sum(completion_tokens),"
                + " sum(total_tokens), sum(status = 'error'), sum(cache_read_tokens), sum(cache_creation_tokens)"
                + " FROM invocations").get(0);
        Usage total = report.total();
        assertEquals(List.of(sql[0], usd(sql[1]), sql[2], sql[3], sql[4], sql[5], sql[6], sql[7]),
                List.of(total.invocations(), total.cost(), total.promptTokens(), total.completionTokens(),
                        total.tokens(), total.errors(), total.cacheReadTokens(), total.cacheCreationTokens()));
        assertEquals(total.cost(), report.kpis().allTime());
        assertTrue(report.hasCacheTokens());
    }

    @Test
    void breakdownsByModelAgentAndToolMatchSql() throws Exception {
        assertBreakdown("model_name", report.byModel());
        assertBreakdown("agent_name", report.byAgent());
        assertBreakdown("tool_name", report.byTool());
    }

    private void assertBreakdown(String column, List<Breakdown> breakdown) throws Exception {
        Map<String, List<Object>> expected = new TreeMap<>();
        for (Object[] r : db.query("SELECT " + column + ", count(*), sum(cost_usd), sum(prompt_tokens),"
                + " sum(completion_tokens), sum(total_tokens), sum(status = 'error') FROM invocations GROUP BY 1")) {
            expected.put(name(r[0]), List.of(r[1], usd(r[2]), r[3], r[4], r[5], r[6]));
        }
        Map<String, List<Object>> actual = new TreeMap<>();
        for (Breakdown b : breakdown) {
            Usage u = b.usage();
            actual.put(b.name(), List.of(u.invocations(), u.cost(), u.promptTokens(), u.completionTokens(),
                    u.tokens(), u.errors()));
        }
        assertEquals(expected, actual, column);
        for (int i = 1; i < breakdown.size(); i++) {
            assertTrue(breakdown.get(i - 1).usage().cost().compareTo(breakdown.get(i).usage().cost()) >= 0, "sorted by cost");
        }
    }

    @Test
    void latencyPercentilesAreWithinOnePercentOfExactNearestRank() throws Exception {
        int checked = 0;
        for (var dimension : Map.of("model_name", report.byModel(), "agent_name", report.byAgent(),
                "tool_name", report.byTool()).entrySet()) {
            for (Breakdown b : dimension.getValue()) {
                String where = b.name().equals(CostReport.NO_NAME) ? dimension.getKey() + " IS NULL"
                        : dimension.getKey() + " = '" + b.name() + "'";
                long n = b.usage().invocations();
                assertWithinOnePercent(exact(where, (n * 50 + 99) / 100), b.latency().p50Ms());
                assertWithinOnePercent(exact(where, (n * 95 + 99) / 100), b.latency().p95Ms());
                checked++;
            }
        }
        assertEquals(4 + 6 + 3, checked);
    }

    private long exact(String where, long rank) throws Exception {
        return ((Number) db.scalar("SELECT latency_ms FROM invocations WHERE " + where
                + " ORDER BY latency_ms LIMIT 1 OFFSET " + (rank - 1))).longValue();
    }

    private static void assertWithinOnePercent(long exact, long estimate) {
        assertTrue(Math.abs(estimate - exact) <= exact * 0.01, "estimate " + estimate + " vs exact " + exact);
    }

    @Test
    void dailyByModelAndAgentCoverTheReportDays() throws Exception {
        String window = " FROM invocations WHERE ts_epoch / 86400 > " + (TODAY - REPORT_DAYS) + " GROUP BY 1, 2 ORDER BY 1, 2";
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] r : db.query("SELECT ts_epoch / 86400, model_name, sum(cost_usd), count(*), sum(total_tokens),"
                + " sum(prompt_tokens), sum(completion_tokens)" + window)) {
            expected.add(List.of(day(r[0]), r[1], usd(r[2]), r[3], r[4], r[5], r[6]));
        }
        assertEquals(expected, report.daily().stream().map(d -> List.<Object>of(d.date(), d.model(), d.usage().cost(),
                d.usage().invocations(), d.usage().tokens(), d.usage().promptTokens(), d.usage().completionTokens())).toList());

        List<List<Object>> agents = new ArrayList<>();
        for (Object[] r : db.query("SELECT ts_epoch / 86400, coalesce(agent_name, '(none)'), sum(cost_usd)" + window)) {
            agents.add(List.of(day(r[0]), r[1], usd(r[2])));
        }
        assertEquals(agents, report.agentDaily().stream()
                .map(d -> List.<Object>of(d.date(), d.agent(), d.usage().cost())).toList());
    }

    @Test
    void monthlyTotalsMatchSql() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] r : db.query("SELECT strftime('%Y-%m', ts_epoch, 'unixepoch'), sum(cost_usd), count(*)"
                + " FROM invocations GROUP BY 1 ORDER BY 1")) {
            expected.add(List.of(YearMonth.parse((String) r[0]), usd(r[1]), r[2]));
        }
        assertEquals(expected, report.monthly().stream()
                .map(m -> List.<Object>of(m.month(), m.usage().cost(), m.usage().invocations())).toList());
    }

    @Test
    void periodKpisMatchSql() throws Exception {
        Function<String, BigDecimal> cost = where -> {
            try {
                return usd(db.scalar("SELECT coalesce(sum(cost_usd), 0.0) FROM invocations WHERE " + where));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        BigDecimal month = cost.apply("strftime('%Y-%m', ts_epoch, 'unixepoch') = '2026-11'");
        assertEquals(cost.apply("ts_epoch / 86400 = " + TODAY), report.kpis().today());
        assertEquals(cost.apply("ts_epoch / 86400 > " + (TODAY - 7)), report.kpis().last7Days());
        assertEquals(cost.apply("ts_epoch / 86400 > " + (TODAY - 30)), report.kpis().last30Days());
        assertEquals(month, report.kpis().month());
        assertEquals(month.multiply(BigDecimal.valueOf(30)).divide(BigDecimal.valueOf(24), 6, RoundingMode.HALF_EVEN),
                report.kpis().projectedMonth());
    }

    @Test
    void topTenAreTheMostExpensiveInvocations() throws Exception {
        List<Object> expected = db.query("SELECT invocation_id FROM invocations ORDER BY cost_usd DESC, id LIMIT 10")
                .stream().map(r -> r[0]).toList();
        assertEquals(expected, report.top().stream().map(TopInvocation::invocationId).toList());
        TopInvocation first = report.top().get(0);
        Object[] row = db.query("SELECT ts_epoch, model_name, cost_usd, latency_ms FROM invocations WHERE invocation_id = '"
                + first.invocationId() + "'").get(0);
        assertEquals(List.of(Instant.ofEpochSecond(((Number) row[0]).longValue()), row[1], usd(row[2]), row[3]),
                List.of(first.timestamp(), first.model(), first.cost(), first.latencyMs()));
    }

    @Test
    void errorsByModelWithTheirMostFrequentMessages() throws Exception {
        for (ModelErrors m : report.errorsByModel()) {
            Object[] counts = db.query("SELECT count(*), sum(status = 'error') FROM invocations WHERE model_name = '"
                    + m.model() + "'").get(0);
            assertEquals(List.of(counts[0], counts[1]), List.of(m.invocations(), m.errors()));
            List<List<Object>> messages = db.query("SELECT error_message, count(*) FROM invocations WHERE status = 'error'"
                    + " AND model_name = '" + m.model() + "' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5").stream()
                    .map(r -> List.of(r[0], ((Number) r[1]).longValue())).toList();
            assertEquals(messages, m.topMessages().stream().map(e -> List.<Object>of(e.message(), e.count())).toList());
        }
        assertEquals(GeneratedTelemetry.MODELS.size(), report.errorsByModel().size());
    }

    @Test
    void exactCostPerTaskId() throws Exception {
        Map<String, BigDecimal> expected = db.query("SELECT task_id, sum(cost_usd) FROM invocations"
                + " WHERE task_id IS NOT NULL GROUP BY 1").stream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> usd(r[1]), (a, b) -> a, TreeMap::new));
        assertEquals(expected, report.taskCosts());
    }

    @Test
    void everyBreakdownAndSeriesAddsUpToTheTotalExactly() {
        BigDecimal total = report.kpis().allTime();
        for (List<Breakdown> b : List.of(report.byModel(), report.byAgent(), report.byTool())) {
            assertEquals(total, b.stream().map(x -> x.usage().cost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertEquals(total, report.monthly().stream().map(m -> m.usage().cost()).reduce(BigDecimal.ZERO, BigDecimal::add));
        for (Breakdown agent : report.byAgent()) {
            assertEquals(agent.usage().cost(), report.series(agent.name()).orElseThrow().total());
        }
    }

    @Test
    void anySplitIntoChunksAndWorkersGivesTheSameReport() {
        for (long chunkRows : new long[] {1, 7, 1000, 4999, 5000}) {
            Telemetry again = TelemetryReader.read(db.path(), NOW, REPORT_DAYS, false, chunkRows);
            assertEquals(report, assertInstanceOf(Telemetry.Available.class, again).report(), "chunks of " + chunkRows);
        }
    }

    @Test
    void sparseAndNegativeRowNumbersAreWalkedNotSpanned() throws Exception {
        for (long idStep : new long[] {1L << 40, 1L << 50}) {
            Path file = dir.resolve("sparse-" + idStep + ".db");
            try (TelemetryDb sparse = GeneratedTelemetry.create(file, NOW, 5_000, 75, 42, idStep)) {
                sparse.exec("UPDATE invocations SET id = id - " + (idStep * 2500));
                for (long chunkRows : new long[] {64, InvocationScan.CHUNK_ROWS}) {
                    Telemetry again = TelemetryReader.read(sparse.path(), NOW, REPORT_DAYS, false, chunkRows);
                    assertEquals(report, assertInstanceOf(Telemetry.Available.class, again).report());
                }
            }
        }
    }

    private static BigDecimal usd(Object sqlSum) {
        return BigDecimal.valueOf(((Number) sqlSum).doubleValue()).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static LocalDate day(Object epochDay) {
        return LocalDate.ofEpochDay(((Number) epochDay).longValue());
    }

    private static String name(Object value) {
        return value == null ? CostReport.NO_NAME : (String) value;
    }
}
