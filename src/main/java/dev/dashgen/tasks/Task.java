package dev.dashgen.tasks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One task as read from one file, normalised as PRODUCT.md §2 says. Optional fields are null
 * (or empty lists); {@code extra} keeps every field dashgen does not interpret, in file order.
 * {@code dependencies} holds the ids of the task links among {@code references}, every item of the
 * {@code dependencies} field read for what it is (task links, documents, web links, notes).
 */
public record Task(
        String file,
        String id,
        String title,
        String agent,
        String statusText,
        Status status,
        Lane lane,
        Priority priority,
        Lifecycle lifecycle,
        String description,
        List<String> artefacts,
        List<String> dependencies,
        String specification,
        String mode,
        List<String> tags,
        String resultSummary,
        String nextAgent,
        String error,
        Map<String, Object> extra,
        Map<String, Integer> fieldLines,
        List<Dependency> references) {

    /** The timestamps of a task's life; any may be null. */
    public record Lifecycle(Timestamp created, Timestamp assigned, Timestamp started, Timestamp completed) {
        public static final Lifecycle EMPTY = new Lifecycle(null, null, null, null);
    }

    public Task {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(lifecycle, "lifecycle");
        artefacts = List.copyOf(artefacts);
        dependencies = List.copyOf(dependencies);
        tags = List.copyOf(tags);
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        fieldLines = Map.copyOf(fieldLines);
        references = List.copyOf(references);
    }

    /** The 1-based line of a field in the file, or 0 when unknown. */
    public int lineOf(String field) {
        return fieldLines.getOrDefault(field, 0);
    }
}
