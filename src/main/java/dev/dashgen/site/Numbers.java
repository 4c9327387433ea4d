package dev.dashgen.site;

import java.util.Locale;

/** Counts and rates for tables, formatted the same way everywhere, independent of the machine's locale. */
final class Numbers {
    private Numbers() {}

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String millis(Long ms) {
        return ms == null ? "—" : String.format(Locale.ROOT, "%,d ms", ms);
    }
}
