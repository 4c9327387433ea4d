package dev.dashgen.serve;

import static dev.dashgen.serve.LiveClient.lists;
import static dev.dashgen.serve.Workspaces.task;
import static dev.dashgen.serve.Workspaces.write;
import static dev.dashgen.serve.Workspaces.writeAtomically;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.engine.Engine;
import dev.dashgen.engine.Inputs;
import dev.dashgen.engine.Project;
import dev.dashgen.site.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole of {@code serve} on an ephemeral port: real files, the real watcher, a real WebSocket client. */
class PreviewTest {
    static final ServeLog QUIET = new ServeLog() {
        @Override
        public void built(Rebuilder.Result result) {}

        @Override
        public void failed(String why) {}

        @Override
        public void watchError(String why) {}
    };

    @TempDir
    Path dir;

    Preview start(Supplier<Project> projects) throws IOException {
        return Preview.start(projects, null, Preview.Options.of("127.0.0.1", 0), QUIET);
    }

    Preview start(Project project) throws IOException {
        return start(() -> project);
    }

    @Test
    void tellsANewClientTheProblemsAndTheLastBuild() throws Exception {
        Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            JsonNode problems = c.await("problems");
            assertEquals(0, problems.path("errors").asInt());
            assertTrue(problems.path("failure").isNull());
            JsonNode build = c.await("build");
            assertEquals(p.live().server(), build.path("server").asText());
            assertEquals(p.live().generation(), build.path("build").asLong());
            assertTrue(build.path("micros").asLong() > 0);
        }
    }

    @Test
    void anEditedTitleReloadsItsPageAndTheBoardWhoseFilesAreAlreadyWritten() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Write the lexer", "new", "high"));
            JsonNode reload = c.await("reload");
            assertTrue(lists(reload, "urls", "tasks/t-1.html"), reload.toString());
            assertTrue(lists(reload, "urls", "index.html"), reload.toString());
            assertFalse(lists(reload, "urls", "tasks/t-2.html"), "an untouched page does not reload");
            assertFalse(reload.path("global").asBoolean());
            assertTrue(Http.get(p.port(), "/tasks/t-1.html").body().contains("Write the lexer"), "never stale after reload");
            assertTrue(Http.get(p.port(), "/").body().contains("Write the lexer"));

            writeAtomically(work.resolve("inbox/t-1.yaml"), task("t-1", "Write the tokenizer", "new", "high"));
            assertTrue(lists(c.await("reload"), "urls", "tasks/t-1.html"));
            assertTrue(Http.get(p.port(), "/tasks/t-1.html").body().contains("Write the tokenizer"));
        }
    }

    @Test
    void aStylesheetEditIsSwappedWithoutAReload() throws Exception {
        Path work = Workspaces.small(dir);
        Path assets = dir.resolve("theme/site");
        write(assets.resolve("assets/style.css"), "body { color: black; }");
        Workspaces.theme(dir, null, "theme/site");
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            write(assets.resolve("assets/style.css"), "body { color: rebeccapurple; }");
            JsonNode css = c.await("css");
            assertEquals(List.of("assets/style.css"), urls(css));
            assertEquals("body { color: rebeccapurple; }", Http.get(p.port(), "/assets/style.css").body());
            // a later edit's reload is the fence: no reload came for the stylesheet's build before it
            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Fence", "new", "high"));
            JsonNode fence = c.await("reload");
            assertTrue(fence.path("build").asLong() > css.path("build").asLong());
            assertTrue(c.heard().stream().noneMatch(m -> m.path("type").asText().equals("reload")
                    && m.path("build").asLong() == css.path("build").asLong()), c.heard().toString());
        }
    }

    @Test
    void aBrokenFileShowsItsProblemAndFixingItClearsIt() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            write(work.resolve("inbox/t-1.yaml"), "id: t-1\ntitle: [unclosed\n");
            JsonNode broken = c.await("problems", m -> m.path("errors").asInt() > 0);
            JsonNode item = broken.path("items").get(0);
            assertEquals("work/inbox/t-1.yaml", item.path("file").asText(), "named from the repository root");
            assertTrue(item.path("line").asInt() > 0, item.toString());
            assertEquals("error", item.path("severity").asText());
            assertFalse(item.path("message").asText().isBlank());

            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Fixed", "new", "high"));
            JsonNode fixed = c.await("problems");
            assertEquals(0, fixed.path("errors").asInt());
            assertEquals(0, fixed.path("items").size());
        }
    }

    @Test
    void aFailingRebuildKeepsTheLastGoodSiteAndSaysWhyUntilFixed() throws Exception {
        Path work = Workspaces.small(dir);
        Path templates = dir.resolve("theme/templates");
        Files.createDirectories(templates);
        Workspaces.theme(dir, "theme/templates", null);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            String before = Http.get(p.port(), "/").body();
            write(templates.resolve("card.peb"), "<article>{{ v.task.title </article>");
            JsonNode failed = c.await("problems", m -> !m.path("failure").isNull());
            assertTrue(failed.path("failure").asText().contains("card"), failed.toString());
            assertEquals(before, Http.get(p.port(), "/").body(), "the last good site stays");

            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Saved while broken", "new", "high"));
            Files.delete(templates.resolve("card.peb"));
            JsonNode fixed = c.await("problems", m -> m.path("failure").isNull());
            assertEquals(0, fixed.path("errors").asInt());
            c.await("reload");
            assertTrue(Http.get(p.port(), "/").body().contains("Saved while broken"), "the edit made during the failure is not lost");
        }
    }

    @Test
    void aNewFolderIsWatchedAndFilesWrittenBeforeItsWatchAreRead() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            Path carol = work.resolve("assigned/carol");
            Files.createDirectories(carol);
            write(carol.resolve("t-4.yaml"), task("t-4", "Created with its folder", "assigned", "normal"));
            write(carol.resolve("t-5.yaml"), task("t-5", "Second in the folder", "assigned", "normal"));
            c.await("reload", m -> lists(m, "urls", "tasks/t-5.html"));
            assertEquals(200, Http.get(p.port(), "/tasks/t-4.html").status());
            assertEquals(200, Http.get(p.port(), "/tasks/t-5.html").status());

            // Written in place: a busy machine can let the watcher see the file truncated first, and that
            // (a passing problem) reloads the page too; the edit's own reload follows.
            write(carol.resolve("t-4.yaml"), task("t-4", "Edited in the new folder", "assigned", "normal"));
            String page;
            do {
                c.await("reload", m -> lists(m, "urls", "tasks/t-4.html"));
                page = Http.get(p.port(), "/tasks/t-4.html").body();
            } while (!page.contains("Edited in the new folder"));
        }
    }

    @Test
    void aDocumentAndASpecificationATaskNamesElsewhereInTheRepositoryAreFollowed() throws Exception {
        Path work = Workspaces.small(dir);
        write(work.resolve("inbox/t-4.yaml"), task("t-4", "Follow the design", "new", "high")
                + "specification: plans/rollout.md\ndependencies:\n  - notes/design.md (context)\n");
        write(dir.resolve("plans/other.md"), "# Another plan\n"); // the plan's folder exists, the note's does not
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            assertTrue(taskPage(p).contains("document not found"), "before the note exists");
            assertFalse(Http.get(p.port(), "/portfolio.html").body().contains("Rollout plan"));

            write(dir.resolve("notes/design.md"), "# Design\n"); // its folder comes with it
            String page = awaitPage(p, c, "tasks/t-4.html", "/tasks/t-4.html", s -> !s.contains("document not found"));
            assertTrue(page.contains("notes/design.md"), "the note is still named on the page");

            write(dir.resolve("plans/rollout.md"), "# Rollout plan\n");
            awaitPage(p, c, "portfolio.html", "/portfolio.html", s -> s.contains("Rollout plan"));

            Files.delete(dir.resolve("notes/design.md"));
            Files.delete(dir.resolve("notes"));
            awaitPage(p, c, "tasks/t-4.html", "/tasks/t-4.html", s -> s.contains("document not found"));
            write(dir.resolve("notes/design.md"), "# Design, again\n"); // a folder made again is followed again
            awaitPage(p, c, "tasks/t-4.html", "/tasks/t-4.html", s -> !s.contains("document not found"));
        }
    }

    private static String taskPage(Preview p) throws Exception {
        return Http.get(p.port(), "/tasks/t-4.html").body();
    }

    /** The page at {@code path} once a reload of {@code url} shows it as {@code done} says. */
    private static String awaitPage(Preview p, LiveClient c, String url, String path, java.util.function.Predicate<String> done)
            throws Exception {
        while (true) {
            c.await("reload", m -> lists(m, "urls", url));
            String page = Http.get(p.port(), path).body();
            if (done.test(page)) return page;
        }
    }

    @Test
    void aFileMovedBetweenLaneFoldersIsOneMoveInTheActivityFeed() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            Files.createDirectories(work.resolve("assigned/alice"));
            Files.move(work.resolve("inbox/t-1.yaml"), work.resolve("assigned/alice/t-1.yaml"));
            JsonNode build = c.await("build", m -> m.path("moves").size() > 0);
            assertEquals(1, build.path("moves").size(), build.toString());
            JsonNode move = build.path("moves").get(0);
            assertEquals("t-1", move.path("id").asText());
            assertEquals("Inbox", move.path("from").asText());
            assertEquals("Assigned", move.path("to").asText());
            assertEquals(move, build.path("recent").get(0));
            try (LiveClient later = LiveClient.connect(p.port())) {
                assertEquals("t-1", later.await("build").path("recent").get(0).path("id").asText(), "the feed survives a reload");
            }
        }
    }

    @Test
    void aBurstOfAThousandFilesGivesAHandfulOfRebuilds() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            long first = c.await("build").path("build").asLong();
            for (int i = 0; i < 1000; i++) {
                writeAtomically(work.resolve("inbox/b-" + i + ".yaml"), task("b-" + i, "Burst " + i, "new", "normal"));
            }
            c.await("build", m -> taskCount() == 1003);
            // Each rebuild may follow its reload with the flow pages (a build message of its own): count rebuilds.
            long rebuilds = c.heard().stream().filter(m -> m.path("type").asText().equals("build")
                    && m.path("build").asLong() > first && !m.path("deferred").asBoolean()).count();
            assertTrue(rebuilds <= 20, rebuilds + " rebuilds for one burst");
        }
    }

    @Test
    void theSiteAfterAnySequenceOfEditsEqualsAFreshBuild() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            List<Runnable> edits = List.of(
                    () -> io(() -> write(work.resolve("inbox/t-1.yaml"), task("t-1", "Renamed", "new", "critical"))),
                    () -> io(() -> Files.move(work.resolve("assigned/alice/t-2.yaml"), work.resolve("done/bob/t-2.yaml"))),
                    () -> io(() -> Files.delete(work.resolve("done/bob/t-3.yaml"))),
                    () -> io(() -> write(work.resolve("assigned/zed/t-6.yaml"), task("t-6", "New agent", "blocked", "low"))),
                    () -> io(() -> write(work.resolve("inbox/t-7.yaml"), "id: t-7\ntitle: [broken\n")),
                    () -> io(() -> write(work.resolve("inbox/t-8.yaml"), task("t-8", "Depends", "new", "high") + "dependencies: [t-1, t-404]\n")),
                    () -> io(() -> write(work.resolve("backups/t-9.yaml"), task("t-9", "Excluded", "new", "high"))),
                    () -> io(() -> write(work.resolve("misc/t-10.yaml"), task("t-10", "Unread folder", "new", "high"))));
            for (Runnable edit : edits) {
                long before = p.live().generation();
                edit.run();
                // Not the flow pages a previous rebuild wrote after its reload: this edit's own rebuild.
                c.await("build", m -> m.path("build").asLong() > before && !m.path("deferred").asBoolean());
            }
        }
        // Once serve has stopped, what it left behind (flow metrics follow a rebuild's reload) is final.
        assertEquals(freshBuild(work), siteOnDisk(dir.resolve("out")));
    }

    @Test
    void aPageThatChangedBetweenServingAndConnectingReloadsAtOnce() throws Exception {
        Path work = Workspaces.small(dir);
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            long served = c.await("build").path("build").asLong();
            write(work.resolve("inbox/t-1.yaml"), task("t-1", "Changed meanwhile", "new", "high"));
            c.await("reload");
            try (LiveClient late = LiveClient.connect(p.port(), "http://127.0.0.1:" + p.port(), "build=" + served + "&page=tasks/t-1.html")) {
                assertEquals(List.of("tasks/t-1.html"), urls(late.await("reload")));
            }
            try (LiveClient earlier = LiveClient.connect(p.port(), "http://127.0.0.1:" + p.port(), "build=" + (served + 99) + "&page=index.html")) {
                earlier.await("reload"); // served by an earlier run of the server
            }
        }
    }

    @Test
    void aConfigEditReloadsTheConfig() throws Exception {
        Workspaces.small(dir);
        Path config = dir.resolve("dashgen.yaml");
        write(config, "title: Before\n");
        try (Preview p = start(() -> Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port())) {
            c.await("build");
            write(config, "title: After\n");
            JsonNode reload = c.await("reload");
            assertTrue(lists(reload, "urls", "index.html") || reload.path("global").asBoolean());
            assertTrue(Http.get(p.port(), "/").body().contains("After"));
        }
    }

    @Test
    void aTelemetryCommitIsNoticed() throws Exception {
        Workspaces.small(dir);
        Path db = dir.resolve("telemetry.db");
        write(db, "");
        try (Preview p = start(Workspaces.project(dir, db.toString())); LiveClient c = LiveClient.connect(p.port())) {
            long first = c.await("build").path("build").asLong();
            write(dir.resolve("telemetry.db-wal"), "a committed frame");
            c.await("build", m -> m.path("build").asLong() > first);
        }
    }

    /** A real commit of the telemetry service shows, whatever journal mode its database is in. */
    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "TRUNCATE", "PERSIST", "WAL"})
    void aTelemetryCommitShowsInEveryJournalMode(String mode) throws Exception {
        Workspaces.small(dir);
        Path db = dir.resolve("telemetry.db");
        try (java.sql.Connection writer = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (java.sql.Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=" + mode);
                s.execute("CREATE TABLE invocations (id INTEGER PRIMARY KEY AUTOINCREMENT, invocation_id TEXT UNIQUE NOT NULL,"
                        + " timestamp DATETIME, agent_name TEXT, tool_name TEXT NOT NULL, model_name TEXT NOT NULL,"
                        + " prompt_tokens INTEGER DEFAULT 0, completion_tokens INTEGER DEFAULT 0, total_tokens INTEGER DEFAULT 0,"
                        + " cost_usd REAL DEFAULT 0.0, latency_ms INTEGER DEFAULT 0, status TEXT NOT NULL, error_message TEXT)");
            }
            insert(writer, "inv-1", "1.00");
            try (Preview p = start(Workspaces.project(dir, db.toString())); LiveClient c = LiveClient.connect(p.port())) {
                c.await("build");
                assertEquals(1.00, allTimeCost(p), 1e-9);
                writer.setAutoCommit(false);
                insert(writer, "inv-2", "0.25"); // a transaction begins: nothing to show yet
                writer.commit();
                c.await("reload", m -> lists(m, "urls", "costs.html"));
                assertEquals(1.25, allTimeCost(p), 1e-9);
            }
        }
    }

    private static void insert(java.sql.Connection c, String id, String usd) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO invocations (invocation_id, timestamp, agent_name,"
                + " tool_name, model_name, prompt_tokens, completion_tokens, cost_usd, latency_ms, status)"
                + " VALUES (?, '2026-11-24 11:00:00', 'alice', 'chat', 'model-a', 100, 20, " + usd + ", 300, 'success')")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private static double allTimeCost(Preview p) throws Exception {
        return new ObjectMapper().readTree(Http.get(p.port(), "/data/summary.json").body()).path("cost").path("allTime").asDouble();
    }

    /**
     * The output manifest (which files dashgen wrote) is brought up to date once changes pause rather than
     * after every rebuild, and when serve stops: a page added either way is in it.
     */
    @Test
    void theManifestNamesNewPagesOnceChangesPauseAndWhenServeStops() throws Exception {
        Path work = Workspaces.small(dir);
        Path manifest = dir.resolve("out/.dashgen/manifest.json");
        try (Preview p = start(Workspaces.project(dir)); LiveClient c = LiveClient.connect(p.port());
             java.nio.file.WatchService watch = manifest.getFileSystem().newWatchService()) {
            c.await("build");
            manifest.getParent().register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE);
            write(work.resolve("inbox/t-8.yaml"), task("t-8", "Added while serving", "new", "normal"));
            c.await("reload", m -> lists(m, "urls", "tasks/t-8.html"));
            long deadline = System.nanoTime() + LiveClient.WAIT.toNanos();
            while (!Files.readString(manifest).contains("\"tasks/t-8.html\"")) {
                java.nio.file.WatchKey key = watch.poll(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
                assertTrue(key != null, "the manifest was not written after the rebuild");
                key.pollEvents();
                key.reset();
            }
            write(work.resolve("inbox/t-9.yaml"), task("t-9", "Added just before stopping", "new", "normal"));
            c.await("reload", m -> lists(m, "urls", "tasks/t-9.html"));
        }
        assertTrue(Files.readString(manifest).contains("\"tasks/t-9.html\""), "written when serve stopped");
    }

    private static List<String> urls(JsonNode message) {
        List<String> urls = new ArrayList<>();
        message.path("urls").forEach(n -> urls.add(n.asText()));
        return urls;
    }

    private int taskCount() {
        try {
            return new ObjectMapper().readTree(dir.resolve("out/data/summary.json").toFile()).path("tasks").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SortedMap<String, String> freshBuild(Path work) throws IOException {
        Site site = new Engine().build(Inputs.read(Workspaces.project(work.getParent()))).site();
        SortedMap<String, String> files = new TreeMap<>();
        site.files().forEach((path, bytes) -> files.put(path, new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
        return files;
    }

    private static SortedMap<String, String> siteOnDisk(Path out) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".dashgen/") && !rel.endsWith(".dashgen-tmp")) files.put(rel, Files.readString(f));
            }
        }
        return files;
    }

    interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
