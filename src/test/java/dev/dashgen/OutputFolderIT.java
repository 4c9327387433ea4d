package dev.dashgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What dashgen keeps in an output folder, run as users run it (the packaged jar, a process each): two folders
 * built from the same inputs are the same files, {@code .dashgen/} included; the stamp that lets an unchanged
 * build skip notices theme edits and never trusts a database behind a JDBC URL; and one writer at a time.
 */
class OutputFolderIT {
    private static final Path JAR = Path.of("target/dashgen-all.jar").toAbsolutePath();
    private static final String NOW = "2026-11-24T12:00:00Z";

    @TempDir
    Path dir;

    /** What a run printed, and how it ended. */
    record Run(int exit, String out) {}

    @BeforeEach
    void workTree() throws Exception {
        write(dir.resolve("work/collaboration/inbox/t-1.yaml"), "id: t-1\ntitle: First\n");
        write(dir.resolve("work/collaboration/done/bob/t-2.yaml"), "id: t-2\ntitle: Second\nstatus: done\n");
        write(dir.resolve("work/collaboration/inbox/bad.yaml"), "id: [\n");
        write(dir.resolve("theme/templates/.keep"), "");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("telemetry.db"))) {
            c.createStatement().executeUpdate("CREATE TABLE invocations (id INTEGER PRIMARY KEY, invocation_id TEXT,"
                    + " timestamp TEXT, agent_name TEXT, tool_name TEXT, model_name TEXT, prompt_tokens INTEGER,"
                    + " completion_tokens INTEGER, total_tokens INTEGER, cost_usd REAL, latency_ms INTEGER, status TEXT,"
                    + " error_message TEXT)");
            c.createStatement().executeUpdate("INSERT INTO invocations VALUES (1, 'a', '2026-11-20 10:00:00', 'bob', 'chat',"
                    + " 'gpt-5', 10, 5, 15, 0.25, 300, 'success', NULL)");
        }
        // The database by its absolute path: the same bytes come out wherever the output goes.
        write(dir.resolve("dashgen.yaml"), "title: Stamped\ntelemetry: " + dir.resolve("telemetry.db") + "\n"
                + "theme: {templates: theme/templates}\n");
    }

    @Test
    void twoFoldersBuiltFromTheSameInputsHoldTheSameFilesDashgensOwnIncluded() throws Exception {
        assertEquals(0, build("one").exit());
        assertEquals(0, build("deeper/two").exit());
        TreeMap<String, byte[]> one = tree(dir.resolve("one"));
        TreeMap<String, byte[]> two = tree(dir.resolve("deeper/two"));
        assertEquals(one.keySet(), two.keySet());
        assertTrue(one.containsKey(".dashgen/last-build.json") && one.containsKey(".dashgen/manifest.json"), one.keySet()::toString);
        one.forEach((path, bytes) -> assertArrayEquals(bytes, two.get(path), path));
        for (String path : List.of(".dashgen/last-build.json", ".dashgen/manifest.json")) {
            String text = new String(one.get(path), StandardCharsets.UTF_8);
            assertFalse(text.contains(dir.toString()), path + " names no absolute path: " + text);
        }
    }

    @Test
    void anUnchangedBuildSkipsAndRewritesNothingButAThemeEditIsNoticed() throws Exception {
        assertEquals(0, build("site").exit());
        FileTime longAgo = FileTime.fromMillis(946_684_800_000L);
        for (String p : tree(dir.resolve("site")).keySet()) Files.setLastModifiedTime(dir.resolve("site").resolve(p), longAgo);
        Run again = build("site");
        assertTrue(again.out().contains("nothing changed since the last build"), again::toString);
        for (String p : tree(dir.resolve("site")).keySet()) {
            assertEquals(longAgo, Files.getLastModifiedTime(dir.resolve("site").resolve(p)), p);
        }
        write(dir.resolve("theme/templates/404.peb"), "{% extends \"layout\" %}{% block content %}Lost here{% endblock %}");
        Run themed = build("site");
        assertFalse(themed.out().contains("nothing changed"), themed::toString);
        assertTrue(Files.readString(dir.resolve("site/404.html")).contains("Lost here"));
    }

    @Test
    void aTaskFileTouchedOrMovedToAnotherLaneIsNoticed() throws Exception {
        assertEquals(0, build("site").exit());
        Path t2 = dir.resolve("work/collaboration/done/bob/t-2.yaml");
        Files.setLastModifiedTime(t2, FileTime.fromMillis(Files.getLastModifiedTime(t2).toMillis() + 1));
        Run touched = build("site");
        assertFalse(touched.out().contains("nothing changed"), touched::toString);
        assertTrue(build("site").out().contains("nothing changed"), "and then nothing changed again");
        FileTime time = Files.getLastModifiedTime(t2);
        Path moved = dir.resolve("work/collaboration/done/carol/t-2.yaml");
        Files.createDirectories(moved.getParent());
        Files.move(t2, moved);
        Files.setLastModifiedTime(moved, time);
        Run relaned = build("site");
        assertFalse(relaned.out().contains("nothing changed"), relaned::toString);
        assertTrue(Files.readString(dir.resolve("site/data/tasks.json")).contains("carol"));
    }

    /** A build reads more of the repository than the work tree: a change there is a change too. */
    @Test
    void aSpecificationOrAnAgentProfileBesideTheWorkTreeIsNoticed() throws Exception {
        write(dir.resolve("specifications/billing.md"), "# Billing\n");
        assertEquals(0, build("site").exit());
        assertTrue(build("site").out().contains("nothing changed"));
        write(dir.resolve("specifications/billing.md"), "# Billing, revised\n");
        Run spec = build("site");
        assertFalse(spec.out().contains("nothing changed"), spec::toString);
        assertTrue(Files.readString(dir.resolve("site/portfolio.html")).contains("Billing, revised"));
        write(dir.resolve(".github/agents/bob.agent.md"), "---\nname: Bob the reviewer\n---\nReviews every change.\n");
        Run profile = build("site");
        assertFalse(profile.out().contains("nothing changed"), profile::toString);
        assertTrue(build("site").out().contains("nothing changed"), "and then nothing changed again");
    }

    /** A document a task names anywhere in the repository is an input too, though no folder of it is walked. */
    @Test
    void aDocumentATaskNamesElsewhereInTheRepositoryIsNoticedWhenItAppears() throws Exception {
        write(dir.resolve("work/collaboration/inbox/t-3.yaml"), "id: t-3\ntitle: Third\ndependencies: notes/design.md\n");
        assertEquals(0, build("site").exit());
        assertTrue(Files.readString(dir.resolve("site/tasks/t-3.html")).contains("document not found"));
        // The first build learns which documents the tasks name; from the build after it on, they are in the stamp.
        build("site");
        assertTrue(build("site").out().contains("nothing changed"));
        write(dir.resolve("notes/design.md"), "# Design\n");
        Run found = build("site");
        assertFalse(found.out().contains("nothing changed"), found::toString);
        assertFalse(Files.readString(dir.resolve("site/tasks/t-3.html")).contains("document not found"));
        assertTrue(build("site").out().contains("nothing changed"), "and then nothing changed again");
    }

    @Test
    void aDatabaseBehindAJdbcUrlIsReadOnEveryBuild() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("telemetry.db");
        assertEquals(0, run("build", "-c", dir.resolve("dashgen.yaml").toString(), "-t", url, "-o", "site", "--now", NOW).exit());
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().executeUpdate("INSERT INTO invocations VALUES (2, 'b', '2026-11-21 10:00:00', 'bob', 'chat',"
                    + " 'gpt-5', 10, 5, 15, 1.50, 300, 'success', NULL)");
        }
        Run again = run("build", "-c", dir.resolve("dashgen.yaml").toString(), "-t", url, "-o", "site", "--now", NOW);
        assertFalse(again.out().contains("nothing changed"), again::toString);
        assertTrue(Files.readString(dir.resolve("site/data/summary.json")).contains("\"allTime\" : 1.75"),
                Files.readString(dir.resolve("site/data/summary.json")));
    }

    /** One writer per output folder; a killed writer's folder is taken over. */
    @Test
    void aFolderAServeHoldsIsRefusedUntilThatServeIsGone() throws Exception {
        Process serve = start("serve", "-c", dir.resolve("dashgen.yaml").toString(), "-o", "site", "--port", "0", "--now", NOW);
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            for (String line; (line = lines.readLine()) != null && !line.startsWith("http://"); ) seen.add(line);
            Run refused = build("site");
            assertEquals(3, refused.exit(), refused::toString);
            assertTrue(refused.out().contains("output folder site is in use by dashgen serve (pid " + serve.pid() + ")"),
                    refused::toString);
            assertEquals(1, refused.out().lines().count(), "one line: " + refused);
        } finally {
            serve.destroyForcibly(); // kill -9: no shutdown hook runs
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS));
        }
        Run after = build("site");
        assertEquals(0, after.exit(), after::toString);
    }

    private Run build(String out) throws Exception {
        return run("build", "-c", dir.resolve("dashgen.yaml").toString(), "-o", out, "--now", NOW);
    }

    private Run run(String... args) throws Exception {
        Process p = start(args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), out);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
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
