package dev.dashgen.demo;

/**
 * One row of the {@code invocations} table (PRODUCT.md §3). {@code timestamp} is the text as stored,
 * in one of the three forms writers use; {@code epochMicros} is the same instant, for sums and checks.
 * {@code agentName} and {@code errorMessage} may be null.
 */
public record Invocation(String invocationId, long epochMicros, TimestampForm timestampForm, String timestamp,
                         String agentName, String toolName, String modelName, int promptTokens,
                         int completionTokens, int totalTokens, double costUsd, int latencyMs, String status,
                         String errorMessage) {

    /** How a writer stored the timestamp. */
    public enum TimestampForm {
        /** Python's {@code isoformat()}: {@code 2026-11-24T16:51:44.779728+00:00}, the reference logger's form. */
        ISO,
        /** {@code 2026-11-24 16:51:44}, SQLite's {@code CURRENT_TIMESTAMP} form, UTC. */
        SPACE,
        /** Epoch seconds, stored as an INTEGER. */
        EPOCH_SECONDS
    }
}
