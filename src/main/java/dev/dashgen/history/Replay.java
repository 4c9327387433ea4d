package dev.dashgen.history;

import dev.dashgen.tasks.Placement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The history built commit by commit, oldest first: which task files each name has in the lane folders after
 * the last commit applied, the one path that stands for the name, and the transitions so far. Pure: the reader
 * feeds it the task-file changes of each commit, the cache saves and restores it.
 *
 * <p>One name in two lane folders at once (a copy left behind, or {@code x.yaml} beside {@code x.yml}): the path
 * added in this very commit stands for the task, since that is where someone just put it; among several added at
 * once, or when the path that stood for it is gone and others remain, the one furthest along the flow
 * (archive, done, assigned, fridge, inbox), then the first by path. A task counts as removed only when the
 * name is in no lane folder at all.
 */
final class Replay {

    /** One commit as history records it. */
    record Commit(String id, Instant at, String author, Instant authorTime) {}

    /** A task file's presence before and after one commit (a path relative to the work tree). */
    record Change(String path, boolean before, boolean after) {}

    private static final List<String> PREFERENCE = List.of("inbox", "fridge", "assigned", "done", "archive");
    private static final Comparator<String> BEST = Comparator.<String>comparingInt(p -> -PREFERENCE.indexOf(lane(p)))
            .thenComparing(Comparator.naturalOrder());

    final Map<String, TreeSet<String>> present = new HashMap<>();
    final Map<String, String> standing = new HashMap<>();
    final Map<String, List<Transition>> transitions = new HashMap<>();
    int commits;

    /** Applies one commit's changes to task files; a change that only edits a file is no change here. */
    void apply(Commit commit, List<Change> changes) {
        commits++;
        TreeMap<String, List<String>> touched = new TreeMap<>();
        for (Change c : changes) {
            if (c.before() == c.after()) continue;
            String name = History.taskName(c.path());
            List<String> added = touched.computeIfAbsent(name, k -> new ArrayList<>());
            if (c.after()) {
                present.computeIfAbsent(name, k -> new TreeSet<>()).add(c.path());
                added.add(c.path());
            } else {
                TreeSet<String> paths = present.get(name);
                if (paths != null) {
                    paths.remove(c.path());
                    if (paths.isEmpty()) present.remove(name);
                }
            }
        }
        touched.forEach((name, added) -> settle(name, added, commit));
    }

    private void settle(String name, List<String> added, Commit commit) {
        TreeSet<String> paths = present.get(name);
        String before = standing.get(name);
        String after;
        if (paths == null) after = null;
        else if (!added.isEmpty()) after = added.stream().min(BEST).orElseThrow();
        else if (before != null && paths.contains(before)) after = before;
        else after = paths.stream().min(BEST).orElseThrow();
        if (after == null) standing.remove(name);
        else standing.put(name, after);
        String laneBefore = before == null ? null : lane(before);
        String laneAfter = after == null ? null : lane(after);
        if (laneAfter == null && laneBefore == null) return;
        if (laneAfter != null && laneAfter.equals(laneBefore)) return;
        List<Transition> list = transitions.computeIfAbsent(name, k -> new ArrayList<>());
        String lane = laneAfter == null ? Transition.REMOVED : laneAfter;
        list.add(new Transition(lane, commit.at(), commit.id(), commit.author(), commit.authorTime(),
                after == null ? before : after));
    }

    /** The lane folder of a task file path: its top-level folder. */
    static String lane(String path) {
        return Placement.of(path).topFolder();
    }

    History history(String head, boolean shallow) {
        return History.replayed(head, shallow, commits, transitions);
    }
}
