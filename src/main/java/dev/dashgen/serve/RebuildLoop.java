package dev.dashgen.serve;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one thread that rebuilds: takes coalesced batches from the {@link ChangeQueue}, hands them to
 * the {@link Rebuilder} (which is not thread-safe and so is only ever called from here), tells the
 * browsers through {@link LiveReload} once every file is written, and keeps the watcher's roots in
 * step with the config. A failed rebuild leaves the last good site in place; its changes are kept
 * and applied again with the next batch, so nothing an editor saved meanwhile is lost. The output
 * manifest is brought up to date once changes pause ({@link #SETTLE}), and when serve stops.
 */
final class RebuildLoop implements Closeable {

    private final Rebuilder rebuilder;
    private final ChangeQueue queue;
    private final Watcher watcher;
    private final LiveReload live;
    private final ServeLog log;
    private final Thread thread;
    private final java.util.function.Consumer<dev.dashgen.engine.Project> polls;
    /** How long changes must pause before the rebuilds' bookkeeping is done, and how long it may wait at most. */
    static final Duration SETTLE = Duration.ofMillis(500);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    /** {@code polls} hears the project after each rebuild, to follow a telemetry server the config may have changed. */
    RebuildLoop(Rebuilder rebuilder, ChangeQueue queue, Watcher watcher, LiveReload live, ServeLog log,
                java.util.function.Consumer<dev.dashgen.engine.Project> polls) {
        this.rebuilder = rebuilder;
        this.polls = polls;
        this.queue = queue;
        this.watcher = watcher;
        this.live = live;
        this.log = log;
        this.thread = new Thread(this::run, "dashgen-rebuild");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Set<Path> carried = new LinkedHashSet<>();
        boolean carriedRescan = false;
        boolean carriedTelemetry = false;
        long unfinishedSince = 0; // when the oldest rebuild whose bookkeeping waits was done; 0 when none waits
        try {
            while (true) {
                // The manifest waits until changes pause: at 100,000 tasks writing it takes as long as a
                // rebuild, and the next commit should not wait for it. A steady stream of changes still gets
                // it written every few seconds.
                ChangeQueue.Batch batch = unfinishedSince == 0 ? queue.take() : queue.poll(SETTLE);
                if (batch == null && unfinishedSince == 0) break; // closed
                if (batch == null) {
                    finish();
                    unfinishedSince = 0;
                    continue;
                }
                Set<Path> paths = new LinkedHashSet<>(carried);
                paths.addAll(batch.paths());
                boolean rescan = carriedRescan || batch.rescan();
                boolean telemetry = carriedTelemetry || batch.telemetry();
                Collection<Path> changes = rescan ? List.of() : paths;
                try {
                    Rebuilder.Result result = rescan ? rebuilder.rebuild(List.of()) : rebuilder.rebuild(changes, telemetry);
                    carried.clear();
                    carriedRescan = false;
                    carriedTelemetry = false;
                    polls.accept(rebuilder.project());
                    live.built(result, Preview.laneLabels(rebuilder.project()));
                    Rebuilder.Result rest = rebuilder.complete(); // flow metrics, after the pages the change is about
                    if (!rest.written().isEmpty() || !rest.removed().isEmpty()) live.built(rest, Preview.laneLabels(rebuilder.project()));
                    rebuilder.tidy();
                    if (unfinishedSince == 0) {
                        unfinishedSince = System.nanoTime();
                    } else if (System.nanoTime() - unfinishedSince > MAX_WAIT.toNanos()) {
                        finish(); // after this reload, as it would be after a pause
                        unfinishedSince = 0;
                    }
                    watcher.watch(Watcher.Roots.of(rebuilder.project(), rebuilder.namedElsewhere()));
                    log.built(result);
                } catch (Exception | StackOverflowError e) {
                    carried = paths;
                    carriedRescan = rescan;
                    carriedTelemetry = telemetry;
                    String why = why(e);
                    live.failed(why);
                    log.failed(why);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (unfinishedSince != 0) finish();
    }

    /** Writes the manifest; a failure is said, and tried again after the next rebuild. */
    private void finish() {
        try {
            rebuilder.finish();
        } catch (IOException | RuntimeException e) {
            log.failed(why(e));
        }
    }

    /** One line for the overlay and the console: the exception's own message, which names the file where known. */
    static String why(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return "rebuild failed: " + message;
    }

    /** Stops taking batches and waits for a rebuild under way, so no file is left half written. */
    @Override
    public void close() {
        queue.close();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
