package dev.dashgen.serve;

import dev.dashgen.telemetry.TelemetryProbe;
import java.io.Closeable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Follows a telemetry source that has no file for the {@link Watcher} to follow (PostgreSQL): every
 * {@link #EVERY} it takes a cheap signature of the source ({@link TelemetryProbe}, one round trip) and, when the
 * signature differs from the one before, tells {@code changed}, which hands the change to the rebuild thread. The
 * first signature is the baseline; start the poll before the first build reads the telemetry, so rows committed
 * during that build are noticed. The check runs on one daemon thread; a failing callback does not stop it.
 */
final class TelemetryPoll implements Closeable {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final ScheduledExecutorService thread;
    private final Supplier<String> check;
    private final Runnable changed;
    private final Runnable cleanup;
    private String last;

    /** {@code check} and {@code cleanup} run on the poll's own thread only. */
    TelemetryPoll(Supplier<String> check, Duration every, Runnable changed, Runnable cleanup) {
        this.check = Objects.requireNonNull(check, "check");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashgen-telemetry-poll");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::look, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Polls {@code source} every second when it must be polled; empty for a file, which the watcher follows. */
    static Optional<TelemetryPoll> start(String source, Runnable changed) {
        return start(source, EVERY, changed);
    }

    static Optional<TelemetryPoll> start(String source, Duration every, Runnable changed) {
        if (source == null) return Optional.empty();
        return TelemetryProbe.of(source).map(probe -> new TelemetryPoll(probe::signature, every, changed, probe::close));
    }

    private void look() {
        String now = check.get();
        boolean first = last == null;
        boolean differs = !now.equals(last);
        last = now;
        if (first || !differs) return;
        try {
            changed.run();
        } catch (RuntimeException e) {
            // the rebuild side reports its own failures; the poll goes on
        }
    }

    /** Stops polling and closes the probe's connection. */
    @Override
    public void close() {
        thread.execute(cleanup);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
