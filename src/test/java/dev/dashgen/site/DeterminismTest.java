package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §4: the same inputs and the same now give byte-identical output. */
class DeterminismTest {

    private static Map<String, String> workTree() {
        Map<String, String> files = new LinkedHashMap<>();
        String[] folders = {"inbox/", "assigned/bob/", "assigned/amy/", "done/bob/", "fridge/", "archive/"};
        String[] statuses = {"new", "in_progress", "blocked", "done", "error", "wat"};
        String[] priorities = {"critical", "High", "medium", "normal", "low", "urgent"};
        for (int i = 0; i < 300; i++) {
            String id = "t-" + (i % 290); // some duplicate ids
            files.put(folders[i % folders.length] + "f" + i + ".yaml", "id: " + id + "\ntitle: Task " + i + " ünïcode\n"
                    + "status: " + statuses[i % statuses.length] + "\npriority: " + priorities[i % priorities.length] + "\n"
                    + "created_at: 2026-0" + (1 + i % 9) + "-1" + (i % 10) + " 10:00:00\n"
                    + (i % 4 == 0 ? "completed_at: 2026-10-" + (10 + i % 20) + "\n" : "")
                    + "dependencies: [t-" + ((i * 7) % 300) + ", t-" + ((i * 13) % 310) + "]\n"
                    + "owner: o" + (i % 5) + "\ndescription: \"**bold** [link](x/" + i + ".md)\"\n");
        }
        files.put("inbox/broken.yaml", "id: [\n");
        return files;
    }

    private static Site build(Map<String, String> files) {
        return Sites.build(Config.DEFAULTS, files);
    }

    private static void assertSameBytes(Site a, Site b) {
        assertEquals(a.files().keySet(), b.files().keySet());
        a.files().forEach((path, bytes) -> assertArrayEquals(bytes, b.files().get(path), path));
    }

    @Test
    void twoBuildsAreByteIdentical() {
        assertSameBytes(build(workTree()), build(workTree()));
    }

    @Test
    void theOrderFilesAreReadInDoesNotMatter() {
        Map<String, String> files = workTree();
        List<Map.Entry<String, String>> entries = new ArrayList<>(files.entrySet());
        Collections.shuffle(entries, new Random(42));
        Map<String, String> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
        assertSameBytes(build(files), build(shuffled));
    }

    @Test
    void aBuilderThatRemembersPagesGivesTheSameBytesAsAFreshOne() {
        Map<String, String> files = workTree();
        dev.dashgen.engine.Engine engine = new dev.dashgen.engine.Engine();
        Workspace ws = Sites.workspace(Config.DEFAULTS, files);
        dev.dashgen.engine.Build first = engine.build(Sites.inputs(ws, Config.DEFAULTS, Sites.NOW, null));
        files.put("inbox/f0.yaml", "id: t-0\ntitle: Edited\n");
        files.remove("assigned/bob/f1.yaml");
        Workspace edited = Sites.workspace(Config.DEFAULTS, files);
        Site incremental = engine.complete(engine.build(Sites.inputs(edited, Config.DEFAULTS, Sites.NOW, null), first,
                new dev.dashgen.engine.Change.TasksAddedOrRemoved(java.util.Set.of("inbox/f0.yaml", "assigned/bob/f1.yaml")))).site();
        assertSameBytes(build(files), incremental);
    }

    @Test
    void anotherNowChangesTheOutput() {
        Workspace ws = Sites.workspace(Config.DEFAULTS, workTree());
        Site a = Sites.build(Sites.inputs(ws, Config.DEFAULTS, Sites.NOW, null));
        Site b = Sites.build(Sites.inputs(ws, Config.DEFAULTS, Sites.NOW.plusSeconds(86_400), null));
        assertNotEquals(new String(a.files().get("index.html")), new String(b.files().get("index.html")));
    }
}
