package dev.dashgen.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Coalesces file events into batches: {@link #take()} waits for a first change, then until no
 * change has come for {@code quiet}, but never longer than {@code cap} after the first, so a
 * {@code git checkout} of a thousand files gives a handful of rebuilds and a long burst still rebuilds.
 * While the batch holds one path (a save: its events come microseconds apart) the wait is the shorter
 * {@code single}, which every edit's reload would otherwise pay in full, unless more is likely to follow: a file gone
 * may be half of a move, whose other half comes through another folder's events. Waiting is on a condition, never a
 * polling loop.
 */
final class ChangeQueue {

    /**
     * Changed paths (absolute), {@code rescan}: something was missed, re-read everything, and {@code telemetry}: a
     * telemetry database with no file to watch (PostgreSQL) has new rows.
     */
    record Batch(Set<Path> paths, boolean rescan, boolean telemetry) {
        Batch {
            paths = Set.copyOf(paths);
        }

        /** What {@link Rebuilder#rebuild} takes: an empty collection means a full rescan. */
        Collection<Path> forRebuilder() {
            return rescan ? List.of() : List.copyOf(paths);
        }
    }

    private final long singleNanos;
    private final long quietNanos;
    private final long capNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private Set<Path> pending = new LinkedHashSet<>();
    private boolean rescan;
    private boolean telemetry;
    /** Whether an event of this batch said more is likely to follow. */
    private boolean more;
    private long first;
    private long last;
    private boolean closed;

    ChangeQueue(Duration quiet, Duration cap) {
        this(quiet, quiet, cap);
    }

    ChangeQueue(Duration single, Duration quiet, Duration cap) {
        if (single.isNegative() || quiet.compareTo(single) < 0 || cap.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("need 0 <= single <= quiet <= cap, got single " + single + ", quiet " + quiet
                    + ", cap " + cap);
        }
        this.singleNanos = single.toNanos();
        this.quietNanos = quiet.toNanos();
        this.capNanos = cap.toNanos();
    }

    void add(Path changed) {
        add(changed, false);
    }

    /** {@code more}: other events are likely to follow this one (a file gone, a folder created). */
    void add(Path changed, boolean more) {
        lock.lock();
        try {
            touch();
            pending.add(changed);
            this.more |= more;
        } finally {
            lock.unlock();
        }
    }

    /** After a watcher overflow: the next batch re-reads everything. */
    void rescan() {
        lock.lock();
        try {
            touch();
            rescan = true;
        } finally {
            lock.unlock();
        }
    }

    /** A telemetry database with no file to watch has new rows (see {@link TelemetryPoll}). */
    void telemetry() {
        lock.lock();
        try {
            touch();
            telemetry = true;
        } finally {
            lock.unlock();
        }
    }

    private void touch() {
        last = System.nanoTime();
        if (isEmpty()) {
            first = last;
            arrived.signalAll();
        }
    }

    private boolean isEmpty() {
        return pending.isEmpty() && !rescan && !telemetry;
    }

    /** The next batch, once the burst it belongs to is over; null once closed. */
    Batch take() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && isEmpty()) arrived.await();
            while (!closed) {
                long end = Math.min(last + (pending.size() > 1 || more || rescan ? quietNanos : singleNanos), first + capNanos);
                long left = end - System.nanoTime();
                if (left <= 0) break;
                arrived.awaitNanos(left);
            }
            if (closed) return null;
            Batch batch = new Batch(pending, rescan, telemetry);
            pending = new LinkedHashSet<>();
            rescan = false;
            telemetry = false;
            more = false;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Like {@link #take()}, but gives up after {@code timeout} with null (also when closed). */
    Batch poll(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long left = timeout.toNanos();
            while (!closed && isEmpty() && left > 0) left = arrived.awaitNanos(left);
            return closed || isEmpty() ? null : take();
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
