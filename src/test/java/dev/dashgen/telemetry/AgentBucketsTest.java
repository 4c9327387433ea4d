package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cost per agent per minute, and the series made of it, which serve asks for after every commit. */
class AgentBucketsTest {

    @Test
    void rowsAddedToOneAgentRemakeOnlyThatAgentsSeries() {
        Names agents = Names.growing();
        int alpha = agents.code("alpha");
        int beta = agents.code("beta");
        AgentBuckets buckets = new AgentBuckets();
        buckets.add(alpha, 100, 1_000_000_000L);
        buckets.add(beta, 100, 2_000_000_000L);
        List<AgentCostSeries> first = buckets.series(agents, 60);

        buckets.add(beta, 99, 500_000_000L); // an earlier minute, out of order
        List<AgentCostSeries> second = buckets.series(agents, 60);

        assertSame(first.get(0), second.get(0), "alpha got no row");
        assertEquals(new BigDecimal("2.500000"), second.get(1).total());
        assertEquals(AgentCostSeries.of("beta", 60, new long[] {99, 100}, new long[] {500_000_000L, 2_000_000_000L}, 2),
                second.get(1));
    }

    /**
     * Serve adds a commit's rows to a per-second series without sorting the agent's millions of seconds again: in
     * order, out of order, in a second the series already holds, and past the recent part's limit, the series gives
     * the cost a series made afresh from all the rows gives, to the unit, in every window; a series made before
     * keeps what it gave.
     */
    @Test
    void rowsAddedAfterASeriesGiveWhatAFreshSeriesGives() {
        Names agents = Names.growing();
        int alpha = agents.code("alpha");
        AgentBuckets grown = new AgentBuckets();
        AgentBuckets all = new AgentBuckets();
        java.util.Random random = new java.util.Random(7);
        long base = 1_795_000_000L;
        for (int i = 0; i < 2_000; i++) {
            long second = base + random.nextInt(100_000);
            long units = 1 + random.nextInt(1_000_000);
            grown.add(alpha, second, units);
            all.add(alpha, second, units);
        }
        AgentCostSeries first = grown.series(agents, 1).get(0);
        double firstWhole = first.unitsBefore(base + 200_000);
        for (int commit = 0; commit < 90; commit++) { // some 6,000 distinct seconds: past the recent part's limit once
            for (int row = 0; row < 100; row++) {
                long second = switch (commit % 3) {
                    case 0 -> base + 100_000 + commit * 100L + row; // after every row before it
                    case 1 -> base + random.nextInt(100_000); // anywhere before
                    default -> base + 100_000 + (commit - 2) * 100L + 99; // the second the last in-order rows ended on
                };
                long units = 1 + random.nextInt(1_000_000);
                grown.add(alpha, second, units);
                all.add(alpha, second, units);
            }
            AgentCostSeries made = grown.series(agents, 1).get(0);
            AgentBuckets once = new AgentBuckets();
            once.merge(all);
            AgentCostSeries fresh = once.series(agents, 1).get(0);
            if (commit == 0) assertEquals(100, made.recentSize(), "the commit's rows went to the recent part");
            assertEquals(fresh, made, "commit " + commit);
            assertEquals(fresh.total(), made.total());
            for (int w = 0; w < 50; w++) {
                long from = base - 10 + random.nextInt(108_000);
                long to = from + random.nextInt(20_000);
                assertEquals(fresh.unitsBefore(to) - fresh.unitsBefore(from), made.unitsBefore(to) - made.unitsBefore(from), "commit " + commit + ": " + from + ".." + to);
            }
        }
        int recent = grown.series(agents, 1).get(0).recentSize();
        assertTrue(recent > 0 && recent < 4_096, recent + ": all sorted anew once past the limit");
        assertEquals(firstWhole, first.unitsBefore(base + 200_000), "a series made before is not changed by later rows");
    }

    /** A sweep reads the series through a cursor: at seconds that never decrease it gives unitsBefore, to the bit. */
    @Test
    void aCursorGivesWhatASearchGives() {
        java.util.Random random = new java.util.Random(11);
        for (int bucketSeconds : new int[] {1, 86_400}) {
            Names agents = Names.growing();
            int alpha = agents.code("alpha");
            AgentBuckets rows = new AgentBuckets();
            for (int i = 0; i < 3_000; i++) rows.add(alpha, random.nextInt(5_000), 1 + random.nextInt(1_000_000));
            AgentCostSeries series = rows.series(agents, bucketSeconds).get(0);
            if (bucketSeconds == 1) {
                for (int i = 0; i < 50; i++) rows.add(alpha, random.nextInt(5_000), 7);
                series = rows.series(agents, bucketSeconds).get(0); // with a recent part
            }
            long[] seconds = new long[2_000];
            for (int i = 0; i < seconds.length; i++) seconds[i] = -10 + random.nextInt(5_020) * (long) bucketSeconds + random.nextInt(bucketSeconds);
            java.util.Arrays.sort(seconds);
            AgentCostSeries.Cursor cursor = series.cursor();
            for (long second : seconds) {
                assertEquals(series.unitsBefore(second), cursor.unitsBefore(second), bucketSeconds + " s buckets, second " + second);
            }
        }
    }
}
