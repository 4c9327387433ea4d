package dev.dashgen.metrics;

import java.util.Locale;

/** The stages a task passes, in order (PRODUCT.md §4.4). */
public enum Stage {
    ARRIVED, COMMITTED, STARTED, FINISHED;

    /** The name used in {@code data/flow.json}: {@code arrived}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
