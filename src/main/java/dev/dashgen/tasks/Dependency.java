package dev.dashgen.tasks;

import java.util.Objects;

/**
 * One item of a task's {@code dependencies}, read for what it is (PRODUCT.md §2). Only {@link TaskLink}s are
 * dependencies in the graph sense (open counts, dependents, cycles); the others are shown on the task page.
 */
public sealed interface Dependency {

    /**
     * A task this one waits for: a bare id, an id followed by a note in parentheses, or a mapping with
     * {@code task_id} (or {@code id}) and optional {@code type} and {@code description}. Any may be null but the id.
     */
    record TaskLink(String id, String type, String description, String note) implements Dependency {
        public TaskLink {
            Objects.requireNonNull(id, "id");
        }

        /**
         * Written as an id followed by a note ({@code DDR-011 (completed)}): such an id may name a decision record or
         * another document rather than a task, so when no task has it, it is shown with its note and not warned about.
         */
        public boolean noted() {
            return note != null && type == null && description == null;
        }
    }

    /** A file in the repository, as written (relative to the repository root), with an optional note. */
    record DocumentRef(String path, String note) implements Dependency {
        public DocumentRef {
            Objects.requireNonNull(path, "path");
        }
    }

    /** An http(s) address, with an optional note (the label of a Markdown link, or the text in parentheses). */
    record WebLink(String url, String note) implements Dependency {
        public WebLink {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Free text (or a mapping without a task id, as text): shown, never a problem. */
    record Note(String text) implements Dependency {
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }
}
