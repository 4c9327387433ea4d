package dev.dashgen.tasks;

import java.util.Locale;
import java.util.Optional;

/** Task priority, most urgent first: the declaration order is the sort order. */
public enum Priority {
    CRITICAL, HIGH, MEDIUM, NORMAL, LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; empty when the text names no priority. */
    public static Optional<Priority> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (Priority p : values()) {
            if (p.id().equals(key)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public static String allowed() {
        return "critical, high, medium, normal or low";
    }
}
