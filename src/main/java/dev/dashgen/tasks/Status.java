package dev.dashgen.tasks;

import java.util.Locale;
import java.util.Optional;

/** The normalised {@code status} field of a task. */
public enum Status {
    NEW, ASSIGNED, IN_PROGRESS, BLOCKED, DONE, ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Case-insensitive, with the aliases teams use: {@code completed} is done, {@code pending} is new,
     * {@code in progress} and {@code in-progress} are in_progress. Empty when unknown.
     */
    public static Optional<Status> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        switch (key) {
            case "completed": return Optional.of(DONE);
            case "pending": return Optional.of(NEW);
            default:
                for (Status s : values()) {
                    if (s.id().equals(key)) return Optional.of(s);
                }
                return Optional.empty();
        }
    }

    public static String allowed() {
        return "new, assigned, in_progress, blocked, done or error";
    }
}
