package dev.dashgen.telemetry;

import java.util.List;

/** A model's error count and rate over all time, with its most frequent error messages (at most five). */
public record ModelErrors(String model, long invocations, long errors, double rate, List<ErrorMessage> topMessages) {

    public ModelErrors {
        topMessages = List.copyOf(topMessages);
    }

    /** One distinct error message (the first 300 characters, trimmed) and how often it occurred. */
    public record ErrorMessage(String message, long count) {
    }
}
