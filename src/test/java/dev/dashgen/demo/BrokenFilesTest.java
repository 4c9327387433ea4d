package dev.dashgen.demo;

import static dev.dashgen.demo.TaskFiles.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.error.YAMLException;

/** Broken files: exactly as many as asked, each kind in turn, spread over the folders, and really broken. */
class BrokenFilesTest {

    @ParameterizedTest
    @CsvSource({"100, 0", "100, 1", "100, 6", "200, 13", "20, 20", "3, 3"})
    void writesExactlyTheRequestedNumberOfBrokenFiles(int tasks, int broken) {
        DemoWorkspace workspace = DemoGenerator.generate(options(tasks, 0, 29, broken));
        assertEquals(broken, workspace.brokenFiles().size());
        assertEquals(tasks, workspace.taskFiles());
        for (String path : workspace.brokenFiles().keySet()) {
            assertTrue(workspace.files().containsKey(path), path);
            assertFalse(path.startsWith("backups/"), path);
        }
    }

    @Test
    void cyclesThroughTheKinds() {
        DemoWorkspace workspace = DemoGenerator.generate(options(300, 0, 31, 14));
        Map<BrokenKind, Integer> kinds = new EnumMap<>(BrokenKind.class);
        workspace.brokenFiles().values().forEach(kind -> kinds.merge(kind, 1, Integer::sum));
        assertEquals(Map.of(BrokenKind.UNPARSEABLE_YAML, 3, BrokenKind.DANGLING_DEPENDENCY, 3, BrokenKind.DUPLICATE_ID, 2,
                BrokenKind.NOT_A_MAPPING, 2, BrokenKind.UNREADABLE_TIMESTAMP, 2, BrokenKind.NOT_UTF8, 2), kinds);
    }

    @Test
    void spreadsOverTheFolders() {
        DemoWorkspace workspace = DemoGenerator.generate(options(300, 0, 37, 10));
        Set<String> folders = new TreeSet<>();
        workspace.brokenFiles().keySet().forEach(path -> folders.add(TaskFiles.topFolder(path)));
        assertEquals(new TreeSet<>(DemoLane.FOLDERS), folders);
    }

    /** Each broken file, judged from its bytes alone, is broken in the way the workspace says. */
    @Test
    void eachBrokenFileIsBrokenTheWayItSays() {
        assertClassifiedCorrectly(DemoGenerator.generate(options(300, 0, 41, 24)));
    }

    @Test
    void evenWhenEveryTaskIsBroken() {
        assertClassifiedCorrectly(DemoGenerator.generate(options(12, 0, 43, 12)));
    }

    @Test
    void onlyTheNonUtf8FileIsNotUtf8() {
        DemoWorkspace workspace = DemoGenerator.generate(options(100, 0, 47, 6));
        List<String> notUtf8 = new ArrayList<>();
        for (String path : workspace.files().keySet()) {
            if (!TaskFiles.isUtf8(workspace.bytes(path))) notUtf8.add(path);
        }
        assertEquals(List.copyOf(workspace.latin1Files()), notUtf8);
        assertEquals(1, notUtf8.size());
        assertEquals(BrokenKind.NOT_UTF8, workspace.brokenFiles().get(notUtf8.get(0)));
    }

    private static void assertClassifiedCorrectly(DemoWorkspace workspace) {
        Map<String, Object> loaded = new HashMap<>();
        Map<String, List<String>> filesById = new HashMap<>();
        for (String path : workspace.files().keySet()) {
            if (!TaskFiles.isTaskFile(path) || path.startsWith("backups/")) continue;
            try {
                byte[] bytes = workspace.bytes(path);
                Object yaml = TaskFiles.load(new String(bytes, TaskFiles.isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1));
                loaded.put(path, yaml);
                if (yaml instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked") String id = TaskFiles.id((Map<String, Object>) map);
                    filesById.computeIfAbsent(id, k -> new ArrayList<>()).add(path);
                }
            } catch (YAMLException e) {
                loaded.put(path, e);
            }
        }
        Set<String> ids = new HashSet<>(filesById.keySet());
        for (Map.Entry<String, BrokenKind> broken : workspace.brokenFiles().entrySet()) {
            String path = broken.getKey();
            assertEquals(broken.getValue(), classify(workspace.bytes(path), loaded.get(path), filesById, ids), path);
        }
        for (String path : loaded.keySet()) {
            if (workspace.brokenFiles().containsKey(path)) continue;
            Object yaml = loaded.get(path);
            assertTrue(yaml instanceof Map, path + " should be a healthy mapping");
        }
    }

    @SuppressWarnings("unchecked")
    private static BrokenKind classify(byte[] bytes, Object yaml, Map<String, List<String>> filesById, Set<String> ids) {
        if (!TaskFiles.isUtf8(bytes)) return BrokenKind.NOT_UTF8;
        if (yaml instanceof YAMLException) return BrokenKind.UNPARSEABLE_YAML;
        if (yaml instanceof List) return BrokenKind.NOT_A_MAPPING;
        Map<String, Object> task = (Map<String, Object>) yaml;
        if (!ids.containsAll(TaskFiles.dependencies(task))) return BrokenKind.DANGLING_DEPENDENCY;
        if (TaskFiles.instant(TaskFiles.created(task)) == null) return BrokenKind.UNREADABLE_TIMESTAMP;
        // Last: the original a duplicate copies may itself be broken in one of the ways above.
        if (filesById.getOrDefault(TaskFiles.id(task), List.of()).size() > 1) return BrokenKind.DUPLICATE_ID;
        return null;
    }
}
