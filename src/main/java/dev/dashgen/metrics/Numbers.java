package dev.dashgen.metrics;

import java.util.Locale;

/** Counts and rates for tables, formatted the same way everywhere, independent of the machine's locale. */
public final class Numbers {
    private Numbers() {}

    /** As {@code String.format(Locale.ROOT, "%,d", n)}, without the formatter: the cost page calls it a thousand times. */
    public static String count(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        StringBuilder text = new StringBuilder(digits.length() + length / 3);
        text.append(digits, 0, sign);
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) text.append(',');
            text.append(digits.charAt(sign + i));
        }
        return text.toString();
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String millis(Long ms) {
        return ms == null ? "—" : count(ms) + " ms";
    }
}
