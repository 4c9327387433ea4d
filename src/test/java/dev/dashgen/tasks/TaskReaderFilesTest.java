package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a task set from files in memory (a commit's tree, for --at) gives what reading the same files from disk gives. */
class TaskReaderFilesTest {
    @TempDir
    Path work;

    @Test
    void theSameFilesGiveTheSameTasksAndProblems() throws Exception {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("inbox/a.yaml", bytes("id: a\ntitle: A\npriority: urgent\n"));
        files.put("assigned/bob/b.yml", bytes("id: b\nstatus: done\n"));
        files.put("done/bob/c.yaml", bytes("- not\n- a mapping\n"));
        files.put("done/bob/latin.yaml", "id: latin\ntitle: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        files.put("archive/2026-01/d.yaml", bytes("id: d\n"));
        files.put("fridge/big.yaml", new byte[YamlMapping.MAX_CHARS + 10]);
        files.put("completed/e.yaml", bytes("id: e\n"));
        files.put("backups/a.yaml", bytes("id: a\n"));
        files.put("loose.yaml", bytes("id: loose\n"));
        files.put(".hidden/f.yaml", bytes("id: f\n"));
        files.put("inbox/notes.md", bytes("# notes\n"));
        for (var e : files.entrySet()) {
            Path p = work.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        TaskReader.Result disk = TaskReader.read(work, List.of("backups/**"), LaneSource.FOLDER);
        TaskReader.Result memory = TaskReader.read(files, List.of("backups/**"), LaneSource.FOLDER);
        assertEquals(disk, memory);
        assertEquals(List.of("archive/2026-01/d.yaml", "assigned/bob/b.yml", "done/bob/c.yaml", "done/bob/latin.yaml",
                "fridge/big.yaml", "inbox/a.yaml"), memory.files().stream().map(ParsedFile::file).toList());
        assertEquals(2, memory.problems().size(), "completed/ and the file at the top are not read: " + memory.problems());
        assertTrue(Stream.of("fridge/big.yaml", "done/bob/latin.yaml", "done/bob/c.yaml").allMatch(f -> memory.files().stream()
                .anyMatch(p -> p.file().equals(f) && p.task() == null && !p.problems().isEmpty())));
        assertEquals(disk, TaskReader.read(files, List.of("backups/**"), LaneSource.FOLDER), "and again");
        assertEquals(3, TaskReader.read(files, List.of(), LaneSource.FOLDER).problems().size(), "backups/ unread without the exclude");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
