package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is summed as whole nano-dollars in {@code long}s: integer addition is exact and associative, so
 * partial sums from parallel chunks merge to the same total in any order and every breakdown adds up to
 * the total exactly. Each stored {@code cost_usd} is rounded once to the nano-dollar (in SQL, see
 * {@link SqlDialect#units}); values are reported as BigDecimal micro-dollars, which also removes binary
 * noise such as 0.30000000000000004 before the site rounds to cents.
 */
final class Money {

    static final double UNITS_PER_USD = 1e9;
    /** One invocation above this is treated as a bad number; it also keeps sums far from overflow. */
    static final double MAX_INVOCATION_USD = 1_000_000;
    static final int SCALE = 6;

    private Money() {
    }

    static BigDecimal usd(long units) {
        return BigDecimal.valueOf(units, 9).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** Estimates are fractions of units (an even split); they are rounded the same way. */
    static BigDecimal usd(double units) {
        return new BigDecimal(units).movePointLeft(9).setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
