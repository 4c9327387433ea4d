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
 * {@code problems} carry the order. Task files are named relative to the work root; problems name
 * their file as a user would type it from the repository root, that is {@code prefix} (the work
 * root's path from the repository root, with a trailing slash, or empty) and the task file.
 */
public record Workspace(List<Task> tasks, List<Problem> problems, String prefix, Map<String, Integer> indexByFile,
                        List<String> slugs, Map<String, Task> byId, Map<String, List<String>> sharedIds,
                        Map<String, List<Task>> dependents, Map<String, List<Problem>> problemsByFile) {

    /**
     * Use {@link #of} or {@link #replacing}: they build the maps for this workspace and never touch them
     * again, so the maps are wrapped, not copied, and a rebuild after one edit copies each map once.
     */
    public Workspace {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
        java.util.Objects.requireNonNull(prefix, "prefix");
        indexByFile = Collections.unmodifiableMap(indexByFile);
        slugs = List.copyOf(slugs);
        byId = byId instanceof Replaced ? byId : Collections.unmodifiableMap(byId);
        sharedIds = Collections.unmodifiableMap(sharedIds);
        dependents = dependents instanceof Replaced ? dependents : Collections.unmodifiableMap(dependents);
        problemsByFile = Collections.unmodifiableMap(problemsByFile);
    }

    /** A cycle through thousands of tasks is named by its first few, so the message stays readable. */
    private static final int MAX_CYCLE_SHOWN = 10;

    /** As {@link #of(List, List, String)} for a work root that is the repository root. */
    public static Workspace of(List<ParsedFile> files, List<Problem> readProblems) {
        return of(files, readProblems, "");
    }

    /**
     * Tasks in id order (then file), so that everything derived from it is deterministic. {@code readProblems}
     * already name their files from the repository root; the problems of the parsed files (named from the work
     * root) and those found across files get {@code prefix} in front.
     */
    public static Workspace of(List<ParsedFile> files, List<Problem> readProblems, String prefix) {
        List<Problem> problems = new ArrayList<>(readProblems);
        List<Task> tasks = new ArrayList<>();
        for (ParsedFile f : files) {
            problems.addAll(located(f.problems(), prefix));
            if (f.task() != null) tasks.add(f.task());
        }
        tasks.sort(ORDER);
        Map<String, Task> byId = new HashMap<>();
        Map<String, List<Task>> sameId = new HashMap<>();
        for (Task t : tasks) {
            byId.putIfAbsent(t.id(), t);
            sameId.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(t);
        }
        Map<String, List<String>> sharedIds = new HashMap<>();
        sameId.forEach((id, same) -> {
            if (same.size() < 2) return;
            duplicates(same, problems, prefix);
            sharedIds.put(id, same.stream().map(Task::file).toList());
        });
        Map<String, List<Task>> dependents = new HashMap<>();
        for (Task t : tasks) {
            java.util.Set<String> noted = null;
            for (String dep : t.dependencies()) {
                if (byId.containsKey(dep)) {
                    dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(t);
                    continue;
                }
                if (noted == null) noted = notedOnly(t);
                if (noted.contains(dep)) continue; // "DDR-011 (completed)": a record, not a task (PRODUCT.md §2)
                problems.add(Problem.warning(prefix + t.file(), t.lineOf("dependencies"), 0,
                        "dependency \"" + dep + "\" names no task — fix the id or remove it"));
            }
        }
        Cycles.find(tasks, byId).forEach(cycle -> {
            Task first = byId.get(cycle.get(0));
            String path = cycle.size() <= MAX_CYCLE_SHOWN ? String.join(" → ", cycle) + " → " + cycle.get(0)
                    : String.join(" → ", cycle.subList(0, MAX_CYCLE_SHOWN)) + " → … (" + (cycle.size() - MAX_CYCLE_SHOWN) + " more)";
            problems.add(Problem.error(prefix + first.file(), first.lineOf("dependencies"), 0,
                    "dependency cycle " + path + " — remove one of these dependencies"));
        });
        Slugs slugs = new Slugs();
        List<String> slugList = new ArrayList<>(tasks.size());
        Map<String, Integer> indexByFile = new HashMap<>(2 * tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            slugList.add(slugs.next(t.id(), t.file()));
            indexByFile.put(t.file(), i);
        }
        problems.sort(Problem.ORDER);
        Map<String, List<Problem>> byFile = new HashMap<>();
        for (Problem p : problems) byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
        return new Workspace(tasks, problems, prefix, indexByFile, slugList, byId, sharedIds, dependents, byFile);
    }

    /** The ids {@code t} writes only with a note after them ({@link Dependency.TaskLink#noted()}). */
    public static java.util.Set<String> notedOnly(Task t) {
        java.util.Set<String> noted = new java.util.HashSet<>();
        java.util.Set<String> plain = new java.util.HashSet<>();
        for (dev.dashgen.tasks.Dependency d : t.references()) {
            if (d instanceof dev.dashgen.tasks.Dependency.TaskLink l) (l.noted() ? noted : plain).add(l.id());
        }
        noted.removeAll(plain);
        return noted;
    }

    private static List<Problem> located(List<Problem> problems, String prefix) {
        if (prefix.isEmpty() || problems.isEmpty()) return problems;
        return problems.stream().map(p -> new Problem(prefix + p.file(), p.line(), p.column(), p.severity(), p.message())).toList();
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
            Integer index = indexByFile.get(old.file());
            if (index == null || !nextTasks.get(index).equals(old)) return java.util.Optional.empty();
            nextTasks.set(index, now);
            Task first = current(byId, byIdChanges, old.id());
            if (first != null && first.file().equals(old.file())) byIdChanges.put(old.id(), now);
            for (String dep : old.dependencies()) {
                List<Task> list = current(dependents, dependentsChanges, dep);
                if (list != null) {
                    dependentsChanges.put(dep, list.stream().map(t -> t.file().equals(old.file()) ? now : t).toList());
                }
            }
            List<Problem> was = located(b.problems(), prefix);
            List<Problem> is = located(a.problems(), prefix);
            List<Problem> mine = new ArrayList<>(problemsByFile.getOrDefault(prefix + old.file(), List.of()));
            for (Problem p : was) mine.remove(p);
            mine.addAll(is);
            mine.sort(Problem.ORDER);
            if (mine.isEmpty()) nextByFile.remove(prefix + old.file());
            else nextByFile.put(prefix + old.file(), mine);
            removed.addAll(was);
            added.addAll(is);
        }
        List<Problem> nextProblems = problems;
        if (!removed.isEmpty() || !added.isEmpty()) {
            List<Problem> list = new ArrayList<>(problems);
            for (Problem p : removed) list.remove(p);
            list.addAll(added);
            list.sort(Problem.ORDER);
            nextProblems = list;
        }
        return java.util.Optional.of(new Workspace(nextTasks, nextProblems, prefix, indexByFile, slugs,
                Replaced.of(byId, byIdChanges), sharedIds, Replaced.of(dependents, dependentsChanges), nextByFile));
    }

    /** The same tasks with another list of problems read outside the task files (config, telemetry). */
    public Workspace withReadProblems(List<Problem> before, List<Problem> after) {
        if (before.equals(after)) return this;
        List<Problem> list = new ArrayList<>(problems);
        for (Problem p : before) list.remove(p);
        list.addAll(after);
        list.sort(Problem.ORDER);
        Map<String, List<Problem>> byFile = new HashMap<>();
        for (Problem p : list) byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
        return new Workspace(tasks, list, prefix, indexByFile, slugs, byId, sharedIds, dependents, byFile);
    }

    /** Where the task in {@code file} (relative to the work root) is in {@link #tasks}, or -1. */
    public int indexOf(String file) {
        Integer i = indexByFile.get(file);
        return i == null ? -1 : i;
    }

    /** Where {@code t} is in {@link #tasks}, or -1. */
    public int indexOf(Task t) {
        return indexOf(t.file());
    }

    /** The task file (relative to the work root) a problem's file names, or null when it names no task file. */
    public String taskFile(String problemFile) {
        if (!problemFile.startsWith(prefix)) return null;
        String file = problemFile.substring(prefix.length());
        return indexByFile.containsKey(file) ? file : null;
    }

    private static <V> V current(Map<String, V> map, Map<String, V> changes, String key) {
        return changes.containsKey(key) ? changes.get(key) : map.get(key);
    }

    private static final Comparator<Task> ORDER = Comparator.comparing(Task::id).thenComparing(Task::file);

    private static void duplicates(List<Task> same, List<Problem> problems, String prefix) {
        for (Task t : same) {
            List<String> others = same.stream().filter(o -> !o.file().equals(t.file())).map(o -> prefix + o.file()).toList();
            problems.add(Problem.error(prefix + t.file(), t.lineOf("id"), 0, "duplicate id \"" + t.id() + "\" also in "
                    + String.join(", ", others) + " — give each task its own id"));
        }
    }

    /** Every task file holding {@code id}: one, or all of them when the id is duplicated. */
    public List<String> filesWithId(String id) {
        List<String> shared = sharedIds.get(id);
        if (shared != null) return shared;
        Task t = byId.get(id);
        return t == null ? List.of() : List.of(t.file());
    }

    public String slug(Task task) {
        return slugs.get(indexByFile.get(task.file()));
    }

    public List<Task> inLane(Lane lane) {
        return tasks.stream().filter(t -> t.lane() == lane).toList();
    }

    /** Problems about one task file (relative to the work root), for its task page and its card's marker. */
    public List<Problem> problemsOf(String file) {
        return problemsByFile.getOrDefault(prefix + file, List.of());
    }

    public long count(Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).count();
    }
}
