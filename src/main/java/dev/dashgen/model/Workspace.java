package dev.dashgen.model;

import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every task of a work tree with the problems found in and across files (duplicate ids,
 * dangling and cyclic dependencies), each task's page slug and its dependents. Immutable; pure.
 * The maps are for look-ups only (their iteration order is unspecified); {@code tasks} and
 * {@code problems} carry the order.
 */
public record Workspace(List<Task> tasks, List<Problem> problems, Map<String, String> slugByFile,
                        Map<String, Task> byId, Map<String, List<Task>> dependents,
                        Map<String, List<Problem>> problemsByFile) {

    /**
     * Use {@link #of} or {@link #replacing}: they build the maps for this workspace and never touch them
     * again, so the maps are wrapped, not copied, and a rebuild after one edit copies each map once.
     */
    public Workspace {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
        slugByFile = Collections.unmodifiableMap(slugByFile);
        byId = byId instanceof Replaced ? byId : Collections.unmodifiableMap(byId);
        dependents = dependents instanceof Replaced ? dependents : Collections.unmodifiableMap(dependents);
        problemsByFile = Collections.unmodifiableMap(problemsByFile);
    }

    /** A cycle through thousands of tasks is named by its first few, so the message stays readable. */
    private static final int MAX_CYCLE_SHOWN = 10;

    /** Tasks in id order (then file), so that everything derived from it is deterministic. */
    public static Workspace of(List<ParsedFile> files, List<Problem> readProblems) {
        List<Problem> problems = new ArrayList<>(readProblems);
        List<Task> tasks = new ArrayList<>();
        for (ParsedFile f : files) {
            problems.addAll(f.problems());
            if (f.task() != null) tasks.add(f.task());
        }
        tasks.sort(ORDER);
        Map<String, Task> byId = new HashMap<>();
        Map<String, List<Task>> sameId = new HashMap<>();
        for (Task t : tasks) {
            byId.putIfAbsent(t.id(), t);
            sameId.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(t);
        }
        for (Task t : tasks) {
            List<Task> same = sameId.get(t.id());
            if (same.size() > 1 && same.get(0) == t) duplicates(same, problems);
        }
        Map<String, List<Task>> dependents = new HashMap<>();
        for (Task t : tasks) {
            for (String dep : t.dependencies()) {
                if (byId.containsKey(dep)) {
                    dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(t);
                } else {
                    problems.add(Problem.warning(t.file(), t.lineOf("dependencies"), 0,
                            "dependency \"" + dep + "\" names no task — fix the id or remove it"));
                }
            }
        }
        Cycles.find(tasks, byId).forEach(cycle -> {
            Task first = byId.get(cycle.get(0));
            String path = cycle.size() <= MAX_CYCLE_SHOWN ? String.join(" → ", cycle) + " → " + cycle.get(0)
                    : String.join(" → ", cycle.subList(0, MAX_CYCLE_SHOWN)) + " → … (" + (cycle.size() - MAX_CYCLE_SHOWN) + " more)";
            problems.add(Problem.error(first.file(), first.lineOf("dependencies"), 0,
                    "dependency cycle " + path + " — remove one of these dependencies"));
        });
        Slugs slugs = new Slugs();
        Map<String, String> slugByFile = new HashMap<>();
        for (Task t : tasks) slugByFile.put(t.file(), slugs.next(t.id(), t.file()));
        problems.sort(Problem.ORDER);
        Map<String, List<Problem>> byFile = new HashMap<>();
        for (Problem p : problems) byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
        return new Workspace(tasks, problems, slugByFile, byId, dependents, byFile);
    }

    /**
     * The same workspace with some files re-read, when the edit cannot change anything across files:
     * each file held a task before and after, with the same id, the same dependencies, and those fields
     * on the same lines. Then duplicates, dangling and cyclic dependencies, slugs and dependents stay as
     * they were, and only the edited tasks and their own problems are replaced. Empty when that does not
     * hold; {@link #of} is then the way. The result equals what {@link #of} would give.
     */
    public java.util.Optional<Workspace> replacing(List<ParsedFile> before, List<ParsedFile> after) {
        if (before.size() != after.size()) return java.util.Optional.empty();
        List<Task> nextTasks = new ArrayList<>(tasks);
        Map<String, Task> byIdChanges = new HashMap<>();
        Map<String, List<Task>> dependentsChanges = new HashMap<>();
        Map<String, List<Problem>> nextByFile = new HashMap<>(problemsByFile);
        List<Problem> removed = new ArrayList<>();
        List<Problem> added = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            ParsedFile b = before.get(i);
            ParsedFile a = after.get(i);
            Task old = b.task();
            Task now = a.task();
            if (old == null || now == null || !old.file().equals(now.file()) || !old.id().equals(now.id())
                    || !old.dependencies().equals(now.dependencies()) || old.lineOf("id") != now.lineOf("id")
                    || old.lineOf("dependencies") != now.lineOf("dependencies")) {
                return java.util.Optional.empty();
            }
            int index = java.util.Collections.binarySearch(nextTasks, old, ORDER);
            if (index < 0 || nextTasks.get(index) != old) return java.util.Optional.empty();
            nextTasks.set(index, now);
            if (current(byId, byIdChanges, old.id()) == old) byIdChanges.put(old.id(), now);
            for (String dep : old.dependencies()) {
                List<Task> list = current(dependents, dependentsChanges, dep);
                if (list != null) dependentsChanges.put(dep, list.stream().map(t -> t == old ? now : t).toList());
            }
            List<Problem> mine = new ArrayList<>(problemsByFile.getOrDefault(old.file(), List.of()));
            for (Problem p : b.problems()) mine.remove(p);
            mine.addAll(a.problems());
            mine.sort(Problem.ORDER);
            if (mine.isEmpty()) nextByFile.remove(old.file());
            else nextByFile.put(old.file(), mine);
            removed.addAll(b.problems());
            added.addAll(a.problems());
        }
        List<Problem> nextProblems = problems;
        if (!removed.isEmpty() || !added.isEmpty()) {
            List<Problem> list = new ArrayList<>(problems);
            for (Problem p : removed) list.remove(p);
            list.addAll(added);
            list.sort(Problem.ORDER);
            nextProblems = list;
        }
        return java.util.Optional.of(new Workspace(nextTasks, nextProblems, slugByFile, Replaced.of(byId, byIdChanges),
                Replaced.of(dependents, dependentsChanges), nextByFile));
    }

    /** Where {@code t} is in {@link #tasks}, or -1. */
    public int indexOf(Task t) {
        int i = java.util.Collections.binarySearch(tasks, t, ORDER);
        return i >= 0 && tasks.get(i) == t ? i : -1;
    }

    private static <V> V current(Map<String, V> map, Map<String, V> changes, String key) {
        return changes.containsKey(key) ? changes.get(key) : map.get(key);
    }

    private static final Comparator<Task> ORDER = Comparator.comparing(Task::id).thenComparing(Task::file);

    private static void duplicates(List<Task> same, List<Problem> problems) {
        for (Task t : same) {
            List<String> others = same.stream().filter(o -> o != t).map(Task::file).toList();
            problems.add(Problem.error(t.file(), t.lineOf("id"), 0, "duplicate id \"" + t.id() + "\" also in "
                    + String.join(", ", others) + " — give each task its own id"));
        }
    }

    public String slug(Task task) {
        return slugByFile.get(task.file());
    }

    public List<Task> inLane(Lane lane) {
        return tasks.stream().filter(t -> t.lane() == lane).toList();
    }

    /** Problems about one file, for its task page and its card's marker. */
    public List<Problem> problemsOf(String file) {
        return problemsByFile.getOrDefault(file, List.of());
    }

    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }
}
