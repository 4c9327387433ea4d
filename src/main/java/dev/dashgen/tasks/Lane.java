package dev.dashgen.tasks;

import java.util.Locale;
import java.util.Optional;

/** Where a task stands on the board; the declaration order is the default lane order. */
public enum Lane {
    INBOX("Inbox"),
    ASSIGNED("Assigned"),
    IN_PROGRESS("In progress"),
    BLOCKED("Blocked"),
    DONE("Done"),
    ERROR("Error"),
    FRIDGE("Fridge"),
    ARCHIVE("Archive");

    private final String label;

    Lane(String label) {
        this.label = label;
    }

    /** The identifier used in data files, URLs and config: {@code in_progress}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultLabel() {
        return label;
    }

    public static Optional<Lane> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Lane lane : values()) {
            if (lane.id().equals(key)) return Optional.of(lane);
        }
        return Optional.empty();
    }
}
