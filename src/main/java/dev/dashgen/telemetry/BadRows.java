package dev.dashgen.telemetry;

import java.util.Arrays;

/** Rows left out of the sums, counted by reason, with the lowest row number of each for the message. */
final class BadRows {

    enum Reason { NUMBERS, TIMESTAMP, FUTURE }

    private final long[] counts = new long[Reason.values().length];
    private final long[] first = new long[Reason.values().length];

    BadRows() {
        Arrays.fill(first, Long.MAX_VALUE);
    }

    void add(Reason reason, long rowId) {
        counts[reason.ordinal()]++;
        first[reason.ordinal()] = Math.min(first[reason.ordinal()], rowId);
    }

    void merge(BadRows other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
            first[i] = Math.min(first[i], other.first[i]);
        }
    }

    long count(Reason reason) {
        return counts[reason.ordinal()];
    }

    long first(Reason reason) {
        return first[reason.ordinal()];
    }
}
