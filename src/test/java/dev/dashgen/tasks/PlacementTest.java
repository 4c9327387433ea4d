package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Where a path places a task, and which files are task files, as PRODUCT.md §2 defines them by folder parts and
 * extension: held to the plain definitions (the parts {@code String.split("/")} gives, the lower-cased name) on
 * paths made of the characters that matter.
 */
class PlacementTest {

    /** The definition: the parts split gives, agent from the second part when there are three or more. */
    private static Placement byParts(String path) {
        String[] parts = path.split("/");
        if (parts.length <= 1) return new Placement(Placement.Folder.ROOT, null, null); // no part: only slashes
        String top = parts[0];
        String agent = parts.length >= 3 ? parts[1] : null;
        return switch (top) {
            case "inbox" -> new Placement(Placement.Folder.INBOX, null, top);
            case "assigned" -> new Placement(Placement.Folder.ASSIGNED, agent, top);
            case "done" -> new Placement(Placement.Folder.DONE, agent, top);
            case "fridge" -> new Placement(Placement.Folder.FRIDGE, null, top);
            case "archive" -> new Placement(Placement.Folder.ARCHIVE, null, top);
            default -> new Placement(Placement.Folder.OTHER, null, top);
        };
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> parts = Arbitraries.of("", "done", "assigned", "inbox", "archive", "fridge", "bob", ".git",
                "t-1.yaml", "T-2.YML", "x.yml.bak", ".hidden.yaml", "a.Yaml", "İ.yaml", "ı.yml");
        return parts.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l))
                .flatMap(p -> Arbitraries.of(p, p + "/", "/" + p, p + "//"));
    }

    @Property(tries = 2000)
    void aPathIsPlacedByItsParts(@ForAll("paths") String path) {
        assertEquals(byParts(path), Placement.of(path));
    }

    @Property(tries = 2000)
    void aTaskFileIsNamedYamlOrYmlInAnyCase(@ForAll("paths") String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        assertEquals(lower.endsWith(".yaml") || lower.endsWith(".yml"), Placement.isTaskFile(path));
    }

    @Property(tries = 2000)
    void aFileUnderAFolderWithADotIsNotRead(@ForAll("paths") String path) {
        boolean hidden = false;
        for (String part : path.split("/")) hidden |= part.startsWith(".");
        boolean taskFile = Placement.isTaskFile(path.substring(path.lastIndexOf('/') + 1));
        TaskReader.Kind expected = !taskFile || hidden ? TaskReader.Kind.IGNORED
                : byParts(path).read() ? TaskReader.Kind.TASK : TaskReader.Kind.UNREAD;
        assertEquals(expected, TaskReader.classify(path, List.of()));
    }

    @Test
    void anExcludedTaskFileIsIgnored() {
        var excluded = TaskReader.matchers(List.of("backups/**", "done/old/**"));
        assertEquals(TaskReader.Kind.IGNORED, TaskReader.classify("done/old/t-1.yaml", excluded));
        assertEquals(TaskReader.Kind.TASK, TaskReader.classify("done/bob/t-1.yaml", excluded));
        assertEquals(TaskReader.Kind.IGNORED, TaskReader.classify("backups/t-1.yaml", excluded));
        assertEquals(TaskReader.Kind.UNREAD, TaskReader.classify("notes/t-1.yaml", excluded));
    }
}
