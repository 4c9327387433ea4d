package dev.dashgen.portfolio;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A specification as its file describes it (PRODUCT.md §4.2). Every field but {@code file} may be null: a file
 * without front matter has only the title of its first heading; one with unreadable front matter only its path.
 *
 * @param file        the path from the repository root, {@code /}-separated
 * @param completion  a manual completion, 0–100, shown beside the computed progress
 * @param frontMatter whether the file has readable front matter
 */
public record SpecFile(String file, String id, String title, String status, String initiative, String priority,
                       List<Feature> features, Integer completion, boolean frontMatter) {

    public SpecFile {
        Objects.requireNonNull(file, "file");
        features = List.copyOf(features);
    }

    /** A file that appears by its path alone: unreadable, or with front matter that cannot be parsed. */
    public static SpecFile byPath(String file) {
        return new SpecFile(file, null, null, null, null, null, List.of(), null, false);
    }

    /** The title, else the path: what a page shows as the specification's name. */
    public String name() {
        return title != null ? title : file;
    }

    /** One item of the front matter's {@code features}; any field may be null. */
    public record Feature(String id, String title, String status) {
        private static final Set<String> DONE = Set.of("done", "complete", "completed", "finished", "implemented",
                "shipped", "released", "closed", "delivered");

        /** Whether the checklist ticks it: a status meaning finished (done, completed, shipped, …). */
        public boolean done() {
            return status != null && DONE.contains(status.strip().toLowerCase(Locale.ROOT).replace('-', '_'));
        }

        public String name() {
            return title != null ? title : id != null ? id : "";
        }
    }
}
