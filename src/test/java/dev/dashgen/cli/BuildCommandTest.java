package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dashgen build}: the site on disk, exit codes, and the output dirs it refuses. */
class BuildCommandTest {
    @TempDir
    Path tmp;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(tmp.resolve("repo"))
                .task("inbox/t-1.yaml", "id: t-1\ntitle: First\npriority: high\ncreated_at: 2026-11-20\n")
                .task("assigned/bob/t-2.yaml", "id: t-2\ntitle: Second\nstatus: in_progress\ndependencies: [t-1]\n")
                .task("done/bob/t-3.yaml", "id: t-3\nstatus: done\ncompleted_at: 2026-11-23T10:00:00Z\n")
                .task("inbox/notes.md", "# not a task\n");
    }

    private Document page(String rel) throws IOException {
        return Jsoup.parse(Files.readString(f.out.resolve(rel)));
    }

    private JsonNode json(String rel) throws IOException {
        return new ObjectMapper().readTree(f.out.resolve(rel).toFile());
    }

    private void assertNothingWritten(Path dir) {
        assertFalse(Files.exists(dir.resolve("index.html")), dir + "/index.html");
        assertFalse(Files.exists(dir.resolve(".dashgen")), dir + "/.dashgen");
        assertFalse(Files.exists(dir.resolve("data")), dir + "/data");
    }

    @Test
    void buildsTheSiteAndPrintsASummary() throws IOException {
        Cli.Run r = f.build();
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().contains("3 tasks from " + f.work), r::toString);
        assertTrue(r.out().contains("Inbox 1 · Assigned 0 · In progress 1"), r::toString);
        assertTrue(r.out().contains("problems: 0 errors, 0 warnings"), r::toString);
        assertTrue(r.out().contains("board: " + f.out.resolve("index.html").toUri()), r::toString);
        assertEquals(List.of("t-1"), page("index.html").select("#lane-inbox .card-id").eachText());
        assertEquals(List.of("../tasks/t-1.html"), page("tasks/t-2.html").select("#dependencies a").eachAttr("href"));
        assertEquals("2026-11-24T12:00:00Z", json("data/summary.json").get("now").asText());
        assertEquals(3, json("data/tasks.json").get("tasks").size());
        assertTrue(Files.exists(f.out.resolve("assets/style.css")));
        assertTrue(Files.exists(f.out.resolve("404.html")));
    }

    @Test
    void quietPrintsNothing() {
        Cli.Run r = f.build("-q");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void twoBuildsAreByteIdentical() {
        Path other = tmp.resolve("other-site");
        assertEquals(0, f.build().exit());
        assertEquals(0, Cli.run("build", "-w", f.work, "-o", other, "-c", f.config, "--now", Cli.NOW).exit());
        TreeMap<String, byte[]> a = Cli.tree(f.out);
        TreeMap<String, byte[]> b = Cli.tree(other);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((path, bytes) -> assertArrayEquals(bytes, b.get(path), path));
    }

    @Test
    void aSecondBuildWritesNothing() throws IOException {
        assertEquals(0, f.build().exit());
        FileTime longAgo = FileTime.fromMillis(946_684_800_000L);
        for (String p : Cli.paths(f.out)) Files.setLastModifiedTime(f.out.resolve(p), longAgo);
        Cli.Run r = f.build();
        assertTrue(r.out().contains("wrote 0 files"), r::toString);
        for (String p : Cli.paths(f.out)) assertEquals(longAgo, Files.getLastModifiedTime(f.out.resolve(p)), p);
    }

    @Test
    void aTaskRemovedFromTheWorkTreeDisappearsButForeignFilesStay() throws IOException {
        assertEquals(0, f.build().exit());
        Cli.write(f.out.resolve("CNAME"), "dash.example.com\n");
        Cli.write(f.out.resolve("tasks/my-notes.html"), "<p>mine</p>");
        assertTrue(Files.exists(f.out.resolve("tasks/t-3.html")));
        Files.delete(f.work.resolve("done/bob/t-3.yaml"));
        Cli.Run r = f.build();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("1 removed"), r::toString);
        assertFalse(Files.exists(f.out.resolve("tasks/t-3.html")));
        assertEquals("dash.example.com\n", Files.readString(f.out.resolve("CNAME")));
        assertEquals("<p>mine</p>", Files.readString(f.out.resolve("tasks/my-notes.html")));
    }

    @Test
    void problemsDoNotFailABuildUnlessStrict() {
        f.task("inbox/bad.yaml", "id: [\n");
        Cli.Run plain = f.build();
        assertEquals(0, plain.exit(), plain::toString);
        assertTrue(plain.out().contains("problems: 1 error, 0 warnings"), plain::toString);
        assertTrue(plain.out().contains("inbox/bad.yaml:2:1: error: YAML cannot be parsed"), plain::toString);
        Cli.Run strict = f.build("--strict");
        assertEquals(1, strict.exit(), strict::toString);
        assertTrue(Files.exists(f.out.resolve("index.html")), "the site is still written");
    }

    @Test
    void warningsAloneFailAStrictBuild() {
        f.task("inbox/t-4.yaml", "id: t-4\npriority: someday\n");
        assertEquals(0, f.build().exit());
        assertEquals(1, f.build("--strict").exit());
    }

    @Test
    void aCleanStrictBuildSucceeds() {
        assertEquals(0, f.build("--strict").exit());
    }

    @Test
    void unknownConfigKeysAreProblemsWithTheClosestKey() throws IOException {
        f.config("titel: My board\n");
        Cli.Run r = f.build();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("unknown key \"titel\"; did you mean \"title\"?"), r::toString);
        assertEquals(1, json("data/summary.json").get("problems").get("warning").asInt());
        assertEquals(1, f.build("--strict").exit());
    }

    @Test
    void configPathsAreRelativeToTheConfigFile() throws IOException {
        f.config("title: Team\nwork: work/collaboration\nout: public\nlanes:\n  labels: {inbox: Queue}\n");
        Cli.Run r = Cli.run("build", "-c", f.config, "--now", Cli.NOW);
        assertEquals(0, r.exit(), r::toString);
        Document board = Jsoup.parse(Files.readString(f.root.resolve("public/index.html")));
        assertEquals("Board · Team", board.title());
        assertEquals("Queue", board.selectFirst("#lane-inbox h2 a").text());
    }

    @Test
    void laneSourceStatusFromTheConfig() throws IOException {
        f.config("lanes:\n  source: status\n").task("inbox/t-5.yaml", "id: t-5\nstatus: blocked\n");
        assertEquals(0, f.build().exit());
        assertEquals(List.of("t-5"), page("index.html").select("#lane-blocked .card-id").eachText());
    }

    // --- usage errors: exit 2, one line, nothing written ---------------------------------------

    @Test
    void anUnknownFlagIsAUsageError() {
        Cli.Run r = f.build("--colour");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("--colour"), r::toString);
        assertNothingWritten(f.out);
    }

    @Test
    void aBadNowIsAUsageError() {
        Cli.Run r = Cli.run("build", "-w", f.work, "-o", f.out, "-c", f.config, "--now", "yesterday");
        assertEquals(2, r.exit(), r::toString);
        assertEquals("dashgen: --now \"yesterday\" is not a timestamp — use ISO-8601 such as 2026-11-24T12:00:00Z",
                r.err().strip());
        assertNothingWritten(f.out);
    }

    @Test
    void aMissingWorkTreeIsAUsageError() {
        Path missing = tmp.resolve("nowhere");
        Cli.Run r = Cli.run("build", "-w", missing, "-o", f.out, "-c", f.config, "--now", Cli.NOW);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dashgen: work tree " + missing + " not found"), r::toString);
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertNothingWritten(f.out);
    }

    @Test
    void aMissingConfigFileIsAUsageError() {
        Cli.Run r = Cli.run("build", "-w", f.work, "-o", f.out, "-c", tmp.resolve("nope.yaml"), "--now", Cli.NOW);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("config file " + tmp.resolve("nope.yaml") + " not found"), r::toString);
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, Cli.run().exit());
        assertEquals(2, Cli.run("frobnicate").exit());
    }

    @Test
    void versionAndHelpSucceed() {
        Cli.Run v = Cli.run("--version");
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("dashgen "), v::toString);
        assertEquals(0, Cli.run("build", "--help").exit());
    }

    // --- output dirs the build refuses ---------------------------------------------------------

    private void assertRefused(Path out, String why) {
        TreeMap<String, byte[]> before = Cli.tree(f.root);
        Cli.Run r = Cli.run("build", "-w", f.work, "-o", out, "-c", f.config, "--now", Cli.NOW);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains(why), r::toString);
        assertEquals("", r.out());
        TreeMap<String, byte[]> after = Cli.tree(f.root);
        assertEquals(before.keySet(), after.keySet(), "no file added or removed");
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
    }

    @Test
    void theWorkTreeIsRefused() {
        assertRefused(f.work, "is the work tree");
    }

    @Test
    void aFolderContainingTheWorkTreeIsRefused() {
        assertRefused(f.root, "contains the work tree");
        assertRefused(f.root.resolve("work"), "contains the work tree");
    }

    @Test
    void aFolderInsideTheWorkTreeIsRefused() {
        assertRefused(f.work.resolve("_site"), "is inside the work tree");
        assertFalse(Files.exists(f.work.resolve("_site")));
    }

    @Test
    void theCurrentDirectoryIsRefused() {
        Path cwd = Path.of("").toAbsolutePath();
        boolean hadIndex = Files.exists(cwd.resolve("index.html"));
        assertRefused(cwd, "is the current directory");
        assertEquals(hadIndex, Files.exists(cwd.resolve("index.html")));
    }

    @Test
    void theFilesystemRootIsRefused() {
        Path fsRoot = tmp.getRoot();
        boolean hadIndex = Files.exists(fsRoot.resolve("index.html"));
        assertRefused(fsRoot, "is a filesystem root");
        assertEquals(hadIndex, Files.exists(fsRoot.resolve("index.html")));
    }

    @Test
    void theHomeDirectoryIsRefused() {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath();
        boolean hadIndex = Files.exists(home.resolve("index.html"));
        assertRefused(home, "is the home directory");
        assertEquals(hadIndex, Files.exists(home.resolve("index.html")));
    }

    @Test
    void aFileIsRefused() {
        Path file = Cli.write(f.root.resolve("site.txt"), "x");
        assertRefused(file, "is a file");
    }

    // --- I/O errors: exit 3 ---------------------------------------------------------------------

    @Test
    void anOutputDirThatCannotBeCreatedIsAnIoError() {
        Path blocked = Cli.write(tmp.resolve("plain-file"), "x").resolve("_site");
        Cli.Run r = Cli.run("build", "-w", f.work, "-o", blocked, "-c", f.config, "--now", Cli.NOW);
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().startsWith("dashgen: "), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Path blocked = Cli.write(tmp.resolve("plain-file"), "x").resolve("_site");
        Cli.Run r = Cli.run("build", "-w", f.work, "-o", blocked, "-c", f.config, "--now", Cli.NOW, "--verbose");
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.err().contains("\tat "), r::toString);
    }
}
