package dev.dashgen.history;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the Git log says about the work tree's tasks (PRODUCT.md §4.3): per task name (the file name without
 * {@code .yaml}/{@code .yml}) its transitions, oldest first. {@link #ABSENT} stands for "no history": a work
 * tree outside Git, or {@code history: off}; flow metrics then use the YAML timestamps alone.
 *
 * @param present whether there is a history at all (false only for {@link #ABSENT})
 * @param head    the commit read from (full id), or null when the repository has no commit yet
 * @param shallow whether the chain ends at a shallow clone's boundary, so older moves are unknown
 * @param commits how many first-parent commits the history covers
 * @param tasks   task name → transitions, oldest first; names of removed tasks stay
 */
public record History(boolean present, String head, boolean shallow, int commits, SortedMap<String, List<Transition>> tasks) {

    public static final History ABSENT = new History(false, null, false, 0, new TreeMap<>());

    public History {
        TreeMap<String, List<Transition>> copy = new TreeMap<>();
        tasks.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        tasks = Collections.unmodifiableSortedMap(copy);
    }

    /** The transitions of the task in {@code file} (a path relative to the work tree), oldest first; empty when none. */
    public List<Transition> of(String file) {
        return tasks.getOrDefault(taskName(file), List.of());
    }

    /** A task's identity across commits: its file name without the {@code .yaml}/{@code .yml} extension. */
    public static String taskName(String path) {
        int from = path.lastIndexOf('/') + 1;
        int end = path.length();
        if (path.regionMatches(true, end - 5, ".yaml", 0, 5) && end - 5 >= from) return path.substring(from, end - 5);
        if (path.regionMatches(true, end - 4, ".yml", 0, 4) && end - 4 >= from) return path.substring(from, end - 4);
        return path.substring(from);
    }

    /** For a caller holding plain maps: the same history with {@code tasks} as given. */
    static History replayed(String head, boolean shallow, int commits, Map<String, List<Transition>> tasks) {
        return new History(true, head, shallow, commits, new TreeMap<>(tasks));
    }
}
