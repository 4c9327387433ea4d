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

    void add(Cube cube, int cell) {
        long count = cube.get(cell, Cube.COUNT);
        invocations += count;
        if (Cube.error(cube.key(cell))) errors += count;
        units = Math.addExact(units, cube.get(cell, Cube.UNITS));
        prompt += cube.get(cell, Cube.PROMPT);
        completion += cube.get(cell, Cube.COMPLETION);
        tokens += cube.get(cell, Cube.TOKENS);
        cacheRead += cube.get(cell, Cube.CACHE_READ);
        cacheCreation += cube.get(cell, Cube.CACHE_CREATION);
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
