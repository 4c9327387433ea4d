package dev.dashgen.model;

import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every task of a work tree with the problems found in and across files (duplicate ids,
 * dangling and cyclic dependencies), each task's page slug and its dependents. Immutable; pure.
 */
public record Workspace(List<Task> tasks, List<Problem> problems, Map<String, String> slugByFile,
                        Map<String, Task> byId, Map<String, List<Task>> dependents,
                        Map<String, List<Problem>> problemsByFile) {

    public Workspace {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
        slugByFile = Collections.unmodifiableMap(new TreeMap<>(slugByFile));
        byId = Collections.unmodifiableMap(new TreeMap<>(byId));
        dependents = Collections.unmodifiableMap(new TreeMap<>(dependents));
        problemsByFile = Collections.unmodifiableMap(new TreeMap<>(problemsByFile));
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
        tasks.sort(Comparator.comparing(Task::id).thenComparing(Task::file));
        Map<String, Task> byId = new TreeMap<>();
        Map<String, List<Task>> sameId = new TreeMap<>();
        for (Task t : tasks) {
            byId.putIfAbsent(t.id(), t);
            sameId.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(t);
        }
        sameId.values().stream().filter(list -> list.size() > 1).forEach(list -> duplicates(list, problems));
        Map<String, List<Task>> dependents = new TreeMap<>();
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
        Map<String, String> slugByFile = new LinkedHashMap<>();
        for (Task t : tasks) slugByFile.put(t.file(), slugs.next(t.id(), t.file()));
        problems.sort(Problem.ORDER);
        Map<String, List<Problem>> byFile = new TreeMap<>();
        for (Problem p : problems) byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
        return new Workspace(tasks, problems, slugByFile, byId, dependents, byFile);
    }

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
