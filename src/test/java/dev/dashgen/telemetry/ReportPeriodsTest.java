package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The period figures: UTC days relative to now, calendar months, and the month-end projection. */
class ReportPeriodsTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void periodsCountUtcDaysEndingToday() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at("2026-11-24 08:00:00").cost(1), db.at("2026-11-23 23:59:59").cost(2),
                    db.at("2026-11-18 00:00:00").cost(4), db.at("2026-11-17 23:59:59").cost(8),
                    db.at("2026-11-01 00:00:00").cost(16), db.at("2026-10-26 00:00:00").cost(32),
                    db.at("2026-10-25 23:00:00").cost(64), db.at("2025-12-31 12:00:00").cost(128));
            CostReport r = read(db, NOW, 7);
            assertEquals(new Kpis(usd("255"), usd("31"), usd("1"), usd("7"), usd("63"), usd("38.75")), r.kpis());
            assertEquals(List.of(YearMonth.of(2025, 12), YearMonth.of(2026, 10), YearMonth.of(2026, 11)),
                    r.monthly().stream().map(MonthlyCost::month).toList());
            assertEquals(List.of(usd("128"), usd("96"), usd("31")), r.monthly().stream().map(m -> m.usage().cost()).toList());
            assertEquals(List.of(LocalDate.parse("2026-11-18"), LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24")),
                    r.daily().stream().map(DailyCost::date).toList());
        }
    }

    @Test
    void onTheFirstOfTheMonthTodayCountsAsAWholeDay() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at("2026-12-01 00:01:00").cost(2), db.at("2026-11-30 23:00:00").cost(5));
            CostReport r = read(db, Instant.parse("2026-12-01T00:05:00Z"), 90);
            assertEquals(usd("2"), r.kpis().month());
            assertEquals(usd("62"), r.kpis().projectedMonth());
        }
    }

    @Test
    void anEmptyTableGivesAnEmptyReport() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            CostReport r = read(db, NOW, 90);
            BigDecimal zero = usd("0");
            assertEquals(new Kpis(zero, zero, zero, zero, zero, zero), r.kpis());
            assertEquals(Usage.NONE, r.total());
            assertEquals(List.of(), r.daily());
            assertEquals(List.of(), r.byModel());
            assertEquals(List.of(), r.top());
            assertEquals(List.of(), r.agentSeries());
        }
    }

    @Test
    void errorsCountByStatusAndNamesMissingFromRowsShowAsNone() throws Exception {
        try (TelemetryDb db = TelemetryDb.create(dir.resolve("t.db"))) {
            db.add(db.at("2026-11-24 08:00:00").cost(1).error("boom"), db.at("2026-11-24 08:00:00").cost(1).error(null),
                    db.at("2026-11-24 08:00:00").cost(1).set("status", "OK"), db.at("2026-11-24 08:00:00").cost(1));
            CostReport r = read(db, NOW, 90);
            ModelErrors errors = r.errorsByModel().get(0);
            assertEquals(new ModelErrors("model", 4, 2, 0.5, List.of(new ModelErrors.ErrorMessage("(no message)", 1),
                    new ModelErrors.ErrorMessage("boom", 1))), errors);
            assertEquals(List.of(CostReport.NO_NAME), r.byAgent().stream().map(Breakdown::name).toList());
        }
    }

    private static CostReport read(TelemetryDb db, Instant now, int days) {
        return assertInstanceOf(Telemetry.Available.class, TelemetryReader.read(db.path(), now, days)).report();
    }

    private static BigDecimal usd(String value) {
        return new BigDecimal(value).setScale(6);
    }
}
