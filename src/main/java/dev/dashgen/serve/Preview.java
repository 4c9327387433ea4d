package dev.dashgen.serve;

import dev.dashgen.engine.Project;
import dev.dashgen.tasks.Lane;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A running {@code dashgen serve}: the watcher started, the site built, the server up and the rebuild
 * thread waiting for changes. {@link #close()} stops it all; tests start one on port 0 and close it in
 * {@code finally} (or try-with-resources).
 */
public final class Preview implements AutoCloseable {

    /**
     * Where to listen, and how changes coalesce: a rebuild starts once no event came for {@code quiet}
     * ({@code single} while one file changed), or {@code cap} after the first event of a burst. A save's events
     * come microseconds apart, but a checkout's or a script's writes on a busy machine can pause for a millisecond
     * or two: 1 ms of quiet split a thousand-file burst into 29 rebuilds under a parallel test run, 3 ms keeps it to
     * a handful. Such a pause before a burst's second file costs one extra rebuild, of that first file alone.
     */
    public record Options(String host, int port, Duration single, Duration quiet, Duration cap) {
        public static final Duration SINGLE = Duration.ofNanos(500_000);
        public static final Duration QUIET = Duration.ofMillis(3);
        public static final Duration CAP = Duration.ofMillis(150);

        public static Options of(String host, int port) {
            return new Options(host, port, SINGLE, QUIET, CAP);
        }
    }

    private final Rebuilder rebuilder;
    private final ChangeQueue queue;
    private final Watcher watcher;
    private final LiveReload live = new LiveReload();
    private final DevServer server;
    private final RebuildLoop loop;
    private final Rebuilder.Result initial;
    private volatile Path out;

    private Preview(Supplier<Project> projects, Clock clock, Options options, ServeLog log) throws IOException {
        rebuilder = new Rebuilder(projects, clock);
        queue = new ChangeQueue(options.single(), options.quiet(), options.cap());
        watcher = new Watcher(queue, why -> {
            live.failed(why);
            log.watchError(why);
        });
        boolean started = false;
        try {
            Project first = projects.get();
            watcher.watch(Watcher.Roots.of(first)); // before the first build, so no edit made during it is lost
            poll(first); // a telemetry server has no file to watch: its rows are polled for
            initial = rebuilder.initial();
            watcher.watch(Watcher.Roots.of(rebuilder.project(), rebuilder.namedElsewhere())); // and what the tasks name elsewhere
            live.built(initial, laneLabels(rebuilder.project()));
            rebuilder.finish();
            out = rebuilder.project().out();
            server = new DevServer(options.host(), options.port(), () -> out, live);
            server.start();
            loop = new RebuildLoop(rebuilder, queue, watcher, live, new ServeLog() {
                @Override
                public void built(Rebuilder.Result result) {
                    out = rebuilder.project().out();
                    log.built(result);
                }

                @Override
                public void failed(String why) {
                    log.failed(why);
                }

                @Override
                public void watchError(String why) {
                    log.watchError(why);
                }
            }, this::poll);
            loop.start();
            started = true;
        } finally {
            if (!started) watcher.close();
        }
    }

    /**
     * Builds the site, starts the server and begins watching. A port in use is a
     * {@link java.net.BindException}; a failing first build throws as {@link Rebuilder#initial()} does.
     */
    public static Preview start(Supplier<Project> projects, Clock clock, Options options, ServeLog log) throws IOException {
        return new Preview(projects, clock, options, log);
    }

    public URI url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** What the first build did. */
    public Rebuilder.Result initial() {
        return initial;
    }

    public LiveReload live() {
        return live;
    }

    /** How many folders the watcher follows. */
    public int watchedFolders() {
        return watcher.watchedFolders();
    }

    /**
     * Follows the telemetry source of {@code project} when it is a database server (PostgreSQL), once a second;
     * a config that names another source moves the poll there.
     */
    private synchronized void poll(Project project) {
        String source = project.telemetry();
        if (java.util.Objects.equals(source, pollSource)) return;
        if (poll != null) poll.close();
        poll = source == null ? null : TelemetryPoll.start(source, queue::telemetry).orElse(null);
        pollSource = source;
    }

    private TelemetryPoll poll;
    private String pollSource;

    /** Stops rebuilding (letting a rebuild under way finish), watching and serving. */
    @Override
    public void close() {
        synchronized (this) {
            if (poll != null) poll.close();
        }
        loop.close();
        try {
            watcher.close();
        } catch (IOException e) {
            // stopping anyway
        }
        server.close();
    }

    /** Lane ids to the labels the config gives them, for the activity feed. */
    static Function<String, String> laneLabels(Project project) {
        return id -> Lane.parse(id).map(l -> project.config().lanes().label(l)).orElse(id);
    }
}
