package dev.dashgen.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Log buckets keep every latency within 0.4 % of its bucket's reported value, from 0 ms to 2^31 ms. */
class LatencyHistogramTest {

    @Test
    void smallLatenciesAreExact() {
        for (long ms = 0; ms < 256; ms++) assertEquals(ms, LatencyHistogram.value(LatencyHistogram.bucket(ms)));
    }

    @Test
    void everyBucketIsNarrowerThanOnePercent() {
        Random random = new Random(7);
        int previous = -1;
        for (long ms = 0; ms < Integer.MAX_VALUE; ms += 1 + ms / 1000 + random.nextInt(3)) {
            int bucket = LatencyHistogram.bucket(ms);
            assertTrue(bucket >= previous && bucket < LatencyHistogram.BUCKETS, "bucket order at " + ms);
            previous = bucket;
            long value = LatencyHistogram.value(bucket);
            assertTrue(Math.abs(value - ms) <= ms * 0.004 + 0.5, ms + " reported as " + value);
        }
        assertEquals(LatencyHistogram.BUCKETS - 1, LatencyHistogram.bucket(Integer.MAX_VALUE));
    }

    @Test
    void percentilesAreNearestRankForFewAndManyNames() {
        LatencyHistogram h = new LatencyHistogram();
        int many = 5000;
        for (long ms = 1; ms <= 100; ms++) {
            h.add(0, LatencyHistogram.bucket(ms));
            h.add(many, LatencyHistogram.bucket(ms));
        }
        assertEquals(new Latency(50, 95), h.latencies(many + 1)[0]);
        assertEquals(new Latency(50, 95), h.latencies(many + 1)[many]);
        h.add(0, LatencyHistogram.bucket(101));
        LatencyHistogram merged = new LatencyHistogram();
        merged.merge(h);
        merged.merge(h);
        Latency[] latencies = merged.latencies(many + 1);
        assertEquals(new Latency(51, 96), latencies[0]);
        assertEquals(new Latency(50, 95), latencies[many]);
        assertEquals(null, latencies[1]);
    }
}
