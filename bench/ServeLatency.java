// Serve latency benchmark (PRODUCT.md §9), run by bench/serve-bench.sh as a single-file program with the
// dashgen jar on the class path (for Jackson, SnakeYAML and the SQLite driver):
//   java -cp target/dashgen-all.jar bench/ServeLatency.java --jar target/dashgen-all.jar \
//        --config DIR/dashgen.yaml --out DIR/_site --edits 40 [--hugo HUGO_DIR]
//   java -cp target/dashgen-all.jar bench/ServeLatency.java --hugo-site SITE_DIR --work WORK_DIR   (the Hugo site only)
// It starts `dashgen serve --port 0`, listens on its live-reload WebSocket, edits task titles (atomic
// rename and in-place writes, alternately) and measures file write → the `reload` message that lists the
// task's page, counting it only once that page, fetched afterwards, shows the edit. Then it commits
// telemetry inserts and measures commit → `build` message and commit → `reload` message. With --hugo it
// generates a Hugo site from the same tasks (a page per task and a board page listing them all), runs
// `hugo server` on it and measures the same edits → Hugo's livereload `reload` message.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

public class ServeLatency {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Duration TIMEOUT = Duration.ofSeconds(180);
    static final String NOW = "2026-11-24T12:00:00Z";
    /** Server-side rebuild time of each dashgen build, from its {@code build} message. */
    static final Map<Long, Long> MICROS = new java.util.concurrent.ConcurrentHashMap<>();
    /** What could not be measured, and why; printed under the table. */
    static final List<String> NOTES = new ArrayList<>();
    /** A section stops taking samples after this long, reporting the ones it has. */
    static final Duration BUDGET = Duration.ofMinutes(5);
    /** Edits made before the measured ones, on other files, so the figures are of a warmed-up server. */
    static final int WARMUP = 10;
    static final List<String> ORDER = List.of("edit → reload, atomic rename", "edit → reload, in place", "edit → reload, all",
            "rebuild (server side)", "the rest: watch, coalesce, send", "telemetry commit → build message", "telemetry commit → reload",
            "telemetry commit → reload, new names (a full read)");

    /** A message and the moment it arrived (System.nanoTime). */
    record Heard(JsonNode json, long at) {}

    /** A task file to edit: its path, its title line, and where its page is served. */
    record Target(Path file, String titleLine, String page) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i], args[i + 1]);
        if (a.containsKey("--hugo-site")) { // for build-bench.sh: only write the Hugo site of a work tree
            HugoSite.write(Path.of(a.get("--hugo-site")), Path.of(a.get("--work")));
            return;
        }
        Path config = Path.of(a.get("--config")).toAbsolutePath();
        Path out = Path.of(a.get("--out")).toAbsolutePath();
        int edits = Integer.parseInt(a.getOrDefault("--edits", "40"));
        Map<String, Object> cfg = new Yaml().load(Files.readString(config));
        Path work = config.getParent().resolve(String.valueOf(cfg.getOrDefault("work", "work/collaboration")));
        Path db = cfg.get("telemetry") == null ? null : config.getParent().resolve(String.valueOf(cfg.get("telemetry")));

        Map<String, List<Long>> dashgen = dashgen(a.get("--jar"), config, out, work, db, edits);
        Map<String, List<Long>> hugo = Map.of();
        if (a.containsKey("--hugo")) {
            try {
                hugo = hugo(Path.of(a.get("--hugo")), work, edits);
            } catch (IllegalStateException e) {
                NOTES.add("hugo: " + e.getMessage());
            }
        }

        System.out.printf(Locale.ROOT, "%-9s %-50s %5s %9s %9s %9s%n", "server", "what (ms)", "n", "p50", "p95", "max");
        for (String what : ORDER) {
            if (dashgen.containsKey(what)) row("dashgen", what, dashgen.get(what));
        }
        for (String what : ORDER) {
            if (hugo.containsKey(what)) row("hugo", what, hugo.get(what));
        }
        if (!hugo.isEmpty()) {
            for (String what : List.of("edit → reload, atomic rename", "edit → reload, in place", "edit → reload, all")) {
                if (dashgen.containsKey(what) && hugo.containsKey(what)) {
                    System.out.printf(Locale.ROOT, "ratio     %-50s p50 %.3f, p95 %.3f (dashgen / hugo)%n", what,
                            pct(dashgen.get(what), 50) / pct(hugo.get(what), 50), pct(dashgen.get(what), 95) / pct(hugo.get(what), 95));
                }
            }
        }
        NOTES.forEach(n -> System.out.println("note: " + n));
    }

    // ---------------------------------------------------------------- dashgen

    static Map<String, List<Long>> dashgen(String jar, Path config, Path out, Path work, Path db, int edits) throws Exception {
        Path log = Files.createTempFile("dashgen-serve", ".log");
        Process p = new ProcessBuilder("java", "-jar", jar, "serve", "-c", config.toString(), "-o", out.toString(),
                "--port", "0", "--now", NOW, "-q").redirectError(log.toFile()).start();
        try {
            URI url = awaitLine(p, Pattern.compile("^(http://127\\.0\\.0\\.1:\\d+/)$"), "dashgen serve", log);
            String origin = url.toString().substring(0, url.toString().length() - 1);
            BlockingQueue<Heard> q = listen(URI.create("ws://" + url.getAuthority() + "/_dashgen/live"), origin, null);
            long last = next(q, m -> type(m, "build"), "first build").json().path("build").asLong();

            Map<String, String> pages = new HashMap<>(); // work-relative file -> page url
            for (JsonNode t : JSON.readTree(out.resolve("data/tasks.json").toFile()).path("tasks")) {
                pages.put(t.path("file").asText(), t.path("url").asText());
            }
            List<Target> targets = targets(work, WARMUP + edits, file -> pages.get(work.relativize(file).toString().replace('\\', '/')));
            Map<String, List<Long>> r = new java.util.LinkedHashMap<>();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                // The first edits run while the JIT compiles the rebuild path: they are made, not counted.
                Map<String, List<Long>> sink = i < WARMUP ? new HashMap<>() : r;
                boolean atomic = i % 2 == 0;
                String marker = "edit-" + i + "-" + System.nanoTime();
                long t0 = System.nanoTime();
                write(t.file(), Files.readString(t.file()).replace(t.titleLine(), "title: " + marker), atomic);
                long t1;
                while (true) {
                    Heard h = next(q, m -> type(m, "reload") && (m.path("global").asBoolean() || lists(m, t.page())), "reload for " + t.page());
                    if (fetch(url.resolve(t.page())).contains(marker)) {
                        t1 = h.at();
                        long rebuild = MICROS.getOrDefault(h.json().path("build").asLong(), 0L) * 1000;
                        add(sink, "rebuild (server side)", rebuild);
                        add(sink, "the rest: watch, coalesce, send", t1 - t0 - rebuild);
                        break;
                    }
                }
                add(sink, atomic ? "edit → reload, atomic rename" : "edit → reload, in place", t1 - t0);
                add(sink, "edit → reload, all", t1 - t0);
                Thread.sleep(100); // a person's pace between saves: each edit meets an idle server
            }
            if (db != null && Files.isRegularFile(db)) {
                try {
                    telemetry(db, q, r, 30);
                } catch (IllegalStateException e) {
                    NOTES.add("dashgen telemetry: " + e.getMessage() + " (after " + r.getOrDefault("telemetry commit → build message", List.of()).size() + " commits)");
                }
            }
            return r;
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Commits like a telemetry logger's: one row a commit, from the agent, tool and model of the table's last
     * row, so the row adds to that agent's open tasks' cost. Then one commit under names never seen before,
     * which the server can only fold in by reading the whole table again: reported on its own.
     */
    static void telemetry(Path db, BlockingQueue<Heard> q, Map<String, List<Long>> r, int inserts) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            String[] names = new String[3];
            try (PreparedStatement s = c.prepareStatement("SELECT agent_name, tool_name, model_name FROM invocations"
                    + " WHERE agent_name IS NOT NULL ORDER BY id DESC LIMIT 1"); var rows = s.executeQuery()) {
                if (!rows.next()) throw new IllegalStateException("the telemetry table has no row with an agent");
                for (int i = 0; i < 3; i++) names[i] = rows.getString(i + 1);
            }
            NOTES.add("telemetry commits: one row each for agent '" + names[0] + "', tool '" + names[1] + "', model '"
                    + names[2] + "', dated a minute before now; the last under new names");
            long start = System.nanoTime();
            for (int i = 0; i < inserts && System.nanoTime() - start < BUDGET.toNanos(); i++) {
                commit(c, q, r, names, "");
            }
            commit(c, q, r, new String[] {"bench", "chat", "bench-model"}, ", new names (a full read)");
        }
    }

    private static void commit(Connection c, BlockingQueue<Heard> q, Map<String, List<Long>> r, String[] names,
                               String what) throws Exception {
        String ts = Instant.parse(NOW).minusSeconds(60).toString().replace('T', ' ').replace("Z", "");
        try (PreparedStatement s = c.prepareStatement("INSERT INTO invocations (invocation_id, timestamp, agent_name, "
                + "tool_name, model_name, prompt_tokens, completion_tokens, total_tokens, cost_usd, latency_ms, status) "
                + "VALUES (?, ?, ?, ?, ?, 100, 50, 150, 0.25, 900, 'success')")) {
            s.setString(1, "bench-" + System.nanoTime());
            s.setString(2, ts);
            for (int k = 0; k < 3; k++) s.setString(3 + k, names[k]);
            s.executeUpdate();
        }
        // The insert already touched the journal or WAL, which may have started a rebuild that cannot
        // see the row yet: forget what came before the commit, then wait for the rebuild that shows it
        // (costs.html always changes, by $0.25).
        q.clear();
        long t0 = System.nanoTime();
        c.commit();
        Long built = null;
        while (true) {
            Heard h = next(q, m -> type(m, "build") || type(m, "reload"), "reload of costs.html after a telemetry commit");
            if (type(h.json(), "build") && h.json().path("written").asInt() > 0 && built == null) built = h.at();
            if (type(h.json(), "reload") && lists(h.json(), "costs.html")) {
                add(r, "telemetry commit → build message" + what, (built == null ? h.at() : built) - t0);
                add(r, "telemetry commit → reload" + what, h.at() - t0);
                break;
            }
        }
        Thread.sleep(100);
    }

    // ---------------------------------------------------------------- Hugo

    static Map<String, List<Long>> hugo(Path site, Path work, int edits) throws Exception {
        Map<Path, Path> pages = HugoSite.write(site, work); // task file -> content file
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Files.createTempFile("hugo-server", ".log");
        Process p = new ProcessBuilder("hugo", "server", "--source", site.toString(), "--bind", "127.0.0.1", "--port",
                Integer.toString(port), "--baseURL", "http://127.0.0.1:" + port + "/", "--appendPort=false", "--quiet=false")
                .redirectError(log.toFile()).start();
        try {
            awaitLine(p, Pattern.compile(".*Web Server is available at (http://\\S+).*"), "hugo server", log);
            URI base = URI.create("http://127.0.0.1:" + port + "/");
            BlockingQueue<Heard> q = listen(URI.create("ws://127.0.0.1:" + port + "/livereload"), null,
                    "{\"command\":\"hello\",\"protocols\":[\"http://livereload.com/protocols/official-7\"]}");
            List<Target> targets = targets(work, WARMUP + edits, file -> pages.containsKey(file) ? "tasks/" + HugoSite.slug(pages.get(file)) + "/" : null);
            Map<String, List<Long>> r = new java.util.LinkedHashMap<>();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                Map<String, List<Long>> sink = i < WARMUP ? new HashMap<>() : r; // warmed up like dashgen
                Path content = pages.get(t.file());
                boolean atomic = i % 2 == 0;
                String marker = "edit-" + i + "-" + System.nanoTime();
                String text = Files.readString(content);
                String titleLine = text.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
                long t0 = System.nanoTime();
                write(content, text.replace(titleLine, "title: " + JSON.writeValueAsString(marker)), atomic);
                long t1;
                while (true) {
                    Heard h = next(q, m -> "reload".equals(m.path("command").asText()), "hugo reload for " + t.page());
                    if (fetch(base.resolve(t.page())).contains(marker)) {
                        t1 = h.at();
                        break;
                    }
                }
                add(sink, atomic ? "edit → reload, atomic rename" : "edit → reload, in place", t1 - t0);
                add(sink, "edit → reload, all", t1 - t0);
                Thread.sleep(100);
            }
            return r;
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The Hugo site of a work tree: one content page per task, and a home page (the board) listing every task. */
    static final class HugoSite {
        static Map<Path, Path> write(Path site, Path work) throws IOException {
            if (Files.exists(site)) {
                try (Stream<Path> walk = Files.walk(site)) {
                    walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(site.resolve("content/tasks"));
            Files.createDirectories(site.resolve("layouts/_default"));
            Files.writeString(site.resolve("hugo.toml"), "title = \"Bench board\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n");
            Files.writeString(site.resolve("content/_index.md"), "---\ntitle: Board\n---\n");
            Files.writeString(site.resolve("layouts/index.html"), "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>"
                    + "<h1>{{ .Site.Title }}</h1><ul>{{ range where .Site.RegularPages \"Section\" \"tasks\" }}"
                    + "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Params.lane }} {{ .Params.priority }}</li>{{ end }}</ul></body></html>\n");
            Files.writeString(site.resolve("layouts/_default/single.html"), "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head>"
                    + "<body><h1>{{ .Title }}</h1><p>{{ .Params.lane }} · {{ .Params.priority }}</p>{{ .Content }}</body></html>\n");
            Files.writeString(site.resolve("layouts/_default/list.html"), "<!DOCTYPE html><html><body><h1>{{ .Title }}</h1></body></html>\n");
            Map<Path, Path> pages = new HashMap<>();
            Yaml yaml = new Yaml();
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path f : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".yaml")).sorted()::iterator) {
                    Object parsed;
                    try {
                        parsed = yaml.load(Files.readString(f));
                    } catch (RuntimeException e) {
                        continue; // the demo's deliberately broken files
                    }
                    if (!(parsed instanceof Map<?, ?> m) || m.get("id") == null) continue;
                    Object title = m.get("title") == null ? m.get("id") : m.get("title");
                    Object priority = m.get("priority") == null ? "normal" : m.get("priority");
                    String id = String.valueOf(m.get("id"));
                    String slug = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
                    Path content = site.resolve("content/tasks/" + slug + ".md");
                    if (Files.exists(content)) continue;
                    String body = "---\ntitle: " + JSON.writeValueAsString(String.valueOf(title))
                            + "\nlane: " + JSON.writeValueAsString(work.relativize(f).getName(0).toString())
                            + "\npriority: " + JSON.writeValueAsString(String.valueOf(priority))
                            + "\n---\n" + (m.get("description") == null ? "" : m.get("description")) + "\n";
                    Files.writeString(content, body);
                    pages.put(f, content);
                }
            }
            return pages;
        }

        static String slug(Path content) {
            String name = content.getFileName().toString();
            return name.substring(0, name.length() - 3);
        }
    }

    // ---------------------------------------------------------------- shared

    /** {@code n} task files with a title, spread evenly over the inbox and assigned folders, and their pages. */
    static List<Target> targets(Path work, int n, java.util.function.Function<Path, String> page) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(work)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> { String top = work.relativize(p).getName(0).toString(); return top.equals("inbox") || top.equals("assigned"); })
                    .sorted().toList();
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < files.size() && targets.size() < n; i += Math.max(1, files.size() / (n * 2))) {
            Path f = files.get(i);
            String line = Files.readString(f).lines().filter(l -> l.startsWith("title: ")).findFirst().orElse(null);
            String url = page.apply(f);
            if (line != null && url != null) targets.add(new Target(f, line, url));
        }
        if (targets.size() < n) throw new IllegalStateException("only " + targets.size() + " editable task files in " + work);
        return targets;
    }

    static void write(Path file, String text, boolean atomic) throws IOException {
        if (!atomic) {
            Files.writeString(file, text);
            return;
        }
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static BlockingQueue<Heard> listen(URI uri, String origin, String hello) throws Exception {
        BlockingQueue<Heard> q = new LinkedBlockingQueue<>();
        WebSocket.Builder b = HTTP.newWebSocketBuilder();
        if (origin != null) b.header("Origin", origin);
        WebSocket ws = b.buildAsync(uri, new WebSocket.Listener() {
            final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    long at = System.nanoTime();
                    try {
                        JsonNode m = JSON.readTree(text.toString());
                        if (type(m, "build")) MICROS.put(m.path("build").asLong(), m.path("micros").asLong());
                        q.add(new Heard(m, at));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                w.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (hello != null) ws.sendText(hello, true).get(10, TimeUnit.SECONDS);
        return q;
    }

    static Heard next(BlockingQueue<Heard> q, Predicate<JsonNode> p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Heard h = q.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (h == null) throw new IllegalStateException("no " + what + " within " + TIMEOUT);
            if (p.test(h.json())) return h;
        }
    }

    static URI awaitLine(Process p, Pattern line, String what, Path log) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String l; (l = r.readLine()) != null; ) {
            Matcher m = line.matcher(l.strip());
            if (m.matches()) {
                Thread drain = new Thread(() -> r.lines().forEach(x -> { }));
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
        }
        throw new IllegalStateException(what + " exited before it was ready: " + Files.readString(log));
    }

    static String fetch(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static boolean type(JsonNode m, String type) {
        return type.equals(m.path("type").asText());
    }

    static boolean lists(JsonNode m, String url) {
        for (JsonNode u : m.path("urls")) {
            if (u.asText().equals(url)) return true;
        }
        return false;
    }

    static void add(Map<String, List<Long>> r, String what, long nanos) {
        r.computeIfAbsent(what, k -> new ArrayList<>()).add(nanos);
    }

    static double pct(List<Long> nanos, int p) {
        List<Long> s = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1))) / 1e6;
    }

    static void row(String server, String what, List<Long> v) {
        System.out.printf(Locale.ROOT, "%-9s %-50s %5d %9.1f %9.1f %9.1f%n", server, what, v.size(), pct(v, 50), pct(v, 95), pct(v, 100));
    }
}
