package dev.dashgen.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp as written in a task file: the raw text, and the instant when it could be read.
 * Accepted: ISO-8601 with {@code Z} or an offset, {@code YYYY-MM-DD HH:MM:SS}, a date, or a YAML
 * timestamp ({@code 2001-12-14 21:59:43.10 -5}). No zone means UTC.
 */
public record Timestamp(String raw, Instant instant) {

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:(?:[Tt]|[ \\t]+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9})\\d*)?)?"
                    + "[ \\t]*(Z|z|[+-]\\d{1,2}(?::?\\d{2})?)?)?");

    public boolean readable() {
        return instant != null;
    }

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.toString(), instant);
    }

    /** Reads {@code text}; an unreadable value keeps its raw text and a null instant. */
    public static Timestamp parse(String text) {
        String trimmed = text.strip();
        return new Timestamp(trimmed, toInstant(trimmed));
    }

    private static Instant toInstant(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return null;
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) return date.atStartOfDay().toInstant(ZoneOffset.UTC);
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalDateTime time = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            return OffsetDateTime.of(time, offset(m.group(8))).toInstant();
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("z")) return ZoneOffset.UTC;
        String sign = zone.substring(0, 1);
        String digits = zone.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        int total = hours * 3600 + minutes * 60;
        if (total > 18 * 3600) throw new DateTimeParseException("offset out of range", zone, 0);
        return ZoneOffset.ofTotalSeconds(sign.equals("-") ? -total : total);
    }

    /** {@code 2026-11-24 16:51 UTC}, or the raw text when unreadable. */
    public String display() {
        if (instant == null) return raw;
        return MINUTE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Made once: every card, row and page shows timestamps, and parsing the pattern cost more than formatting. */
    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
}
