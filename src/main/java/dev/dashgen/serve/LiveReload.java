package dev.dashgen.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The live-reload channel: the open browser sessions and what they are told after each rebuild,
 * as JSON messages ({@code reload}, {@code css}, {@code problems}, {@code build}; see {@code live.js}).
 * A browser that connects is told the current problems and build, and to reload at once when its
 * page changed between being served and connecting. Thread-safe: rebuilds report from one thread,
 * sessions come and go on Jetty's.
 */
public final class LiveReload {
    /** Above this many changed files a reload is global: every page reloads. */
    static final int MAX_URLS = 1_000;
    static final int MAX_PROBLEMS = 100;
    static final int RECENT_MOVES = 30;
    private static final int HISTORY = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    record Reload(String type, long build, List<String> urls, boolean global) {}

    record Css(String type, long build, List<String> urls) {}

    record ProblemItem(String file, int line, int column, String severity, String message) {}

    record Problems(String type, long errors, long warnings, List<ProblemItem> items, String failure) {}

    /** A task that appeared, moved lanes or went away, with lane labels and when the server saw it. */
    record Move(String id, String title, String from, String to, String file, String at) {}

    /** A rebuild; {@code deferred}: the pages a rebuild left for after its reload (flow metrics). */
    record Build(String type, String server, long build, long micros, int written, int removed, String at,
                 List<Move> moves, List<Move> recent, boolean deferred) {}

    /** What one generation changed, to tell a late-connecting page whether it is stale. */
    private record Change(long build, Set<String> urls, boolean global) {}

    private final String server = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final List<Session> sessions = new ArrayList<>();
    private final Deque<Change> history = new ArrayDeque<>();
    private final Deque<Move> recent = new ArrayDeque<>();
    private volatile long generation;
    private String problems = json(new Problems("problems", 0, 0, List.of(), null));
    private String build;
    private List<Problem> lastProblems = List.of();
    private String lastFailure;

    /** This server's identity: a page served by another (an earlier run) reloads when it connects here. */
    public String server() {
        return server;
    }

    /** The number of the latest build; pages are stamped with it when served. */
    public long generation() {
        return generation;
    }

    /**
     * A rebuild wrote its files: tells every browser. {@code label} turns a lane id into its label.
     * The {@code reload} message goes last, after the stylesheets and the state it may show.
     */
    public synchronized void built(Rebuilder.Result r, Function<String, String> label) {
        long gen = ++generation;
        List<String> changed = new ArrayList<>(r.written());
        changed.addAll(r.removed());
        List<String> css = changed.stream().filter(p -> p.endsWith(".css")).toList();
        List<String> pages = changed.stream().filter(p -> !p.endsWith(".css")).toList();
        boolean global = pages.size() > MAX_URLS || pages.stream().anyMatch(LiveReload::isGlobal);
        remember(new Change(gen, Set.copyOf(pages), global));

        String at = Instant.now().toString();
        List<Move> moves = r.moves().stream().map(m -> new Move(m.id(), m.title(), lane(m.from(), label),
                lane(m.to(), label), m.file(), at)).toList();
        for (Move m : moves) {
            recent.addFirst(m);
            if (recent.size() > RECENT_MOVES) recent.removeLast();
        }
        setProblems(r.problems(), null);
        build = json(new Build("build", server, gen, r.micros(), r.written().size(), r.removed().size(), at,
                moves, List.copyOf(recent), r.deferred()));
        broadcast(build);
        if (!css.isEmpty()) broadcast(json(new Css("css", gen, css)));
        if (!pages.isEmpty()) broadcast(json(new Reload("reload", gen, global ? List.of() : pages, global)));
    }

    /** A rebuild failed: the last good site stays, and the overlay says why. */
    public synchronized void failed(String why) {
        setProblems(lastProblems, why);
    }

    private void setProblems(List<Problem> all, String failure) {
        if (all.equals(lastProblems) && failure == null && lastFailure == null) return;
        lastProblems = all;
        lastFailure = failure;
        long errors = all.stream().filter(p -> p.severity() == Severity.ERROR).count();
        List<ProblemItem> items = all.stream().filter(p -> p.severity() == Severity.ERROR).limit(MAX_PROBLEMS)
                .map(p -> new ProblemItem(p.file(), p.line(), p.column(), p.severity().label(), p.message())).toList();
        String next = json(new Problems("problems", errors, all.size() - errors, items, failure));
        if (!next.equals(problems)) {
            problems = next;
            broadcast(problems);
        }
    }

    private void remember(Change c) {
        history.addLast(c);
        if (history.size() > HISTORY) history.removeFirst();
    }

    /** Site paths whose change reloads every page: scripts, images, fonts; not pages, stylesheets or data files. */
    static boolean isGlobal(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return !p.endsWith(".html") && !p.endsWith(".css") && !p.startsWith("data/");
    }

    private static String lane(String id, Function<String, String> label) {
        return id == null ? null : label.apply(id);
    }

    /** The endpoint for one browser; {@code build} and {@code page} are what its page was served as (-1, null if unknown). */
    Session.Listener endpoint(long build, String page) {
        return new Endpoint(this, build, page);
    }

    /** One browser's session. Public because Jetty calls its methods through public method handles. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final LiveReload live;
        private final long build;
        private final String page;
        private Session session;

        Endpoint(LiveReload live, long build, String page) {
            this.live = live;
            this.build = build;
            this.page = page;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            live.join(s, build, page);
        }

        @Override
        public void onWebSocketClose(int status, String reason) {
            live.leave(session);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            live.leave(session);
        }
    }

    private synchronized void join(Session s, long pageBuild, String page) {
        sessions.add(s);
        send(s, problems);
        if (build != null) send(s, build);
        if (stale(pageBuild, page)) send(s, json(new Reload("reload", generation, page == null ? List.of() : List.of(page), page == null)));
    }

    /** True when the page changed after it was served at {@code pageBuild} (or that is unknown). */
    private boolean stale(long pageBuild, String page) {
        if (pageBuild < 0) return false;
        if (pageBuild > generation) return true; // served by an earlier run of the server
        if (pageBuild == generation) return false;
        if (history.isEmpty() || history.peekFirst().build() > pageBuild + 1) return true; // too old to know
        return history.stream().anyMatch(c -> c.build() > pageBuild && (c.global() || c.urls().contains(page)));
    }

    private synchronized void leave(Session s) {
        sessions.remove(s);
    }

    /** Open sessions; for tests and shutdown. */
    public synchronized int sessions() {
        return sessions.size();
    }

    /** Closes every session, as the server stops. */
    public synchronized void closeAll() {
        for (Session s : List.copyOf(sessions)) s.close(1001, "dashgen serve is stopping", Callback.NOOP);
        sessions.clear();
    }

    private void broadcast(String message) {
        for (Session s : sessions) send(s, message);
    }

    private static void send(Session s, String message) {
        if (s.isOpen()) s.sendText(message, Callback.NOOP);
    }

    private static String json(Object message) {
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a live-reload message", e);
        }
    }
}
