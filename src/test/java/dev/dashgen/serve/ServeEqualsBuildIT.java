package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dashgen.cli.Dashgen;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real {@code dashgen serve}, in a process of its own, follows a random sequence of edits made through the
 * file system (telemetry rows and Git commits of the work tree included); once it stops, the real {@code dashgen build} of
 * the same inputs into another folder gives the very same files, byte for byte, dashgen's own included.
 */
class ServeEqualsBuildIT {
    private static final String NOW = "2026-11-24T12:00:00Z";
    private static final Pattern URL = Pattern.compile("^http://127\\.0\\.0\\.1:(\\d+)/$");
    private static final String[] FOLDERS = {"inbox", "assigned/alice", "assigned/bob", "done/alice", "done/bob", "fridge",
            "archive/2026-10"};
    private static final String[] STATUSES = {"new", "assigned", "in_progress", "blocked", "done", "error"};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void aServedSiteAfterRandomEditsIsByteForByteAFreshBuild(long seed) throws Exception {
        Random random = new Random(seed);
        Workspaces.repository(dir);
        Path work = dir.resolve("work/collaboration");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) files.add(write(work.resolve(FOLDERS[random.nextInt(FOLDERS.length)] + "/t-" + i + ".yaml"), task(random, i)));
        Path db = dir.resolve("telemetry.db");
        createTelemetry(db);
        Path config = dir.resolve("dashgen.yaml");
        write(config, "title: Served\nwork: work/collaboration\ntelemetry: " + db.toAbsolutePath() + "\nout: served\n"
                + "budget: {monthly_usd: 3, warn_at: 0.5}\n");

        Process serve = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), "dev.dashgen.cli.Main",
                "serve", "-c", config.toString(), "--port", "0", "--now", NOW).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> printed = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                    printed.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        try {
            int port = Integer.parseInt(awaitLine(lines, URL).group(1));
            try (LiveClient live = LiveClient.connect(port)) {
                live.await("build");
                for (int step = 0; step < 30; step++) {
                    String what = step == 15 ? commit(work) : edit(random, work, files, db, config);
                    // Each edit is followed by a fence the server reloads for: every event before it was built.
                    Path fence = work.resolve("inbox/fence.yaml");
                    write(fence, "id: fence\ntitle: Fence " + step + "\n");
                    live.await("reload", m -> LiveClient.lists(m, "urls", "tasks/fence.html") || m.path("global").asBoolean());
                    assertTrue(serve.isAlive(), "serve died after: " + what);
                }
            }
        } finally {
            // SIGTERM, as Ctrl-C or a service manager stops serve: its shutdown hook stops the server and writes the
            // manifest. Through the handle, since Process.destroy() also closes the pipe the last lines come through.
            serve.toHandle().destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
            reader.join(10_000);
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Dashgen.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("build", "-c", config.toString(), "-o", dir.resolve("built").toString(), "--now", NOW);
        assertEquals(0, exit, out + "\n" + err);

        TreeMap<String, byte[]> served = tree(dir.resolve("served"));
        TreeMap<String, byte[]> built = tree(dir.resolve("built"));
        built.remove(".dashgen/last-build.json"); // what the build printed, so that the same build again can skip: build's own
        // The history cache is a chain that depends on the way there: serve saved one small delta per commit it saw,
        // a fresh build one whole state. Both must hold the newest commit's; what they read from it is compared below.
        String head = history(built);
        assertTrue(served.containsKey(head), "serve cached the newest commit's history: " + served.keySet());
        served.keySet().removeIf(p -> p.startsWith(".dashgen/history/"));
        assertEquals(built.keySet(), served.keySet());
        for (String path : built.keySet()) {
            if (!Arrays.equals(built.get(path), served.get(path))) {
                assertEquals(new String(built.get(path), StandardCharsets.UTF_8), new String(served.get(path), StandardCharsets.UTF_8), path);
            }
        }
        assertTrue(printed.stream().anyMatch(l -> l.contains("dashgen serve: stopped")), () -> "exit " + serve.exitValue() + " " + printed);
    }

    /** The one history cache file of a fresh build, taken out of {@code files}. */
    private static String history(TreeMap<String, byte[]> files) {
        List<String> cached = files.keySet().stream().filter(p -> p.startsWith(".dashgen/history/")).toList();
        assertEquals(1, cached.size(), cached.toString());
        files.remove(cached.get(0));
        return cached.get(0);
    }

    /** One random edit through the file system; says what it did. */
    private static String edit(Random random, Path work, List<Path> files, Path db, Path config) throws Exception {
        int i = random.nextInt(files.size());
        Path f = files.get(i);
        String id = "t-" + i;
        switch (random.nextInt(11)) {
            case 0, 1 -> {
                if (!Files.exists(f)) return "nothing";
                write(f, Files.readString(f).replaceFirst("title: .*", "title: Edited in place " + random.nextInt(1000)));
                return "title edit in place of " + f;
            }
            case 2, 3 -> {
                if (!Files.exists(f)) return "nothing";
                Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
                write(tmp, Files.readString(f).replaceFirst("title: .*", "title: Edited by rename " + random.nextInt(1000))
                        .replaceFirst("status: .*", "status: " + STATUSES[random.nextInt(STATUSES.length)]));
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return "atomic edit of " + f;
            }
            case 4 -> {
                if (!Files.exists(f)) return "nothing";
                String folder = random.nextInt(4) == 0 ? "assigned/agent-" + random.nextInt(100) : FOLDERS[random.nextInt(FOLDERS.length)];
                Path to = work.resolve(folder).resolve(f.getFileName());
                if (Files.exists(to)) return "nothing";
                Files.createDirectories(to.getParent());
                Files.move(f, to);
                files.set(i, to);
                return "move of " + f + " to " + to;
            }
            case 5 -> {
                if (Files.exists(f)) {
                    Files.delete(f);
                    return "delete of " + f;
                }
                write(f, task(random, i));
                return "re-creation of " + f;
            }
            case 6 -> {
                write(f, "id: " + id + "\ntitle: [broken\n");
                return "broken " + f;
            }
            case 7 -> {
                write(f, task(random, i));
                return "whole new text of " + f;
            }
            case 8 -> {
                appendRows(random, db);
                return "telemetry rows";
            }
            case 9 -> {
                return commit(work);
            }
            default -> {
                write(config, Files.readString(config).replaceFirst("title: .*", "title: Served " + random.nextInt(100)));
                return "config edit";
            }
        }
    }

    /**
     * Commits the work tree as it is, as an agent's `git commit -a` would: serve reads the history again, and task
     * pages, history.json and the flow metrics must show the new transitions as a fresh build does. Committer times
     * are fixed hours before now, one later than the last.
     */
    private static String commit(Path work) throws Exception {
        Path root = work.getParent().getParent();
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(root.toFile())) {
            int count = 0;
            if (git.getRepository().resolve("HEAD") != null) {
                for (var ignored : git.log().call()) count++;
            }
            String folder = root.relativize(work).toString().replace('\\', '/');
            git.add().addFilepattern(folder).call();
            git.add().addFilepattern(folder).setUpdate(true).call();
            org.eclipse.jgit.lib.PersonIdent who = new org.eclipse.jgit.lib.PersonIdent("Ada", "ada@example.org",
                    java.time.Instant.parse(NOW).minus(java.time.Duration.ofHours(100 - count)), java.time.ZoneOffset.UTC);
            git.commit().setMessage("Work " + count).setAuthor(who).setCommitter(who).setAllowEmpty(true).call();
            return "commit " + count;
        }
    }

    private static String task(Random random, int i) {
        return "id: t-" + i + "\ntitle: Task " + i + "\nagent: " + (random.nextBoolean() ? "alice" : "bob")
                + "\nstatus: " + STATUSES[random.nextInt(STATUSES.length)]
                + "\npriority: " + List.of("critical", "high", "normal", "low").get(random.nextInt(4))
                + "\ncreated_at: 2026-11-1" + random.nextInt(10) + "T09:00:00Z"
                + "\nstarted_at: 2026-11-2" + random.nextInt(3) + "T10:00:00Z"
                + (random.nextBoolean() ? "\ndependencies: [t-" + random.nextInt(40) + "]" : "")
                + "\ndescription: Some *markdown* " + random.nextInt(100) + "\n";
    }

    private static void createTelemetry(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE invocations (id INTEGER PRIMARY KEY AUTOINCREMENT, invocation_id TEXT UNIQUE NOT NULL,"
                    + " timestamp DATETIME DEFAULT CURRENT_TIMESTAMP, agent_name TEXT, tool_name TEXT NOT NULL,"
                    + " model_name TEXT NOT NULL, prompt_tokens INTEGER DEFAULT 0, completion_tokens INTEGER DEFAULT 0,"
                    + " total_tokens INTEGER DEFAULT 0, cost_usd REAL DEFAULT 0.0, latency_ms INTEGER DEFAULT 0,"
                    + " status TEXT NOT NULL, error_message TEXT, privacy_level TEXT DEFAULT 'metadata')");
        }
        appendRows(new Random(0), db);
    }

    private static int next;

    /** A commit of a few rows, some of them bad: a negative cost, an unreadable time, a time after now. */
    private static void appendRows(Random random, Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement insert = c.prepareStatement("INSERT INTO invocations (invocation_id, timestamp, agent_name,"
                     + " tool_name, model_name, prompt_tokens, completion_tokens, cost_usd, latency_ms, status, error_message)"
                     + " VALUES (?, ?, ?, 'chat', ?, 100, 20, ?, 300, ?, ?)")) {
            c.setAutoCommit(false);
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                insert.setString(1, "inv-" + next++);
                int kind = random.nextInt(10);
                insert.setString(2, kind == 0 ? "not a time" : kind == 1 ? "2026-11-24T12:00:01Z"
                        : "2026-11-2" + random.nextInt(5) + " 1" + random.nextInt(2) + ":00:00");
                insert.setString(3, random.nextBoolean() ? "alice" : "bob");
                insert.setString(4, random.nextBoolean() ? "gpt-5" : "claude-sonnet-4");
                insert.setDouble(5, kind == 2 ? -1 : random.nextInt(90) / 100.0);
                boolean error = random.nextInt(6) == 0;
                insert.setString(6, error ? "error" : "success");
                insert.setString(7, error ? "rate limited" : null);
                insert.executeUpdate();
            }
            c.commit();
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Matcher awaitLine(BlockingQueue<String> lines, Pattern p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) break;
            seen.add(line);
            Matcher m = p.matcher(line);
            if (m.find()) return m;
        }
        fail("serve printed no line matching " + p + ": " + seen);
        return null;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static TreeMap<String, byte[]> tree(Path root) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
