package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every timestamp form of PRODUCT §3 lands on the right instant, also when the forms share one table. */
class TimestampFormsTest {

    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final Instant AT = Instant.parse("2026-11-24T16:51:44Z");

    @TempDir
    Path dir;

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("Python isoformat()", "2026-11-24T16:51:44.779728+00:00", AT),
                Arguments.of("space separated", "2026-11-24 16:51:44", AT),
                Arguments.of("epoch seconds", 1795539104L, AT),
                Arguments.of("epoch seconds with a fraction", 1795539104.779, AT),
                Arguments.of("ISO-8601 Z", "2026-11-24T16:51:44Z", AT),
                Arguments.of("positive offset", "2026-11-25T01:51:44+09:00", AT),
                Arguments.of("negative offset", "2026-11-24T11:51:44-05:00", AT),
                Arguments.of("offset without a colon, as strftime's %z", "2026-11-24T22:21:44.5+0530", AT),
                Arguments.of("UTC offset without a colon", "2026-11-24 16:51:44+0000", AT),
                Arguments.of("negative offset without a colon, after a space", "2026-11-24 08:51:44 -0800", AT),
                Arguments.of("offset in hours, as PostgreSQL writes it", "2026-11-24 16:51:44.123+00", AT),
                Arguments.of("milliseconds", "2026-11-24 16:51:44.123", AT),
                Arguments.of("nanoseconds", "2026-11-24T16:51:44.123456789Z", AT),
                Arguments.of("no zone means UTC", "2026-11-24T16:51:44", AT),
                Arguments.of("minutes only", "2026-11-24 16:51", Instant.parse("2026-11-24T16:51:00Z")),
                Arguments.of("date only", "2026-11-24", Instant.parse("2026-11-24T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("forms")
    void eachFormIsReadAsTheRightInstant(String name, Object stored, Instant expected) throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at(stored).cost(1.5));
            CostReport report = available(db.path()).report();
            assertEquals(expected, report.top().get(0).timestamp());
            assertEquals(new BigDecimal("1.500000"), report.kpis().allTime());
        }
    }

    @Test
    void formsMixInOneTableAndAnOffsetCanMoveTheDay() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            List<TelemetryDb.Row> rows = new ArrayList<>();
            forms().forEach(a -> rows.add(db.at(a.get()[1]).cost(1)));
            rows.add(db.at("2026-11-25T01:30:00+02:00").cost(1));
            db.add(rows);
            Telemetry.Available t = available(db.path());
            assertEquals(List.of(), t.problems());
            List<DailyCost> daily = t.report().daily();
            assertEquals(1, daily.size());
            assertEquals(LocalDate.parse("2026-11-24"), daily.get(0).date());
            assertEquals(rows.size(), daily.get(0).usage().invocations());
            assertEquals(new BigDecimal(rows.size()).setScale(6), daily.get(0).usage().cost());
        }
    }

    @Test
    void epochSecondsStoredAsTextCountWhereTheColumnKeepsText() throws Exception {
        String ddl = TelemetryDb.SCHEMA.replace("timestamp DATETIME DEFAULT CURRENT_TIMESTAMP", "timestamp TEXT");
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"), ddl)) {
            db.add(db.at("1795539104").cost(1), db.at("1795539104.5").cost(1));
            Telemetry.Available t = available(db.path());
            assertEquals(List.of(), t.problems());
            assertEquals(AT, t.report().top().get(0).timestamp());
            assertEquals(2, t.report().total().invocations());
        }
    }

    @Test
    void unreadableTimestampsAreOneProblemAndLeftOutOfTheSums() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at("garbage").cost(1), db.at("").cost(1), db.at("now").cost(1), db.at("24/11/2026").cost(1),
                    db.at("2026-11-24 16:51:44 UTC").cost(1), db.at(null).cost(1), db.at(-5).cost(1),
                    db.at(AT.getEpochSecond()).cost(2));
            Telemetry.Available t = available(db.path());
            assertEquals(new BigDecimal("2.000000"), t.report().kpis().allTime());
            assertEquals(List.of(Problem.warning(db.path(), 0, 0, "7 invocations with unreadable timestamps (use "
                    + "ISO-8601, YYYY-MM-DD HH:MM:SS or epoch seconds) left out of the sums (first: invocation_id "
                    + "inv-1, timestamp 'garbage')")), t.problems());
        }
    }

    /** PRODUCT.md §3: when now is the clock's, rows up to a few minutes ahead count as now (writers' clocks differ). */
    @Test
    void futureRowsAreProblemsButAFewMinutesOfClockSkewCountAsNow() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at(NOW.plusSeconds(299).getEpochSecond()).cost(1),
                    db.at("2026-11-26 00:05:01").cost(2), db.at("2027-01-01T00:00:00Z").cost(4));
            Telemetry.Available t = assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), NOW, 90, true));
            assertEquals(new BigDecimal("1.000000"), t.report().kpis().allTime());
            assertEquals(NOW, t.report().top().get(0).timestamp());
            assertEquals(List.of(Problem.warning(db.path(), 0, 0, "2 invocations dated after now (" + NOW
                    + ") left out of the sums (first: invocation_id inv-2, timestamp '2026-11-26 00:05:01')")),
                    t.problems());
        }
    }

    /** PRODUCT.md §3: with a given now (--now, SOURCE_DATE_EPOCH) the report is as of that instant exactly. */
    @Test
    void withAGivenNowARowOneSecondLaterIsLeftOutOfEverySum() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at(NOW.getEpochSecond()).cost(1), db.at(NOW.plusSeconds(1).getEpochSecond()).cost(2));
            Telemetry.Available t = available(db.path());
            assertEquals(new BigDecimal("1.000000"), t.report().kpis().allTime());
            assertEquals(new BigDecimal("1.000000"), t.report().kpis().today());
            assertEquals(1, t.problems().size());
            assertTrue(t.problems().get(0).message().startsWith("1 invocation dated after now (" + NOW + ")"), t.problems()::toString);
        }
    }

    static Telemetry.Available available(String source) {
        return assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(source, NOW, 90));
    }
}
