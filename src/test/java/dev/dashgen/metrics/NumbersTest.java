package dev.dashgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Counts are grouped by thousands with commas whatever the machine's locale, as {@code %,d} does in ROOT. */
class NumbersTest {

    @Test
    void countsGroupLikeTheRootLocaleFormatter() {
        long[] values = {0, 7, 999, 1_000, -1_000, 12_345, 999_999, 1_000_000, -98_765_432, 1_234_567_890_123L,
                Long.MAX_VALUE, Long.MIN_VALUE};
        for (long n : values) assertEquals(String.format(Locale.ROOT, "%,d", n), Numbers.count(n), "count " + n);
    }

    @Test
    void millisecondsAreCountsWithAUnit() {
        assertEquals("1,234 ms", Numbers.millis(1234L));
        assertEquals("—", Numbers.millis(null));
    }
}
