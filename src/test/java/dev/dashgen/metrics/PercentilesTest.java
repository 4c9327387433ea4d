package dev.dashgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** R-7 against values a spreadsheet's PERCENTILE.INC gives; nearest rank and percentile rank by hand. */
class PercentilesTest {
    private static String r7(double p, int... values) {
        return Percentiles.r7(values, BigDecimal.valueOf(p)).toString();
    }

    @Test
    void r7MatchesPercentileInc() {
        assertEquals("5.5", r7(0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertEquals("8.65", r7(0.85, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertEquals("9.55", r7(0.95, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), "order of the input does not matter");
        assertEquals("29", r7(0.4, 15, 20, 35, 40, 50));
        assertEquals("7.25", r7(0.25, 3, 6, 7, 8, 8, 10, 13, 15, 16, 20));
        assertEquals("9", r7(0.5, 3, 6, 7, 8, 8, 10, 13, 15, 16, 20));
        assertEquals("14.5", r7(0.75, 3, 6, 7, 8, 8, 10, 13, 15, 16, 20));
        assertEquals("18.2", r7(0.95, 3, 6, 7, 8, 8, 10, 13, 15, 16, 20));
        assertEquals("4", r7(0.95, 4), "one value is every percentile");
        assertEquals("10", r7(1.0, 1, 10), "printed without an exponent");
        assertNull(Percentiles.r7(new int[0], Percentiles.P50));
    }

    @Test
    void nearestRankIsTheCeilingOfPTimesN() {
        assertEquals(5000, Percentiles.nearestRank(10_000, Percentiles.P50));
        assertEquals(8500, Percentiles.nearestRank(10_000, Percentiles.P85));
        assertEquals(9500, Percentiles.nearestRank(10_000, Percentiles.P95));
        assertEquals(3, Percentiles.nearestRank(3, Percentiles.P85), "⌈2.55⌉");
        assertEquals(1, Percentiles.nearestRank(1, Percentiles.P50));
    }

    @Test
    void rankBelowCountsStrictlyShorterValuesRoundedDown() {
        assertEquals(80, Percentiles.rankBelow(new int[] {1, 1, 2, 5, 10}, 10));
        assertEquals(60, Percentiles.rankBelow(new int[] {1, 1, 2, 5, 10}, 4));
        assertEquals(0, Percentiles.rankBelow(new int[] {3, 4}, 3));
        assertEquals(50, Percentiles.rankBelow(new int[] {2, 2, 5, 5}, 5), "ties are not below");
        assertEquals(66, Percentiles.rankBelow(new int[] {1, 2, 9}, 3), "two thirds, rounded down");
        assertEquals(100, Percentiles.rankBelow(new int[] {1, 2}, 30));
        assertNull(Percentiles.rankBelow(new int[0], 3));
    }
}
