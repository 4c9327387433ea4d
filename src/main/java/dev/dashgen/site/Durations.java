package dev.dashgen.site;

import java.time.Duration;
import java.time.Instant;

/** Short human durations for cards and timelines: {@code 45m}, {@code 5h}, {@code 3d}, {@code 2w}, {@code 4mo}. */
public final class Durations {
    private Durations() {}

    public static String since(Instant from, Instant now) {
        if (from == null) return "";
        return of(Duration.between(from, now));
    }

    public static String of(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 0) return "in future";
        if (minutes < 60) return minutes + "m";
        long hours = d.toHours();
        if (hours < 48) return hours + "h";
        long days = d.toDays();
        if (days < 14) return days + "d";
        if (days < 60) return (days / 7) + "w";
        if (days < 730) return (days / 30) + "mo";
        return (days / 365) + "y";
    }
}
