package dev.dashgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UsdTest {

    @Test
    void showsCentsGroupedAndRoundedHalfEven() {
        assertEquals("$0.00", Usd.format(BigDecimal.ZERO));
        assertEquals("<$0.01", Usd.format(new BigDecimal("0.004")));
        assertEquals("$0.01", Usd.format(new BigDecimal("0.01")));
        assertEquals("$1,234,567.12", Usd.format(new BigDecimal("1234567.125")));
        assertEquals("$1,234,567.14", Usd.format(new BigDecimal("1234567.135")));
        assertEquals("$999.99", Usd.format(new BigDecimal("999.994")));
        assertEquals("$1,000.00", Usd.format(new BigDecimal("999.995")));
        assertEquals("", Usd.format(null));
    }

    @Test
    void matchesTheJdkFormatterForAnyAmount() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal usd = BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(10));
            if (usd.signum() > 0 && usd.compareTo(new BigDecimal("0.01")) < 0) continue;
            String jdk = String.format(Locale.ROOT, "$%,.2f", usd.setScale(2, RoundingMode.HALF_EVEN));
            assertEquals(jdk, Usd.format(usd), usd.toPlainString());
        }
    }
}
