package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Sums over a set of invocations. {@code tokens} is {@code total_tokens} as logged, or prompt + completion
 * where a writer left it 0. Cache tokens are their own kinds (0 when the table has no cache columns).
 * With {@code daily_costs} only, prompt, completion, cache tokens and errors are unknown and 0.
 */
public record Usage(long invocations, long errors, BigDecimal cost, long tokens, long promptTokens,
                    long completionTokens, long cacheReadTokens, long cacheCreationTokens) {

    public static final Usage NONE = new Usage(0, 0, Money.usd(0L), 0, 0, 0, 0, 0);

    public Usage {
        Objects.requireNonNull(cost, "cost");
    }

    /** Errors / invocations, 0 when there were none. */
    public double errorRate() {
        return invocations == 0 ? 0 : (double) errors / invocations;
    }
}
