package dev.dashgen.demo;

import java.time.Instant;
import java.util.Iterator;

/**
 * The demo's telemetry rows as a re-iterable stream: every {@link #iterator()} regenerates the same
 * rows from the seed, oldest first, holding at most one day's timestamps in memory.
 */
public final class Invocations implements Iterable<Invocation> {
    private final long seed;
    private final int count;
    private final Instant now;

    Invocations(long seed, int count, Instant now) {
        this.seed = seed;
        this.count = count;
        this.now = now;
    }

    public int count() {
        return count;
    }

    /** The instant all timestamps are derived from; none lies after it. */
    public Instant now() {
        return now;
    }

    @Override
    public Iterator<Invocation> iterator() {
        return new InvocationStream(seed, count, now);
    }
}
