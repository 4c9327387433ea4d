package dev.dashgen.output;

import dev.dashgen.site.Content;
import dev.dashgen.site.Site;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRODUCT.md §4: atomic writes only when bytes change, and a manifest so only our own files are ever deleted. */
class SiteWriterTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(946_684_800_000L);

    @TempDir
    Path dir;
    Path out;

    @BeforeEach
    void setUp() {
        out = dir.resolve("_site");
    }

    private static Site site(String... pathAndText) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) files.put(pathAndText[i], pathAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        return new Site(new TreeMap<>(files));
    }

    private String read(String rel) throws IOException {
        return Files.readString(out.resolve(rel));
    }

    private List<String> filesOnDisk(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void aFirstWriteWritesEveryFileAndAManifest() throws IOException {
        SiteWriter.Result r = new SiteWriter(out).write(site("index.html", "board", "tasks/a.html", "a", "data/tasks.json", "{}"));
        assertEquals(List.of("data/tasks.json", "index.html", "tasks/a.html"), r.written());
        assertEquals(0, r.unchanged());
        assertEquals("board", read("index.html"));
        assertEquals(List.of(".dashgen/manifest.json", "data/tasks.json", "index.html", "tasks/a.html"), filesOnDisk(out));
    }

    @Test
    void aSecondBuildWritesNothing() throws IOException {
        Site site = site("index.html", "board", "tasks/a.html", "a");
        new SiteWriter(out).write(site);
        for (String f : filesOnDisk(out)) Files.setLastModifiedTime(out.resolve(f), LONG_AGO);
        SiteWriter.Result r = new SiteWriter(out).write(site);
        assertEquals(List.of(), r.written());
        assertEquals(2, r.unchanged());
        assertEquals(List.of(), r.removed());
        for (String f : filesOnDisk(out)) assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve(f)), f);
    }

    @Test
    void onlyChangedFilesAreRewritten() throws IOException {
        new SiteWriter(out).write(site("index.html", "board", "tasks/a.html", "a"));
        Files.setLastModifiedTime(out.resolve("index.html"), LONG_AGO);
        SiteWriter.Result r = new SiteWriter(out).write(site("index.html", "board", "tasks/a.html", "a2"));
        assertEquals(List.of("tasks/a.html"), r.written());
        assertEquals("a2", read("tasks/a.html"));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("index.html")));
    }

    @Test
    void aFileDeletedByHandIsWrittenAgain() throws IOException {
        new SiteWriter(out).write(site("index.html", "board"));
        Files.delete(out.resolve("index.html"));
        assertEquals(List.of("index.html"), new SiteWriter(out).write(site("index.html", "board")).written());
        assertEquals("board", read("index.html"));
    }

    @Test
    void aPageTheSiteNoLongerHasIsRemovedWithItsEmptyFolder() throws IOException {
        new SiteWriter(out).write(site("index.html", "board", "tasks/gone.html", "x", "lanes/inbox.html", "l"));
        SiteWriter.Result r = new SiteWriter(out).write(site("index.html", "board", "lanes/inbox.html", "l"));
        assertEquals(List.of("tasks/gone.html"), r.removed());
        assertFalse(Files.exists(out.resolve("tasks")));
        assertEquals(List.of(".dashgen/manifest.json", "index.html", "lanes/inbox.html"), filesOnDisk(out));
    }

    @Test
    void filesTheUserPutThereAreNeverDeleted() throws IOException {
        Files.createDirectories(out.resolve("tasks"));
        Files.writeString(out.resolve("CNAME"), "example.com");
        Files.writeString(out.resolve("tasks/notes.html"), "mine");
        new SiteWriter(out).write(site("index.html", "board", "tasks/a.html", "a"));
        new SiteWriter(out).write(site("index.html", "board2"));
        new SiteWriter(out).write(site());
        assertEquals("example.com", read("CNAME"));
        assertEquals("mine", read("tasks/notes.html"));
        assertEquals(List.of(".dashgen/manifest.json", "CNAME", "tasks/notes.html"), filesOnDisk(out));
    }

    @Test
    void aDamagedManifestCostsARewriteAndDeletesNothing() throws IOException {
        new SiteWriter(out).write(site("index.html", "board", "tasks/a.html", "a"));
        Files.writeString(out.resolve(".dashgen/manifest.json"), "{ not json");
        SiteWriter.Result r = new SiteWriter(out).write(site("index.html", "board"));
        assertEquals(List.of("index.html"), r.written());
        assertEquals(List.of(), r.removed());
        assertTrue(Files.exists(out.resolve("tasks/a.html")));
    }

    @Test
    void aManifestNamingFilesOutsideTheOutputDirDeletesNothingThere() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.createDirectories(out.resolve(".dashgen"));
        Files.writeString(out.resolve(".dashgen/manifest.json"),
                "{\"../victim.txt\": \"00\", \"" + victim.toAbsolutePath().toString().replace("\\", "\\\\") + "\": \"00\"}");
        SiteWriter.Result r = new SiteWriter(out).write(site("index.html", "board"));
        assertEquals(List.of(), r.removed());
        assertEquals("keep me", Files.readString(victim));
    }

    @Test
    void aSitePathThatEscapesIsRefused() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new SiteWriter(out).write(site("../escaped.html", "x")));
        assertThrows(IllegalArgumentException.class, () -> new SiteWriter(out).write(site("/tmp/escaped.html", "x")));
        assertThrows(IllegalArgumentException.class, () -> new SiteWriter(out).write(site("a\\..\\..\\escaped.html", "x")));
        assertFalse(Files.exists(dir.resolve("escaped.html")));
    }

    @Test
    void noTemporaryFilesAreLeftBehind() throws IOException {
        SiteWriter w = new SiteWriter(out);
        w.write(site("index.html", "a", "tasks/x.html", "x"));
        w.write(site("index.html", "b", "tasks/x.html", "y"));
        List<String> files = filesOnDisk(out);
        assertTrue(files.stream().noneMatch(f -> f.contains("dashgen-tmp")), files::toString);
    }

    @Test
    void anIncrementalUpdateWritesOnlyWhatChanged() throws IOException {
        Site before = site("index.html", "board", "tasks/a.html", "a", "tasks/b.html", "b");
        SiteWriter w = new SiteWriter(out);
        w.write(before);
        Site after = site("index.html", "board", "tasks/a.html", "a2", "tasks/c.html", "c");
        SiteWriter.Result r = w.update(before, after, List.of(), List.of(), true);
        w.finish();
        assertEquals(List.of("tasks/a.html", "tasks/c.html"), r.written());
        assertEquals(List.of("tasks/b.html"), r.removed());
        assertEquals("a2", read("tasks/a.html"));
        assertFalse(Files.exists(out.resolve("tasks/b.html")));
        // the manifest now describes the new site: a fresh writer sees nothing to do
        assertEquals(List.of(), new SiteWriter(out).write(after).written());
    }

    /** The engine names the paths it rendered and those gone: only those are compared, written or removed. */
    @Test
    void anUpdateOfNamedPathsWritesThoseWhoseBytesDifferAndRemovesThoseGone() throws IOException {
        Site before = site("index.html", "board", "tasks/a.html", "a", "tasks/b.html", "b");
        SiteWriter w = new SiteWriter(out);
        w.write(before);
        Site after = site("index.html", "board", "tasks/a.html", "a2", "tasks/c.html", "c");
        SiteWriter.Result r = w.update(before, after, List.of("index.html", "tasks/a.html", "tasks/c.html"),
                List.of("tasks/b.html"), false);
        w.finish();
        assertEquals(List.of("tasks/a.html", "tasks/c.html"), r.written());
        assertEquals(List.of("tasks/b.html"), r.removed());
        assertEquals(List.of(), new SiteWriter(out).write(after).written(), "the manifest names the new site");
    }

    /** The manifest is JSON whatever the paths hold; after updates it names exactly the files of the site. */
    @Test
    void theManifestAfterUpdatesIsJsonNamingEachFileOnce() throws IOException {
        Site before = site("index.html", "board", "assets/na\u00efve \"quoted\".css", "a {}");
        SiteWriter w = new SiteWriter(out);
        w.write(before);
        Site after = site("index.html", "board 2", "assets/na\u00efve \"quoted\".css", "a {}", "tasks/x.html", "x");
        w.update(before, after, List.of(), List.of(), true);
        w.finish();
        Map<String, String> manifest = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                out.resolve(".dashgen/manifest.json").toFile(), new com.fasterxml.jackson.core.type.TypeReference<TreeMap<String, String>>() {});
        assertEquals(List.of("assets/na\u00efve \"quoted\".css", "index.html", "tasks/x.html"), List.copyOf(manifest.keySet()));
        assertEquals(List.of(), new SiteWriter(out).write(after).written(), "each hash matches the file");
    }

    @Test
    void writtenBytesAreExact() throws IOException {
        byte[] bytes = {0, (byte) 0xFF, 10, 13, 'x'};
        new SiteWriter(out).write(new Site(new TreeMap<>(Map.of("bin.dat", bytes))));
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("bin.dat")));
    }

    @Test
    void bigFilesAreWrittenAndReplacedExactly() throws IOException {
        byte[] first = new byte[3 * 1024 * 1024 + 7];
        byte[] second = new byte[2 * 1024 * 1024 + 3];
        new java.util.Random(5).nextBytes(first);
        new java.util.Random(6).nextBytes(second);
        SiteWriter w = new SiteWriter(out);
        Site before = new Site(new TreeMap<>(Map.of("data/tasks.json", first)));
        w.write(before);
        assertArrayEquals(first, Files.readAllBytes(out.resolve("data/tasks.json")));
        w.update(before, new Site(new TreeMap<>(Map.of("data/tasks.json", second))), List.of(), List.of(), true);
        assertArrayEquals(second, Files.readAllBytes(out.resolve("data/tasks.json")));
        w.finish();
        assertEquals(List.of("tasks.json"), filesOnDisk(out.resolve("data")));
    }

    @Test
    void oldBytesOfAnUpdateAreDeletedWhenItFinishes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSwap.exchanges(), "only exchanged names leave old bytes behind");
        Site before = site("index.html", "old board");
        SiteWriter w = new SiteWriter(out);
        w.write(before);
        w.update(before, site("index.html", "new board"), List.of(), List.of(), true);
        // Until then the old bytes wait under the temporary name, out of the site's way.
        assertEquals("new board", read("index.html"));
        assertEquals("old board", read(".index.html.dashgen-tmp"));
        w.finish();
        assertEquals(List.of("index.html"), filesOnDisk(out).stream().filter(f -> !f.startsWith(".dashgen")).toList());
    }

    @Test
    void onLinuxAReplacementExchangesNamesRatherThanRenamingOver() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "renameat2 is Linux's");
        SiteWriter w = new SiteWriter(out);
        w.write(site("index.html", "a"));
        w.write(site("index.html", "b"));
        assertEquals("b", read("index.html"));
        assertTrue(FileSwap.exchanges(), "renameat2(RENAME_EXCHANGE) should be in use: JNA failed to load or the call failed");
    }
}
