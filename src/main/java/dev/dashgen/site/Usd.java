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
        BigDecimal cents = usd.setScale(2, RoundingMode.HALF_EVEN);
        if (cents.precision() > 17) return String.format(Locale.ROOT, "$%,.2f", cents);
        // The same text as "$%,.2f" without the formatter, which pages call once per card.
        long all = cents.unscaledValue().longValueExact();
        String digits = Long.toString(Math.abs(all / 100));
        StringBuilder text = new StringBuilder(digits.length() + 8);
        text.append('$');
        if (all < 0) text.append('-');
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) text.append(',');
            text.append(digits.charAt(i));
        }
        long rest = Math.abs(all % 100);
        return text.append('.').append(rest < 10 ? "0" : "").append(rest).toString();
    }
}
