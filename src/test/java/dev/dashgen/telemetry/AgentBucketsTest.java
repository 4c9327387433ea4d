package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
        assertEquals(new AgentCostSeries("beta", 60, new int[] {99, 100}, new long[] {500_000_000L, 2_000_000_000L}),
                second.get(1));
    }
}
