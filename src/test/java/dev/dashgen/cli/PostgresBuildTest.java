package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.telemetry.PgDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dashgen build -t jdbc:postgresql://…} as a user runs it: the demo's telemetry copied into PostgreSQL gives
 * the very site the SQLite file gives, and the password (an easy one to grep for) appears nowhere: not in any file
 * written, not on stdout or stderr, not in the step summary, whether it is right or wrong, in the URL or in
 * PGPASSWORD.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresBuildTest {

    static final String SECRET = "Zebra-Secret-Grep-Me-4711";

    Path dir;
    Path demo;
    PgDatabase pg;

    @BeforeAll
    void demoInPostgres(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        demo = dir.resolve("demo");
        Cli.Run r = Cli.run("demo", "--out", demo, "--tasks", "60", "--invocations", "4000", "--seed", "11", "--now", Cli.NOW);
        assertEquals(0, r.exit(), r::toString);
        pg = PgDatabase.create();
        pg.copy(demo.resolve("telemetry.db"), PgDatabase.Timestamps.TEXT);
        pg.reader("dashgen_site", SECRET);
    }

    @AfterAll
    void drop() throws Exception {
        if (pg != null) pg.close();
    }

    private Cli.Run build(Path out, Object... more) {
        return Cli.run(Fixture.concat(new Object[] {"build", "-c", demo.resolve("dashgen.yaml"), "-o", out, "--now", Cli.NOW,
                "-v"}, more));
    }

    @Test
    void theSameSiteAsFromTheSqliteFileAndNoPasswordAnywhere() throws IOException {
        Path fromSqlite = dir.resolve("site-sqlite");
        Path fromPostgres = dir.resolve("site-pg");
        Path summary = dir.resolve("summary.md");
        Cli.Run sqlite = build(fromSqlite);
        Cli.Run postgres = build(fromPostgres, "-t", pg.url("dashgen_site", SECRET), "--summary", summary);
        assertEquals(0, sqlite.exit(), sqlite::toString);
        assertEquals(0, postgres.exit(), postgres::toString);
        Map<String, byte[]> expected = site(fromSqlite);
        Map<String, byte[]> actual = site(fromPostgres);
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differing = new ArrayList<>();
        expected.forEach((path, bytes) -> {
            if (!java.util.Arrays.equals(bytes, actual.get(path))) differing.add(path);
        });
        assertEquals(List.of(), differing, "every page and data file as from SQLite");
        assertTrue(Files.readString(summary).contains("Cost this month:"), Files.readString(summary));
        assertNoSecret(fromPostgres, postgres.out() + postgres.err() + Files.readString(summary));
    }

    @Test
    void aWrongPasswordIsOneLineWithoutIt() throws IOException {
        Path out = dir.resolve("site-wrong");
        Path summary = dir.resolve("summary-wrong.md");
        String wrong = "Wrong-" + SECRET;
        Cli.Run r = build(out, "-t", pg.url("dashgen_site", wrong), "--summary", summary);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("cost: no cost pages — telemetry database 'jdbc:postgresql://" + pg.hostPort() + "/"
                + pg.name() + "?user=dashgen_site&password=***' refused the password"), r::toString);
        assertFalse(Files.exists(out.resolve("costs.html")));
        assertNoSecret(out, r.out() + r.err() + Files.readString(summary));
    }

    /** PGPASSWORD is read from the environment, so this build runs as its own process. */
    @Test
    void passwordFromPgpasswordInAProcessOfItsOwn() throws Exception {
        Path out = dir.resolve("site-env");
        Path log = dir.resolve("env.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "-c",
                demo.resolve("dashgen.yaml").toString(), "-o", out.toString(), "--now", Cli.NOW, "-v", "-t",
                pg.url("dashgen_site", null)).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PGPASSWORD", SECRET);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the build finished");
        String printed = Files.readString(log);
        assertEquals(0, p.exitValue(), printed);
        assertTrue(Files.exists(out.resolve("costs.html")), printed);
        assertNoSecret(out, printed);
    }

    /** Every page and data file, without dashgen's own bookkeeping (which names its folder). */
    private static Map<String, byte[]> site(Path out) {
        Map<String, byte[]> files = new TreeMap<>(Cli.tree(out));
        files.keySet().removeIf(path -> path.startsWith(".dashgen/"));
        return files;
    }

    private static void assertNoSecret(Path out, String printed) {
        assertFalse(printed.contains(SECRET), printed);
        for (Map.Entry<String, byte[]> file : Cli.tree(out).entrySet()) {
            assertFalse(new String(file.getValue(), StandardCharsets.ISO_8859_1).contains(SECRET), file.getKey());
        }
    }
}
