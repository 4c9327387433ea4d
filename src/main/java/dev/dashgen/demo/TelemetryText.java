package dev.dashgen.demo;

/**
 * Fast, allocation-light formatting of invocation ids and timestamps: ten million rows would spend
 * most of their time in {@code DateTimeFormatter} and {@code UUID.toString()} otherwise.
 */
final class TelemetryText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TelemetryText() {}

    /** A UUIDv7-style id: millisecond time first, so ids sort by time and the UNIQUE index is appended to, not scattered. */
    static String uuid7(long epochMillis, long random1, long random2) {
        long high = (epochMillis << 16) | 0x7000L | (random1 & 0x0FFFL);
        long low = (random2 & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        char[] out = new char[36];
        hex(out, 0, high >>> 32, 8);
        out[8] = '-';
        hex(out, 9, (high >>> 16) & 0xFFFF, 4);
        out[13] = '-';
        hex(out, 14, high & 0xFFFF, 4);
        out[18] = '-';
        hex(out, 19, low >>> 48, 4);
        out[23] = '-';
        hex(out, 24, low & 0xFFFF_FFFF_FFFFL, 12);
        return new String(out);
    }

    /** Python's {@code datetime.isoformat()} for UTC: the fraction is left out when it is zero, as Python does. */
    static String iso(String date, long microsOfDay) {
        int micros = (int) (microsOfDay % 1_000_000);
        char[] out = new char[micros == 0 ? 25 : 32];
        time(out, date, microsOfDay, 'T');
        int at = 19;
        if (micros != 0) {
            out[at++] = '.';
            digits(out, at, micros, 6);
            at += 6;
        }
        "+00:00".getChars(0, 6, out, at);
        return new String(out);
    }

    /** {@code 2026-11-24 16:51:44}. */
    static String space(String date, long microsOfDay) {
        char[] out = new char[19];
        time(out, date, microsOfDay, ' ');
        return new String(out);
    }

    private static void time(char[] out, String date, long microsOfDay, char separator) {
        date.getChars(0, 10, out, 0);
        out[10] = separator;
        int seconds = (int) (microsOfDay / 1_000_000);
        digits(out, 11, seconds / 3600, 2);
        out[13] = ':';
        digits(out, 14, seconds / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, seconds % 60, 2);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static void hex(char[] out, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
