package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.config.Config;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The I/O edge in front of the parser: which files of a work tree are read, and what trouble reading them yields. */
class TaskReaderTest {
    @TempDir
    Path work;

    private void write(String rel, String text) throws IOException {
        write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String rel, byte[] bytes) throws IOException {
        Path p = work.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    private TaskReader.Result read() throws IOException {
        return read(Config.DEFAULT_EXCLUDE);
    }

    private TaskReader.Result read(List<String> exclude) throws IOException {
        return TaskReader.read(work, exclude, LaneSource.FOLDER);
    }

    private static List<String> files(TaskReader.Result r) {
        return r.files().stream().map(ParsedFile::file).toList();
    }

    @Test
    void readsYamlAndYmlInLaneFoldersInPathOrder() throws IOException {
        write("inbox/b.yaml", "id: b\n");
        write("inbox/a.yml", "id: a\n");
        write("assigned/bob/c.YAML", "id: c\n");
        write("done/bob/d.yaml", "id: d\nstatus: done\n");
        write("fridge/e.yaml", "id: e\n");
        write("archive/2025/f.yaml", "id: f\n");
        assertEquals(List.of("archive/2025/f.yaml", "assigned/bob/c.YAML", "done/bob/d.yaml", "fridge/e.yaml",
                "inbox/a.yml", "inbox/b.yaml"), files(read()));
        assertEquals(List.of(), read().problems());
    }

    @Test
    void markdownGitkeepAndHiddenFilesAreIgnored() throws IOException {
        write("inbox/README.md", "# not a task");
        write("inbox/.gitkeep", "");
        write("assigned/bob/.gitkeep", "");
        write("inbox/.t-1.yaml.swp", "x");
        write("inbox/.hidden.yaml", "id: hidden\n");
        write(".git/objects/x.yaml", "not: read\n");
        write("inbox/t-1.yaml", "id: t-1\n");
        TaskReader.Result r = read();
        assertEquals(List.of("inbox/t-1.yaml"), files(r));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void unreadFoldersAreWarnedOnceEach() throws IOException {
        write("completed/a.yaml", "id: a\n");
        write("completed/b.yaml", "id: b\n");
        write("completed/deep/c.yaml", "id: c\n");
        write("old/d.yml", "id: d\n");
        write("notes/readme.md", "no tasks here");
        write("inbox/t-1.yaml", "id: t-1\n");
        TaskReader.Result r = read();
        assertEquals(List.of("inbox/t-1.yaml"), files(r));
        assertEquals(List.of("completed/", "old/"), r.problems().stream().map(Problem::file).toList());
        assertTrue(r.problems().stream().allMatch(p -> p.severity() == Severity.WARNING));
        assertTrue(r.problems().get(0).message().startsWith("3 task file(s) in completed/ are not read"), r.problems()::toString);
        assertTrue(r.problems().get(0).message().contains("add \"completed/**\" to exclude"), r.problems()::toString);
    }

    @Test
    void filesAtTheTopAreWarnedOnce() throws IOException {
        write("a.yaml", "id: a\n");
        write("b.yaml", "id: b\n");
        TaskReader.Result r = read();
        assertEquals(List.of(), files(r));
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).message().startsWith("2 task file(s) at the top of the work tree are not read"));
    }

    @Test
    void backupsAreExcludedByDefault() throws IOException {
        write("backups/2025/inbox/t-1.yaml", "id: t-1\n");
        write("backups/t-2.yaml", "id: t-2\n");
        TaskReader.Result r = read();
        assertEquals(List.of(), files(r));
        assertEquals(List.of(), r.problems());
    }

    @Test
    void configuredExcludesSilenceOtherFolders() throws IOException {
        write("backups/t-1.yaml", "id: t-1\n");
        write("completed/t-2.yaml", "id: t-2\n");
        write("inbox/skip-me.yaml", "id: skip-me\n");
        TaskReader.Result r = read(List.of("completed/**", "inbox/skip-*.yaml"));
        assertEquals(List.of(), files(r));
        assertEquals(List.of("backups/"), r.problems().stream().map(Problem::file).toList());
    }

    @Test
    void aBrokenFileNeverHidesTheOthers() throws IOException {
        write("inbox/a.yaml", "id: a\n");
        write("inbox/b.yaml", "id: [unclosed\n");
        write("inbox/c.yaml", "id: c\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("inbox/d.yaml", "id: d\n");
        TaskReader.Result r = read();
        assertEquals(List.of("a", "d"), r.files().stream().filter(f -> f.task() != null).map(f -> f.task().id()).toList());
        assertEquals(Severity.ERROR, r.files().get(1).problems().get(0).severity());
        assertTrue(r.files().get(2).problems().get(0).message().startsWith("file is not UTF-8"));
    }

    @Test
    void asciiAndUtf8FilesReadAsTheirText() throws IOException {
        write("inbox/plain.yaml", "id: plain\ntitle: Plain ASCII ~\n");
        write("inbox/utf8.yaml", "id: utf8\ntitle: Caf\u00e9 \u2713 \uD83D\uDE80\n");
        write("inbox/empty.yaml", "");
        TaskReader.Result r = read();
        assertEquals("Plain ASCII ~", r.files().get(1).task().title());
        assertEquals("Caf\u00e9 \u2713 \uD83D\uDE80", r.files().get(2).task().title());
        assertNull(r.files().get(0).task(), "an empty file is no task");
    }

    @Test
    void aTwentyMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
        Path big = work.resolve("inbox/big.yaml");
        Files.createDirectories(big.getParent());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(20L * 1024 * 1024); // sparse: the reader must decide on the size alone
        }
        write("inbox/ok.yaml", "id: ok\n");
        TaskReader.Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read());
        ParsedFile bigFile = r.files().get(0);
        assertNull(bigFile.task());
        assertEquals("file is 21.0 MB; task files over 2 MB are not read — move large content into a separate file",
                bigFile.problems().get(0).message());
        assertEquals("ok", r.files().get(1).task().id());
    }

    @Test
    void aFileThatCannotBeReadIsAnError() {
        ParsedFile gone = TaskReader.readOne(work, "inbox/vanished.yaml", LaneSource.FOLDER);
        assertNull(gone.task());
        Problem p = gone.problems().get(0);
        assertEquals(Severity.ERROR, p.severity());
        assertEquals("inbox/vanished.yaml", p.file());
        assertTrue(p.message().startsWith("file cannot be read (NoSuchFileException"), p::toString);
    }

    @Test
    void lanesFromTheStatusFieldWhenConfigured() throws IOException {
        write("inbox/t-1.yaml", "id: t-1\nstatus: blocked\n");
        assertEquals(Lane.BLOCKED, TaskReader.read(work, List.of(), LaneSource.STATUS).files().get(0).task().lane());
    }

    @Test
    void classifyNeedsNoDisk() {
        List<java.nio.file.PathMatcher> ex = TaskReader.matchers(Config.DEFAULT_EXCLUDE);
        assertEquals(TaskReader.Kind.TASK, TaskReader.classify("inbox/t.yaml", ex));
        assertEquals(TaskReader.Kind.IGNORED, TaskReader.classify("inbox/t.md", ex));
        assertEquals(TaskReader.Kind.IGNORED, TaskReader.classify("inbox/.gitkeep", ex));
        assertEquals(TaskReader.Kind.IGNORED, TaskReader.classify("backups/x/t.yaml", ex));
        assertEquals(TaskReader.Kind.UNREAD, TaskReader.classify("completed/t.yaml", ex));
        assertEquals(TaskReader.Kind.UNREAD, TaskReader.classify("t.yaml", ex));
    }
}
