package dev.dashgen.site;

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
        return String.format(Locale.ROOT, "$%,.2f", usd.setScale(2, RoundingMode.HALF_EVEN));
    }
}
