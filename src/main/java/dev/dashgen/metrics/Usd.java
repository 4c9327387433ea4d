package dev.dashgen.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Dollar amounts as pages show them: cents, grouped, and "<$0.01" rather than a misleading $0.00. */
public final class Usd {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Usd() {}

    public static String format(BigDecimal usd) {
        if (usd == null) return "";
        if (usd.signum() > 0 && usd.compareTo(CENT) < 0) return "<$0.01";
        BigDecimal cents = usd.setScale(2, RoundingMode.HALF_EVEN);
        if (cents.precision() > 17) return String.format(Locale.ROOT, "$%,.2f", cents);
        // The same text as "$%,.2f" without the formatter, which pages call once per card.
        long all = cents.unscaledValue().longValueExact();
        long rest = Math.abs(all % 100);
        return (all < 0 ? "$-" : "$") + Numbers.count(Math.abs(all / 100)) + (rest < 10 ? ".0" : ".") + rest;
    }
}
