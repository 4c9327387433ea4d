package dev.dashgen.snapshot;

import dev.dashgen.metrics.BudgetView;
import java.util.List;
import java.util.Objects;

/**
 * Everything one snapshot writes. {@code previous} is the newest readable earlier snapshot (null for the first);
 * {@code skipped} the damaged ones passed over to find it. {@code cost} is null when there are no cost figures,
 * and then {@code costNote} says why in words fit for a committed file (no machine paths).
 */
public record Report(String title, Snapshot current, Snapshot previous, List<Skipped> skipped, long errors,
                     long warnings, CostFigures cost, String costNote, BudgetView budget) {

    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(budget, "budget");
        skipped = List.copyOf(skipped);
    }

    /** Null for a first snapshot: there is nothing to compare with. */
    public Changes changes() {
        return previous == null ? null : Changes.between(previous, current);
    }
}
