package dev.dashgen.telemetry;

/**
 * Epoch seconds of a timestamp stored as text, exactly as the SQLite reader gets them from the same text in the
 * reference schema's {@code timestamp DATETIME} column: a number (the column's NUMERIC affinity stores it as one)
 * is epoch seconds, truncated; text starting with a digit goes through SQLite's own date grammar ({@code YYYY-MM-DD},
 * then spaces or {@code T}s, {@code HH:MM[:SS[.fraction]]}, an optional {@code Z} or {@code ±HH:MM}, or a last
 * {@code ±HHMM} or {@code ±HH} given its colon; a time alone is
 * a time on 2000-01-01; day 31 of any month and hour 24 roll over, fractions are dropped), and failing that counts
 * when it is digits and dots (its leading digits). Anything else is unreadable. PostgreSQL parses text timestamps
 * too slowly (a regular expression per row costs more than the whole read), so its rows are parsed here instead.
 */
final class TextTimestamps {

    /** What an unreadable timestamp gives, as the SQL side's {@code coalesce(…, -1)} does. */
    static final long UNREADABLE = -1;

    /** 9999-12-31 23:59:59: SQLite rejects anything later (a day 31 or hour 24 rolling past it, an offset). */
    private static final long LAST_SECOND = 253_402_300_799L;

    private TextTimestamps() {
    }

    static long seconds(String text) {
        return text == null ? UNREADABLE : seconds(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code utf8}: the stored text's bytes, or null for NULL. Instants before 1970 are unreadable too. */
    static long seconds(byte[] utf8) {
        long seconds = parse(utf8);
        return seconds < 0 ? UNREADABLE : seconds;
    }

    private static long parse(byte[] utf8) {
        if (utf8 == null) return UNREADABLE;
        long number = number(utf8);
        if (number != NOT_A_NUMBER) return number;
        if (utf8.length == 0 || utf8[0] >= ':') return UNREADABLE;
        long date = dateTime(utf8);
        if (date != NOT_A_DATE) return date;
        date = zoneWithoutColon(utf8);
        if (date != NOT_A_DATE) return date;
        return leadingDigits(utf8);
    }

    /** A last {@code ±HHMM} or {@code ±HH} read as {@code ±HH:MM}, as {@link SqliteDialect#epochSeconds} does. */
    private static long zoneWithoutColon(byte[] s) {
        int n = s.length;
        if (n >= 5 && isSign(s[n - 5]) && digits(s, n - 4, 4)) {
            byte[] colon = java.util.Arrays.copyOf(s, n + 1);
            colon[n - 2] = ':';
            colon[n - 1] = s[n - 2];
            colon[n] = s[n - 1];
            return dateTime(colon);
        }
        if (n >= 3 && isSign(s[n - 3]) && digits(s, n - 2, 2)) {
            byte[] colon = java.util.Arrays.copyOf(s, n + 3);
            colon[n] = ':';
            colon[n + 1] = '0';
            colon[n + 2] = '0';
            return dateTime(colon);
        }
        return NOT_A_DATE;
    }

    private static boolean isSign(byte b) {
        return b == '+' || b == '-';
    }

    private static final long NOT_A_NUMBER = Long.MIN_VALUE;
    private static final long NOT_A_DATE = Long.MIN_VALUE + 1;

    /**
     * A decimal literal with optional surrounding spaces, sign, fraction and exponent (what NUMERIC affinity turns
     * into a number), truncated toward zero as {@code CAST(… AS INTEGER)} does; NOT_A_NUMBER otherwise.
     */
    private static long number(byte[] s) {
        int i = 0;
        int n = s.length;
        while (i < n && isSpace(s[i])) i++;
        while (n > i && isSpace(s[n - 1])) n--;
        if (i == n) return NOT_A_NUMBER;
        int start = i;
        if (s[i] == '+' || s[i] == '-') i++;
        int digits = 0;
        while (i < n && isDigit(s[i])) {
            i++;
            digits++;
        }
        boolean real = false;
        if (i < n && s[i] == '.') {
            real = true;
            i++;
            while (i < n && isDigit(s[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) return NOT_A_NUMBER;
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            real = true;
            i++;
            if (i < n && (s[i] == '+' || s[i] == '-')) i++;
            int exponent = 0;
            while (i < n && isDigit(s[i])) {
                i++;
                exponent++;
            }
            if (exponent == 0) return NOT_A_NUMBER;
        }
        if (i != n) return NOT_A_NUMBER;
        String literal = new String(s, start, n - start, java.nio.charset.StandardCharsets.US_ASCII);
        if (!real) {
            try {
                return Long.parseLong(literal.startsWith("+") ? literal.substring(1) : literal);
            } catch (NumberFormatException e) {
                // too large for a 64-bit integer: SQLite keeps it as a real, and CAST saturates below
            }
        }
        double value = Double.parseDouble(literal);
        if (value >= 9.223372036854775807E18) return Long.MAX_VALUE;
        if (value <= -9.223372036854775808E18) return UNREADABLE;
        return (long) value;
    }

    /** SQLite's {@code unixepoch()} of the date forms it accepts; NOT_A_DATE when it rejects the text. */
    private static long dateTime(byte[] s) {
        long year = 2000;
        long month = 1;
        long day = 1;
        boolean negative = false;
        int i = 0;
        if (s.length > 0 && s[0] == '-') {
            negative = true;
            i = 1;
        }
        if (digits(s, i, 4) && at(s, i + 4, '-') && digits(s, i + 5, 2) && at(s, i + 7, '-') && digits(s, i + 8, 2)) {
            year = value(s, i, 4);
            month = value(s, i + 5, 2);
            day = value(s, i + 8, 2);
            if (month < 1 || month > 12 || day < 1 || day > 31) return NOT_A_DATE;
            if (negative) year = -year;
            i += 10;
            while (i < s.length && (isSpace(s[i]) || s[i] == 'T')) i++;
            long time = time(s, i);
            if (time == NOT_A_DATE) {
                if (i != s.length) return NOT_A_DATE;
                time = 0;
            }
            return inRange(year, days(year, month, day) * 86_400 + time);
        }
        if (negative) return NOT_A_DATE;
        long time = time(s, 0);
        return time == NOT_A_DATE ? NOT_A_DATE : inRange(year, days(year, month, day) * 86_400 + time);
    }

    /** SQLite's range of Julian days: years from -4713 up to the end of 9999. */
    private static long inRange(long year, long second) {
        if (year < -4713 || second > LAST_SECOND) return NOT_A_DATE;
        return second;
    }

    /** {@code HH:MM[:SS[.fraction]]} and a zone, to the end of the text: seconds into the day, UTC; or NOT_A_DATE. */
    private static long time(byte[] s, int from) {
        int i = from;
        if (!(digits(s, i, 2) && at(s, i + 2, ':') && digits(s, i + 3, 2))) return NOT_A_DATE;
        long hour = value(s, i, 2);
        long minute = value(s, i + 3, 2);
        if (hour > 24 || minute > 59) return NOT_A_DATE;
        long second = 0;
        i += 5;
        if (at(s, i, ':')) {
            if (!digits(s, i + 1, 2)) return NOT_A_DATE;
            second = value(s, i + 1, 2);
            if (second > 59) return NOT_A_DATE;
            i += 3;
            if (at(s, i, '.') && i + 1 < s.length && isDigit(s[i + 1])) {
                i++;
                while (i < s.length && isDigit(s[i])) i++;
            }
        }
        while (i < s.length && isSpace(s[i])) i++;
        long offsetMinutes = 0;
        if (i < s.length) {
            byte c = s[i];
            if (c == 'Z' || c == 'z') {
                i++;
            } else if (c == '+' || c == '-') {
                if (!(digits(s, i + 1, 2) && at(s, i + 3, ':') && digits(s, i + 4, 2))) return NOT_A_DATE;
                long hours = value(s, i + 1, 2);
                long minutes = value(s, i + 4, 2);
                if (hours > 14 || minutes > 59) return NOT_A_DATE;
                offsetMinutes = (c == '-' ? -1 : 1) * (hours * 60 + minutes);
                i += 6;
            } else {
                return NOT_A_DATE;
            }
            while (i < s.length && isSpace(s[i])) i++;
            if (i != s.length) return NOT_A_DATE;
        }
        return hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    }

    /**
     * Days from 1970-01-01 by the Julian-day formula SQLite uses (Meeus): linear in the day, so 2026-02-30 is
     * 2026-03-02, as in SQLite. Years beyond 9999 cannot be written with four digits.
     */
    static long days(long year, long month, long day) {
        long y = year;
        long m = month;
        if (m <= 2) {
            y--;
            m += 12;
        }
        long a = y / 100;
        long b = 2 - a + a / 4;
        long x1 = 36525 * (y + 4716) / 100;
        long x2 = 306001 * (m + 1) / 10000;
        // JD = x1 + x2 + day + b - 1524.5; 1970-01-01 is JD 2440587.5
        return x1 + x2 + day + b - 1524 - 2440588;
    }

    /** Digits and dots after a leading digit: the integer its leading digits make (CAST saturates). */
    private static long leadingDigits(byte[] s) {
        if (!isDigit(s[0])) return UNREADABLE;
        for (byte b : s) {
            if (!isDigit(b) && b != '.') return UNREADABLE;
        }
        long value = 0;
        for (byte b : s) {
            if (!isDigit(b)) break;
            if (value > (Long.MAX_VALUE - (b - '0')) / 10) return Long.MAX_VALUE;
            value = value * 10 + (b - '0');
        }
        return value;
    }

    private static boolean digits(byte[] s, int from, int count) {
        if (from + count > s.length) return false;
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s[i])) return false;
        }
        return true;
    }

    private static long value(byte[] s, int from, int count) {
        long v = 0;
        for (int i = from; i < from + count; i++) v = v * 10 + (s[i] - '0');
        return v;
    }

    private static boolean at(byte[] s, int i, char c) {
        return i < s.length && s[i] == c;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** SQLite's isspace: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= 9 && b <= 13);
    }
}
