package dev.dashgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast on throughputs whose outcome is known in closed form, its determinism and its guards. */
class MonteCarloTest {
    static final LocalDate TODAY = LocalDate.parse("2026-03-18");
    static final FlowReport.Window WINDOW = new FlowReport.Window(TODAY.minusDays(30), TODAY.minusDays(1));

    private static int[] constant(int perDay) {
        int[] s = new int[30];
        Arrays.fill(s, perDay);
        return s;
    }

    @Test
    void constantThroughputFinishesEveryTrialOnTheSameDay() {
        // 2 a day against 7 open tasks: done on day ⌈7/2⌉ = 4 in every trial; 7 days ahead, 14 done
        Forecast f = MonteCarlo.run(TODAY, WINDOW, constant(2), 7, 1, List.of(TODAY.plusDays(7), TODAY.plusDays(30)),
                List.of(new BigDecimal("0.25"), new BigDecimal("0.25")), null);
        assertEquals(new Forecast.WhenDone(TODAY.plusDays(4), TODAY.plusDays(4), TODAY.plusDays(4),
                new Forecast.Cost(new BigDecimal("1.75"), new BigDecimal("1.75"), new BigDecimal("1.75"), 2)), f.whenDone());
        assertEquals(List.of(new Forecast.HowMany(TODAY.plusDays(7), 14, 14, 14), new Forecast.HowMany(TODAY.plusDays(30), 60, 60, 60)),
                f.howMany());
        assertEquals(java.util.Map.of(TODAY.plusDays(4), 10_000), f.doneBy());
        assertEquals(0, f.unfinished());
    }

    @Test
    void nothingOpenIsDoneToday() {
        Forecast f = MonteCarlo.run(TODAY, WINDOW, constant(1), 0, 1, List.of(), List.of(new BigDecimal("3")), null);
        assertEquals(TODAY, f.whenDone().p95());
        assertEquals(0, f.whenDone().cost().p95().signum());
    }

    @Test
    void theSameSeedGivesTheSameForecastAndAnotherSeedAnother() {
        int[] samples = new int[30];
        for (int i = 0; i < 30; i++) samples[i] = i % 4 == 0 ? 3 : i % 3 == 0 ? 1 : 0;
        List<BigDecimal> costs = List.of(new BigDecimal("0.10"), new BigDecimal("2.5"), new BigDecimal("0.75"));
        Forecast a = MonteCarlo.run(TODAY, WINDOW, samples, 40, 7, List.of(TODAY.plusDays(14)), costs, null);
        Forecast b = MonteCarlo.run(TODAY, WINDOW, samples, 40, 7, List.of(TODAY.plusDays(14)), costs, null);
        Forecast c = MonteCarlo.run(TODAY, WINDOW, samples, 40, 8, List.of(TODAY.plusDays(14)), costs, null);
        assertEquals(a, b);
        assertNotEquals(a.doneBy(), c.doneBy());
        Forecast.WhenDone w = a.whenDone();
        assertTrue(!w.p50().isAfter(w.p85()) && !w.p85().isAfter(w.p95()), "dates ascend: " + w);
        assertTrue(w.cost().p50().compareTo(w.cost().p95()) <= 0, "costs ascend: " + w.cost());
        Forecast.HowMany h = a.howMany().get(0);
        assertTrue(h.p50() >= h.p85() && h.p85() >= h.p95(), "\"at least\" counts descend: " + h);
        assertEquals(10_000, a.doneBy().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void theFivePercentOfTrialsThatFinishLatestSetTheNinetyFifth() {
        // one good day in thirty: finishing 1 task takes a geometric number of days (p = 1/30)
        int[] samples = new int[30];
        samples[0] = 1;
        Forecast f = MonteCarlo.run(TODAY, WINDOW, samples, 1, 1, List.of(), null, "no costs");
        int p50 = (int) (f.whenDone().p50().toEpochDay() - TODAY.toEpochDay());
        int p95 = (int) (f.whenDone().p95().toEpochDay() - TODAY.toEpochDay());
        // quantiles of the geometric distribution: ln(0.5)/ln(29/30) ≈ 20.4, ln(0.05)/ln(29/30) ≈ 88.4
        assertTrue(p50 >= 18 && p50 <= 23, "p50 day " + p50);
        assertTrue(p95 >= 82 && p95 <= 95, "p95 day " + p95);
        assertNull(f.whenDone().cost());
        assertEquals("no costs", f.costNote());
    }

    @Test
    void aTrialStopsAtTheCapAndSaysSo() {
        int[] samples = new int[30];
        samples[0] = 1;
        Forecast f = MonteCarlo.run(TODAY, WINDOW, samples, 1000, 1, List.of(), null, null);
        assertNull(f.whenDone().p50(), "1,000 tasks at one a month take longer than ten years");
        assertEquals(10_000, f.unfinished());
        assertEquals(MonteCarlo.CAP_DAYS, f.capDays());
    }

    @Test
    void datesNotAfterTodayOrBeyondTheCapAreLeftOut() {
        Forecast f = MonteCarlo.run(TODAY, WINDOW, constant(1), 3, 1,
                List.of(TODAY, TODAY.minusDays(3), TODAY.plusDays(2), TODAY.plusDays(2), TODAY.plusYears(20)), null, null);
        assertEquals(List.of(new Forecast.HowMany(TODAY.plusDays(2), 2, 2, 2)), f.howMany());
    }

    @Test
    void noThroughputIsNotAForecast() {
        assertThrows(IllegalArgumentException.class, () -> MonteCarlo.run(TODAY, WINDOW, new int[30], 3, 1, List.of(), null, null));
    }
}
