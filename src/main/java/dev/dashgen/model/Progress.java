package dev.dashgen.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a long build has got: the phase it is in and a count, for a progress line on a terminal. Safe to
 * advance from several threads; {@link #NONE} ignores everything.
 */
public class Progress {
    public static final Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {}

        @Override
        public void advance() {}
    };

    /** Where a build is: the phase, how many of its items are done, and of how many (0: not counted). */
    public record Snapshot(String phase, long done, long total) {}

    private volatile String phase = "";
    private volatile long total;
    private final AtomicLong done = new AtomicLong();
    private final java.util.List<String> names = new java.util.ArrayList<>();
    private final java.util.List<Long> starts = new java.util.ArrayList<>();
    private final java.util.List<Long> cpuStarts = new java.util.ArrayList<>();
    private final java.util.function.LongSupplier cpu;

    public Progress() {
        this(() -> 0);
    }

    /** With {@code cpuNanos}, the CPU time the process has used, so {@link #durations} can say how busy each phase kept the cores. */
    public Progress(java.util.function.LongSupplier cpuNanos) {
        this.cpu = cpuNanos;
    }

    /** A phase's wall-clock and CPU milliseconds (CPU 0 when not measured). */
    public record Duration(String phase, long millis, long cpuMillis) {}

    /** A new phase of {@code total} items (0 when they are not counted). */
    public void phase(String name, long total) {
        this.done.set(0);
        this.total = total;
        this.phase = name;
        synchronized (names) {
            names.add(name);
            starts.add(System.nanoTime());
            cpuStarts.add(cpu.getAsLong());
        }
    }

    /** How long each phase took, in order, up to {@code endNanos} (a {@link System#nanoTime()}): where a build's time went. */
    public java.util.List<Duration> durations(long endNanos) {
        long cpuEnd = cpu.getAsLong();
        synchronized (names) {
            java.util.List<Duration> out = new java.util.ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                long end = i + 1 < starts.size() ? starts.get(i + 1) : endNanos;
                long cpuUntil = i + 1 < cpuStarts.size() ? cpuStarts.get(i + 1) : cpuEnd;
                out.add(new Duration(names.get(i), (end - starts.get(i)) / 1_000_000, (cpuUntil - cpuStarts.get(i)) / 1_000_000));
            }
            return out;
        }
    }

    /** One more item of the phase done. */
    public void advance() {
        done.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(phase, done.get(), total);
    }
}
