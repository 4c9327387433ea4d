package dev.dashgen.demo;

import static dev.dashgen.demo.TaskFiles.NOW;
import static dev.dashgen.demo.TaskFiles.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The telemetry rows, checked as a reader of PRODUCT.md §3 would see them. */
class InvocationsTest {
    private static final long NOW_MICROS = NOW.getEpochSecond() * 1_000_000L + NOW.getNano() / 1000;
    /** USD per 1,000 prompt and completion tokens. */
    private static final Map<String, double[]> PRICES = Map.of(
            "claude-sonnet-4-5", new double[] {0.003, 0.015}, "claude-haiku-4-5", new double[] {0.001, 0.005},
            "gpt-4o", new double[] {0.0025, 0.010}, "gpt-4o-mini", new double[] {0.00015, 0.0006},
            "gemini-2.5-pro", new double[] {0.00125, 0.010});

    private static List<Invocation> rows(int count, long seed, Instant now) {
        List<Invocation> rows = new ArrayList<>(count);
        DemoGenerator.generate(new DemoOptions(0, count, seed, 0, now)).invocations().forEach(rows::add);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 20_000})
    void yieldsExactlyTheRequestedNumberOfRows(int count) {
        Invocations invocations = DemoGenerator.generate(options(0, count, 1, 0)).invocations();
        assertEquals(count, invocations.count());
        assertEquals(count, rows(count, 1, NOW).size());
    }

    @Test
    void sameSeedSameRowsOnEveryIteration() {
        Invocations invocations = DemoGenerator.generate(options(0, 5000, 3, 0)).invocations();
        List<Invocation> first = new ArrayList<>();
        List<Invocation> second = new ArrayList<>();
        invocations.forEach(first::add);
        invocations.forEach(second::add);
        assertEquals(first, second);
        assertEquals(first, rows(5000, 3, NOW));
        assertNotEquals(first, rows(5000, 4, NOW));
    }

    @Test
    void rowsAreOldestFirstWithinTheWindowAndNeverInTheFuture() {
        long windowStart = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(119).atStartOfDay()
                .toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        long previous = Long.MIN_VALUE;
        for (Invocation row : rows(20_000, 5, NOW)) {
            assertTrue(row.epochMicros() <= NOW_MICROS, row.timestamp());
            assertTrue(row.epochMicros() >= windowStart, row.timestamp());
            assertTrue(row.epochMicros() >= previous);
            previous = row.epochMicros();
        }
    }

    @Test
    void nothingAfterNowEvenJustAfterMidnight() {
        Instant now = Instant.parse("2026-11-24T00:00:01Z");
        List<Invocation> rows = rows(50_000, 6, now);
        assertEquals(50_000, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.epochMicros() < now.getEpochSecond() * 1_000_000L));
    }

    @Test
    void timestampsComeInTheThreeFormsAndMeanTheRowsInstant() {
        Map<Invocation.TimestampForm, Integer> forms = new TreeMap<>();
        for (Invocation row : rows(20_000, 7, NOW)) {
            forms.merge(row.timestampForm(), 1, Integer::sum);
            long seconds = Math.floorDiv(row.epochMicros(), 1_000_000L);
            switch (row.timestampForm()) {
                case ISO -> {
                    assertTrue(row.timestamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?\\+00:00"), row.timestamp());
                    Instant parsed = OffsetDateTime.parse(row.timestamp()).toInstant();
                    assertEquals(row.epochMicros(), parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1000);
                }
                case SPACE -> assertEquals(seconds, LocalDateTime.parse(row.timestamp().replace(' ', 'T'))
                        .toEpochSecond(ZoneOffset.UTC), row.timestamp());
                case EPOCH_SECONDS -> assertEquals(Long.toString(seconds), row.timestamp());
            }
        }
        assertEquals(Set.of(Invocation.TimestampForm.values()), forms.keySet());
        assertTrue(forms.get(Invocation.TimestampForm.ISO) > 15_000, "mostly the reference logger's form: " + forms);
    }

    @Test
    void tokensAndCostAreConsistentWithThePriceList() {
        for (Invocation row : rows(20_000, 8, NOW)) {
            assertEquals(row.promptTokens() + row.completionTokens(), row.totalTokens());
            double[] price = PRICES.get(row.modelName());
            double expected = Math.round((row.promptTokens() / 1000.0 * price[0]
                    + row.completionTokens() / 1000.0 * price[1]) * 1e6) / 1e6;
            assertEquals(expected, row.costUsd(), 0.0, row.toString());
            assertTrue(row.promptTokens() >= 0 && row.completionTokens() >= 0 && row.latencyMs() > 0, row.toString());
        }
    }

    @Test
    void aFewPercentFailWithAHandfulOfMessages() {
        List<Invocation> rows = rows(20_000, 9, NOW);
        Set<String> messages = new TreeSet<>();
        int errors = 0;
        for (Invocation row : rows) {
            if (row.status().equals("error")) {
                errors++;
                messages.add(row.errorMessage());
            } else {
                assertEquals("success", row.status());
                assertNull(row.errorMessage());
            }
        }
        assertTrue(errors > 400 && errors < 900, errors + " errors in 20,000");
        assertTrue(messages.size() >= 5 && messages.size() <= 8, messages.toString());
    }

    @Test
    void agentsToolsAndModelsAreTheDemoTeams() {
        Set<String> agents = new HashSet<>();
        Set<String> tools = new TreeSet<>();
        Set<String> models = new TreeSet<>();
        int withoutAgent = 0;
        for (Invocation row : rows(20_000, 10, NOW)) {
            if (row.agentName() == null) withoutAgent++;
            else agents.add(row.agentName());
            tools.add(row.toolName());
            models.add(row.modelName());
        }
        assertEquals(new HashSet<>(TaskText.AGENTS), agents);
        assertEquals(Set.of("chat", "code_review", "embed", "search", "summarize"), tools);
        assertEquals(PRICES.keySet(), models);
        assertTrue(withoutAgent > 0 && withoutAgent < 1000, withoutAgent + " rows without an agent");
    }

    @Test
    void weekdaysAreBusierThanWeekends() {
        long[] perWeekday = new long[7];
        for (Invocation row : rows(50_000, 11, NOW)) {
            perWeekday[LocalDate.ofEpochDay(Math.floorDiv(row.epochMicros(), 86_400_000_000L)).getDayOfWeek().ordinal()]++;
        }
        long weekend = perWeekday[5] + perWeekday[6];
        long weekdays = Arrays.stream(perWeekday, 0, 5).sum();
        assertTrue(weekdays / 5.0 > 2.5 * (weekend / 2.0), Arrays.toString(perWeekday));
    }

    @Test
    void latencyDependsOnTheModel() {
        Map<String, List<Integer>> latencies = new TreeMap<>();
        for (Invocation row : rows(20_000, 12, NOW)) {
            if (row.status().equals("success")) latencies.computeIfAbsent(row.modelName(), k -> new ArrayList<>()).add(row.latencyMs());
        }
        assertTrue(median(latencies.get("gpt-4o-mini")) < median(latencies.get("gemini-2.5-pro")), latencies.keySet().toString());
    }

    @Test
    void idsAreUniqueUuids() {
        Set<String> ids = new HashSet<>();
        for (Invocation row : rows(20_000, 13, NOW)) {
            assertTrue(row.invocationId().matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), row.invocationId());
            assertTrue(ids.add(row.invocationId()));
        }
        assertFalse(ids.isEmpty());
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
