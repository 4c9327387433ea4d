package dev.dashgen.telemetry;

import java.time.Instant;

/** The one aggregated problem message per kind of bad row. */
final class BadRowMessages {

    private BadRowMessages() {
    }

    /** E.g. "12 invocations with negative, missing or out-of-range numbers left out of the sums (first: …)". */
    static String of(long count, String noun, BadRows.Reason reason, Instant now, String first) {
        String what = switch (reason) {
            case NUMBERS -> "with negative, missing or out-of-range numbers";
            case TIMESTAMP -> "with unreadable timestamps (use ISO-8601, YYYY-MM-DD HH:MM:SS or epoch seconds)";
            case FUTURE -> "dated after now (" + now + ")";
        };
        return count + " " + noun + (count == 1 ? "" : "s") + " " + what + " left out of the sums (first: " + first + ")";
    }
}
