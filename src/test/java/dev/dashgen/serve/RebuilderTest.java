package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.engine.Engine;
import dev.dashgen.engine.Inputs;
import dev.dashgen.engine.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** After any sequence of edits, the incrementally rebuilt site equals a fresh build of the same files, on disk too. */
class RebuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String[] FOLDERS = {"inbox", "assigned/alice", "assigned/bob", "done/alice", "done/bob", "fridge", "archive/2026"};
    private static final String[] STATUSES = {"new", "assigned", "in_progress", "blocked", "done", "error", "Completed", "weird"};
    private static final String[] PRIORITIES = {"critical", "High", "medium", "normal", "low", "urgent"};
    /** Two specifications of one initiative, a plan outside the specifications folder, and a file that is not there. */
    private static final String[] SPECS = {"specifications/search.md", "specifications/billing.md", "plans/rollout.md",
            "specifications/missing.md"};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomEditsLeaveTheSameSiteAsAFreshBuild(long seed) throws IOException {
        Random random = new Random(seed);
        Path work = dir.resolve("work");
        repositoryWithSpecifications(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 25; i++) files.add(write(work, random, "t-" + i, FOLDERS[random.nextInt(FOLDERS.length)], 25));
        Project project = Workspaces.project(dir);
        Rebuilder rebuilder = new Rebuilder(() -> project, null);
        rebuilder.initial();
        assertSame(project, rebuilder);
        for (int step = 0; step < 40; step++) {
            // Sometimes several edits land in one batch, as when an editor saves many files or git checks out.
            List<Path> changed = new ArrayList<>();
            for (int n = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1; n > 0; n--) changed.addAll(edit(work, files, random));
            rebuilder.rebuild(changed);
            assertSame(project, rebuilder);
        }
    }

    /**
     * The same on a workspace big enough to cross every threshold the engine has: {@code tasks.json} blocks of
     * 1,024 lines, lane pages of 1,000 rows, the board's 200 cards a lane (Done: 100), the workspace's look-up
     * maps folded after 512 replacements, and a patched site made whole after 4,096 patched paths. Batches of
     * hundreds of files (a checkout) come between single edits.
     */
    @Test
    void aWorkspacePastEveryThresholdStaysEqualToAFreshBuild() throws IOException {
        Random random = new Random(99);
        Path work = dir.resolve("work");
        repositoryWithSpecifications(dir);
        List<Path> files = new ArrayList<>();
        int n = 2600;
        for (int i = 0; i < n; i++) {
            String folder = i < 1400 ? "inbox" : i < 2300 ? "done/alice" : FOLDERS[random.nextInt(FOLDERS.length)];
            files.add(write(work, random, "t-" + i, folder, n));
        }
        Project project = Workspaces.project(dir);
        Rebuilder rebuilder = new Rebuilder(() -> project, null);
        rebuilder.initial();
        for (int step = 0; step < 10; step++) {
            List<Path> changed = new ArrayList<>();
            if (step % 3 == 0) {
                for (int k = 0; k < 700; k++) {
                    Path f = files.get(random.nextInt(n));
                    if (!Files.exists(f) || changed.contains(f)) continue;
                    Files.writeString(f, Files.readString(f).replaceFirst("title: .*", "title: Checked out " + step + "-" + k));
                    changed.add(f);
                }
            } else {
                for (int k = 1 + random.nextInt(3); k > 0; k--) changed.addAll(edit(work, files, random));
            }
            rebuilder.rebuild(changed);
            assertSame(project, rebuilder);
        }
    }

    /**
     * Telemetry commits between task edits: appended rows (good, bad, from a new agent) are folded in
     * without a full re-read, spend crosses the budget's warning level and then the budget, and the site
     * still equals a fresh build that reads the whole database.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void telemetryCommitsLeaveTheSameSiteAsAFreshBuild(long seed) throws Exception {
        Random random = new Random(seed);
        Path work = dir.resolve("work");
        repositoryWithSpecifications(dir);
        Path db = dir.resolve("telemetry.db");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) files.add(write(work, random, "t-" + i, FOLDERS[random.nextInt(FOLDERS.length)], 20));
        Workspaces.write(dir.resolve("dashgen.yaml"), "budget: {monthly_usd: 5, warn_at: 0.5}\n");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate("CREATE TABLE invocations (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " invocation_id TEXT UNIQUE NOT NULL, timestamp DATETIME, agent_name TEXT, tool_name TEXT NOT NULL,"
                    + " model_name TEXT NOT NULL, prompt_tokens INTEGER DEFAULT 0, completion_tokens INTEGER DEFAULT 0,"
                    + " total_tokens INTEGER DEFAULT 0, cost_usd REAL DEFAULT 0.0, latency_ms INTEGER DEFAULT 0,"
                    + " status TEXT NOT NULL, error_message TEXT)");
            java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO invocations (invocation_id, timestamp,"
                    + " agent_name, tool_name, model_name, prompt_tokens, completion_tokens, cost_usd, latency_ms, status,"
                    + " error_message) VALUES (?, ?, ?, 'chat', ?, 100, 20, ?, 300, ?, ?)");
            int[] next = {0};
            Runnable commit = () -> {
                try {
                    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                        insert.setString(1, "inv-" + next[0]++);
                        insert.setString(2, random.nextInt(10) == 0 ? "not a time"
                                : "2026-11-" + (10 + random.nextInt(14)) + " 1" + random.nextInt(10) + ":00:00");
                        insert.setString(3, random.nextInt(8) == 0 ? "agent-" + next[0] : random.nextBoolean() ? "alice" : "bob");
                        insert.setString(4, random.nextBoolean() ? "gpt-5" : "claude-sonnet-4");
                        insert.setDouble(5, random.nextInt(12) == 0 ? -1 : random.nextInt(60) / 100.0);
                        boolean error = random.nextInt(6) == 0;
                        insert.setString(6, error ? "error" : "success");
                        insert.setString(7, error ? "rate limited" : null);
                        insert.executeUpdate();
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            commit.run();
            Project project = Workspaces.project(dir, db.toString());
            Rebuilder rebuilder = new Rebuilder(() -> project, null);
            rebuilder.initial();
            assertSame(project, rebuilder);
            for (int step = 0; step < 30; step++) {
                List<Path> changed = new ArrayList<>();
                if (random.nextBoolean()) changed.addAll(edit(work, files, random));
                if (changed.isEmpty() || random.nextBoolean()) {
                    commit.run();
                    changed.add(db);
                }
                rebuilder.rebuild(changed);
                assertSame(project, rebuilder);
            }
            String board = new String(rebuilder.site().files().get("index.html"), StandardCharsets.UTF_8);
            assertTrue(board.contains("id=\"budget-banner\""), "the spend crossed the budget's warning level");
        }
    }

    /** One random edit; returns the paths it touched, as a watcher would report them. */
    private static List<Path> edit(Path work, List<Path> files, Random random) throws IOException {
        Path f = files.get(random.nextInt(files.size()));
        String id = f.getFileName().toString().replace(".yaml", "");
        switch (random.nextInt(9)) {
            case 0, 1, 2 -> { // the usual edit: fields change, id and dependencies stay
                if (!Files.exists(f)) return List.of(f);
                String text = Files.readString(f);
                Files.writeString(f, text.replaceFirst("title: .*", "title: Edited " + random.nextInt(1000))
                        .replaceFirst("status: .*", "status: " + STATUSES[random.nextInt(STATUSES.length)])
                        .replaceFirst("priority: .*", "priority: " + PRIORITIES[random.nextInt(PRIORITIES.length)]));
                return List.of(f);
            }
            case 3 -> { // move to another lane folder
                if (!Files.exists(f)) return List.of(f);
                Path to = work.resolve(FOLDERS[random.nextInt(FOLDERS.length)]).resolve(f.getFileName());
                if (to.equals(f) || Files.exists(to)) return List.of(f);
                Files.createDirectories(to.getParent());
                Files.move(f, to);
                files.set(files.indexOf(f), to);
                return List.of(f, to);
            }
            case 4 -> { // delete or re-create
                if (Files.exists(f)) {
                    Files.delete(f);
                } else {
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, "id: " + id + "\ntitle: Back again\n");
                }
                return List.of(f);
            }
            case 5 -> { // break it, or write it whole again
                Files.createDirectories(f.getParent());
                Files.writeString(f, random.nextBoolean() ? "id: " + id + "\ntitle: [broken\n" : body(random, id, files.size()));
                return List.of(f);
            }
            case 6 -> { // new dependencies (maybe a cycle, maybe dangling)
                if (!Files.exists(f)) return List.of(f);
                String deps = "dependencies: [t-" + random.nextInt(files.size() + 3) + ", t-" + random.nextInt(files.size()) + "]";
                String text = Files.readString(f);
                Files.writeString(f, text.contains("dependencies:") ? text.replaceFirst("dependencies: .*", deps) : text + deps + "\n");
                return List.of(f);
            }
            case 7 -> { // an extra line above everything shifts every line number
                if (!Files.exists(f)) return List.of(f);
                Files.writeString(f, "# comment\nnote: " + random.nextInt(9) + "\n" + Files.readString(f));
                return List.of(f);
            }
            default -> { // change the id, perhaps into a duplicate
                if (!Files.exists(f)) return List.of(f);
                Files.writeString(f, Files.readString(f).replaceFirst("id: .*", "id: t-" + random.nextInt(files.size())));
                return List.of(f);
            }
        }
    }

    /** {@code dir} as a Git repository holding the specifications {@link #SPECS} names (but the missing one). */
    private static void repositoryWithSpecifications(Path dir) throws IOException {
        Workspaces.repository(dir);
        Workspaces.write(dir.resolve(SPECS[0]), "---\nid: SPEC-1\ntitle: Search\nstatus: active\ninitiative: Discovery\n"
                + "features:\n  - {id: F1, title: Index, status: done}\n---\n# Search\n");
        Workspaces.write(dir.resolve(SPECS[1]), "---\nid: SPEC-2\ntitle: Billing\nstatus: draft\ninitiative: Discovery\n"
                + "completion: 40\n---\n# Billing\n");
        Workspaces.write(dir.resolve(SPECS[2]), "# Rollout plan\n");
    }

    private static Path write(Path work, Random random, String id, String folder, int n) throws IOException {
        Path f = work.resolve(folder).resolve(id + ".yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, body(random, id, n));
        return f;
    }

    private static String body(Random random, String id, int n) {
        StringBuilder s = new StringBuilder("id: " + id + "\ntitle: Task " + id + "\nstatus: "
                + STATUSES[random.nextInt(STATUSES.length)] + "\npriority: " + PRIORITIES[random.nextInt(PRIORITIES.length)]
                + "\ncreated_at: 2026-11-" + (10 + random.nextInt(10)) + "T10:00:00Z\n");
        if (random.nextBoolean()) s.append("dependencies: [t-").append(random.nextInt(n)).append("]\n");
        if (random.nextInt(3) != 0) s.append("specification: ").append(SPECS[random.nextInt(SPECS.length)]).append('\n');
        s.append("description: |\n  Some **markdown** ").append(random.nextInt(100)).append('\n');
        return s.toString();
    }

    /** The served site, in memory and on disk, equals a fresh build of the same inputs through the same pipeline. */
    private static void assertSame(Project project, Rebuilder rebuilder) throws IOException {
        rebuilder.complete(); // as the server does once browsers were told: flow metrics, then the old bytes of replaced files go
        rebuilder.finish();
        SortedMap<String, String> fresh = text(new Engine().build(Inputs.read(project)).site().files());
        assertSameFiles(fresh, text(rebuilder.site().files()), "incremental site");
        assertSameFiles(fresh, onDisk(project.out()), "output dir");
    }

    /** Equal maps; on a difference, names the paths and shows the first differing file whole. */
    private static void assertSameFiles(SortedMap<String, String> expected, SortedMap<String, String> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": paths");
        for (String path : expected.keySet()) {
            assertEquals(expected.get(path), actual.get(path), what + ": " + path);
        }
    }

    private static SortedMap<String, String> text(SortedMap<String, byte[]> files) {
        SortedMap<String, String> out = new TreeMap<>();
        files.forEach((p, b) -> {
            if (!p.startsWith("assets/")) out.put(p, new String(b, StandardCharsets.UTF_8));
        });
        return out;
    }

    private static SortedMap<String, String> onDisk(Path out) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = out.relativize(f).toString().replace('\\', '/');
                if (!rel.startsWith(".dashgen/") && !rel.startsWith("assets/")) files.put(rel, Files.readString(f));
            }
        }
        assertTrue(!files.isEmpty());
        return files;
    }
}
