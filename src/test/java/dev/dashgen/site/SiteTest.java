package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A patched site reads exactly like the whole site it stands for. */
class SiteTest {

    private static Content c(String text) {
        return Content.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SortedMap<String, String> text(Site site) {
        SortedMap<String, String> out = new TreeMap<>();
        site.files().forEach((p, b) -> out.put(p, new String(b, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void aPatchPutsReplacesAndTakesOut() {
        Site whole = Site.owning(new TreeMap<>(Map.of("index.html", c("board"), "tasks/a.html", c("a"), "lanes/inbox-2.html", c("p2"))));
        Site next = Site.patched(whole, Map.of("tasks/a.html", c("a2"), "tasks/b.html", c("b")), List.of("lanes/inbox-2.html"));
        assertEquals(Map.of("index.html", "board", "tasks/a.html", "a2", "tasks/b.html", "b"), text(next));
        assertEquals(3, next.size());
        assertNull(next.get("lanes/inbox-2.html"));
        assertEquals("board", new String(next.get("index.html").bytes(), StandardCharsets.UTF_8));
        // The whole site it patched is as it was.
        assertEquals(Map.of("index.html", "board", "tasks/a.html", "a", "lanes/inbox-2.html", "p2"), text(whole));
    }

    @Test
    void aPathTakenOutAndPutBackIsThere() {
        Site whole = Site.owning(new TreeMap<>(Map.of("agents/x.html", c("x"))));
        Site gone = Site.patched(whole, Map.of(), List.of("agents/x.html"));
        Site back = Site.patched(gone, Map.of("agents/x.html", c("x again")), List.of());
        assertEquals(0, gone.size());
        assertEquals(Map.of("agents/x.html", "x again"), text(back));
        assertEquals(1, back.size());
    }

    /** Random patches on patches, some long enough to be made whole again, against a plain map. */
    @Test
    void patchesOnPatchesMatchAPlainMap() {
        Random random = new Random(11);
        TreeMap<String, String> expected = new TreeMap<>();
        TreeMap<String, Content> first = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            expected.put("tasks/t-" + i + ".html", "t" + i);
            first.put("tasks/t-" + i + ".html", c("t" + i));
        }
        Site site = Site.owning(first);
        int wholeAgain = 0;
        for (int step = 0; step < 500; step++) {
            Map<String, Content> put = new TreeMap<>();
            List<String> gone = new ArrayList<>();
            for (int n = random.nextInt(60); n > 0; n--) {
                String path = "tasks/t-" + random.nextInt(8000) + ".html";
                if (random.nextInt(4) == 0) {
                    if (!put.containsKey(path)) gone.add(path);
                } else if (!gone.contains(path)) {
                    put.put(path, c("v" + step));
                }
            }
            site = Site.patched(site, put, gone);
            gone.forEach(expected::remove);
            for (String p : put.keySet()) expected.put(p, "v" + step);
            assertEquals(expected, text(site), "step " + step);
            assertEquals(expected.size(), site.size(), "step " + step);
            assertEquals(site, Site.owning(new TreeMap<>(site.contents())));
            if (site.whole()) wholeAgain++;
        }
        assertTrue(wholeAgain > 0, "some patches grew past the limit and were made whole again");
    }
}
