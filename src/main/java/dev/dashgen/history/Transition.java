package dev.dashgen.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A task file name showing up under another top-level lane folder than in the commit before, or
 * disappearing from all of them (PRODUCT.md §4.3).
 *
 * @param lane       {@code inbox}, {@code assigned}, {@code done}, {@code fridge}, {@code archive} or {@code removed}
 * @param at         the commit's committer time: when the move landed
 * @param commit     the full commit id
 * @param author     the commit author's name
 * @param authorTime when the author made the change
 * @param path       the file's path relative to the work tree ({@code /}-separated); for {@code removed}, where it was last
 */
public record Transition(String lane, Instant at, String commit, String author, Instant authorTime, String path) {
    public static final String REMOVED = "removed";
    /** The lane folders in the order a task flows through them; the ordinal of each is its lane index in the cache. */
    public static final List<String> LANES = List.of("inbox", "assigned", "done", "archive", "fridge", REMOVED);

    public Transition {
        if (!LANES.contains(lane)) throw new IllegalArgumentException("not a history lane: " + lane);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(authorTime, "authorTime");
        Objects.requireNonNull(path, "path");
    }
}
