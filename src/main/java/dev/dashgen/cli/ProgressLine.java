package dev.dashgen.cli;

import dev.dashgen.model.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress line of a build that takes a while (PRODUCT.md §8): once it has run for {@value #AFTER_MILLIS} ms,
 * its phase and count, rewritten in place a few times a second, and wiped when the build is done. Only on a
 * terminal: never in CI, with {@code -q}, or when the output goes to a file or a pipe.
 */
final class ProgressLine implements AutoCloseable {
    static final long AFTER_MILLIS = 2000;
    private static final long EVERY_MILLIS = 250;

    private final PrintWriter out;
    private final Progress progress;
    private final long start;
    private final ScheduledExecutorService ticks;
    private int shown; // the length of the line on screen, 0 when none is

    private ProgressLine(PrintWriter out, Progress progress, long start, boolean ticking) {
        this.out = out;
        this.progress = progress;
        this.start = start;
        this.ticks = ticking ? Executors.newSingleThreadScheduledExecutor(job -> {
            Thread t = new Thread(job, "dashgen-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (ticking) ticks.scheduleAtFixedRate(() -> tick(System.nanoTime()), EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Whether a build shows a progress line: not with {@code -q}, not in CI (the {@code CI} variable GitHub Actions and
     * most CI services set), not on a dumb terminal, and only when the output is a terminal.
     */
    static boolean wanted(boolean quiet, Map<String, String> env, boolean terminal) {
        String ci = env.getOrDefault("CI", "");
        boolean inCi = !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return !quiet && terminal && !inCi && !"dumb".equals(env.get("TERM"));
    }

    /** A line for {@code progress} on {@code out} when {@link #wanted}; else one that shows nothing. */
    static ProgressLine start(PrintWriter out, Progress progress, boolean wanted) {
        return new ProgressLine(out, progress, System.nanoTime(), wanted);
    }

    /** For tests: a line that is drawn only when {@link #tick} is called, with the time given. */
    static ProgressLine manual(PrintWriter out, Progress progress, long startNanos) {
        return new ProgressLine(out, progress, startNanos, false);
    }

    /** Draws the line as of {@code nowNanos}, once the build has run long enough to want one. */
    synchronized void tick(long nowNanos) {
        if (TimeUnit.NANOSECONDS.toMillis(nowNanos - start) < AFTER_MILLIS) return;
        String line = text(progress.snapshot());
        if (line.isEmpty()) return;
        out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        out.flush();
        shown = line.length();
    }

    /** {@code dashgen: rendering task pages 4,000 / 10,000}. */
    static String text(Progress.Snapshot s) {
        if (s.phase().isEmpty()) return "";
        if (s.total() <= 0) return "dashgen: " + s.phase() + "…";
        return String.format(Locale.ROOT, "dashgen: %s %,d / %,d", s.phase(), Math.min(s.done(), s.total()), s.total());
    }

    /** Stops drawing and wipes the line, so what the build prints next starts on a clean line. */
    @Override
    public synchronized void close() {
        if (ticks != null) ticks.shutdownNow();
        if (shown > 0) {
            out.print("\r" + " ".repeat(shown) + "\r");
            out.flush();
            shown = 0;
        }
    }
}
