package dev.dashgen.telemetry;

/** A mutable running {@link Usage} while a report is derived from cube cells. */
final class Sum {

    long invocations;
    long errors;
    long units;
    long prompt;
    long completion;
    long tokens;
    long cacheRead;
    long cacheCreation;

    /** Adds one cube cell (see {@link Cube.CellVisitor}). */
    void add(long[] sums, int at) {
        invocations += sums[at + Cube.COUNT];
        errors += sums[at + Cube.ERRORS];
        units = Math.addExact(units, sums[at + Cube.UNITS]);
        prompt += sums[at + Cube.PROMPT];
        completion += sums[at + Cube.COMPLETION];
        tokens += sums[at + Cube.TOKENS];
        cacheRead += sums[at + Cube.CACHE_READ];
        cacheCreation += sums[at + Cube.CACHE_CREATION];
    }

    void add(Sum other) {
        invocations += other.invocations;
        errors += other.errors;
        units = Math.addExact(units, other.units);
        prompt += other.prompt;
        completion += other.completion;
        tokens += other.tokens;
        cacheRead += other.cacheRead;
        cacheCreation += other.cacheCreation;
    }

    Usage usage() {
        return new Usage(invocations, errors, Money.usd(units), tokens, prompt, completion, cacheRead, cacheCreation);
    }
}
