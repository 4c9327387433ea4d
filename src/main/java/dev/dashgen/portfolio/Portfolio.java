package dev.dashgen.portfolio;

import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Status;
import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Initiatives → specifications → linked tasks, and the tasks linked to none (PRODUCT.md §4.2). A pure function of the
 * tasks and the specification files read; tasks keep the order they are given in (the workspace's: id, then file).
 *
 * @param initiatives named initiatives by name, then the specifications without one under a null name
 * @param unlinked    tasks without a specification, by reason, each reason in task order
 * @param specByTaskFile task file → its specification, for look-ups only (its iteration order is unspecified)
 */
public record Portfolio(List<Initiative> initiatives, List<Unlinked> unlinked, Map<String, String> specByTaskFile,
                        Map<String, Spec> specsByFile, Map<Reason, List<Unlinked>> unlinkedByReason) {

    /** Why a task is linked to no specification; {@code id} is its name in {@code data/portfolio.json}. */
    public enum Reason {
        NO_SPECIFICATION("no_specification", "No specification field"),
        NOT_FOUND("not_found", "Specification file not found"),
        OUTSIDE_REPOSITORY("outside_repository", "Specification outside the repository");

        private final String id;
        private final String label;

        Reason(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        public String label() {
            return label;
        }
    }

    /** A specification with its linked tasks, how many are finished, and how many sit in each lane (lane order). */
    public record Spec(SpecFile file, List<Task> tasks, int finished, Map<Lane, Integer> lanes) {
        public Spec {
            tasks = List.copyOf(tasks);
            lanes = Collections.unmodifiableMap(lanes.isEmpty() ? new EnumMap<>(Lane.class) : new EnumMap<>(lanes));
        }

        /** Finished / linked tasks as a whole percentage, rounded down (100 only when all are); null without tasks. */
        public Integer progress() {
            return percent(finished, tasks.size());
        }
    }

    /** An initiative (null name: specifications that name none) and its specifications by file. */
    public record Initiative(String name, List<Spec> specs) {
        public Initiative {
            specs = List.copyOf(specs);
        }

        public int tasks() {
            return specs.stream().mapToInt(s -> s.tasks().size()).sum();
        }

        public int finished() {
            return specs.stream().mapToInt(Spec::finished).sum();
        }

        /** The sum of its specifications' tasks, finished over linked. */
        public Integer progress() {
            return percent(finished(), tasks());
        }

        public Map<Lane, Integer> lanes() {
            EnumMap<Lane, Integer> lanes = new EnumMap<>(Lane.class);
            for (Spec s : specs) s.lanes().forEach((lane, n) -> lanes.merge(lane, n, Integer::sum));
            return Collections.unmodifiableMap(lanes);
        }
    }

    /**
     * A task linked to no specification: by its file and id, which an edit keeps (the task itself, title and all,
     * is the workspace's), why, and the path it names.
     */
    public record Unlinked(String file, String id, Reason reason, String specification) {
        Unlinked(Task t, Reason reason, String specification) {
            this(t.file(), t.id(), reason, specification);
        }
    }

    public Portfolio {
        initiatives = List.copyOf(initiatives);
        unlinked = List.copyOf(unlinked);
        specByTaskFile = Collections.unmodifiableMap(specByTaskFile);
        specsByFile = Collections.unmodifiableMap(specsByFile);
        unlinkedByReason = Collections.unmodifiableMap(unlinkedByReason);
    }

    /**
     * {@code specsByFile} is made from the initiatives (each specification by its path), {@code unlinkedByReason}
     * from the unlinked tasks: grouped by reason, in reason order, each group in task order.
     */
    private Portfolio(List<Initiative> initiatives, List<Unlinked> unlinked, Map<String, String> specByTaskFile) {
        this(initiatives, unlinked, specByTaskFile, byFile(initiatives), groups(unlinked));
    }

    private static Map<Reason, List<Unlinked>> groups(List<Unlinked> unlinked) {
        Map<Reason, List<Unlinked>> groups = new LinkedHashMap<>();
        for (Unlinked u : unlinked) groups.computeIfAbsent(u.reason(), k -> new ArrayList<>()).add(u);
        groups.replaceAll((k, v) -> List.copyOf(v));
        return groups;
    }

    private static Map<String, Spec> byFile(List<Initiative> initiatives) {
        Map<String, Spec> map = new HashMap<>();
        for (Initiative i : initiatives) {
            for (Spec s : i.specs()) map.put(s.file().file(), s);
        }
        return map;
    }

    public static Portfolio of(List<Task> tasks, SpecReader.Specs specs) {
        Map<String, List<Task>> linked = new HashMap<>();
        Map<Reason, List<Unlinked>> unlinked = new EnumMap<>(Reason.class);
        for (Reason r : Reason.values()) unlinked.put(r, new ArrayList<>());
        for (Task t : tasks) {
            RepoPath p = RepoPath.of(t.specification());
            switch (p.kind()) {
                case NONE -> unlinked.get(Reason.NO_SPECIFICATION).add(new Unlinked(t, Reason.NO_SPECIFICATION, null));
                case OUTSIDE -> unlinked.get(Reason.OUTSIDE_REPOSITORY).add(new Unlinked(t, Reason.OUTSIDE_REPOSITORY, p.path()));
                case INSIDE -> {
                    if (specs.escaping().contains(p.path())) {
                        unlinked.get(Reason.OUTSIDE_REPOSITORY).add(new Unlinked(t, Reason.OUTSIDE_REPOSITORY, p.path()));
                    } else if (specs.files().containsKey(p.path())) {
                        linked.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(t);
                    } else {
                        unlinked.get(Reason.NOT_FOUND).add(new Unlinked(t, Reason.NOT_FOUND, p.path()));
                    }
                }
            }
        }
        TreeMap<String, List<Spec>> named = new TreeMap<>();
        List<Spec> none = new ArrayList<>();
        Map<String, String> byTaskFile = new HashMap<>();
        for (SpecFile file : specs.files().values()) { // in path order
            Spec spec = spec(file, linked.getOrDefault(file.file(), List.of()));
            for (Task t : spec.tasks()) byTaskFile.put(t.file(), file.file());
            if (file.initiative() == null) none.add(spec);
            else named.computeIfAbsent(file.initiative(), k -> new ArrayList<>()).add(spec);
        }
        List<Initiative> initiatives = new ArrayList<>();
        named.forEach((name, list) -> initiatives.add(new Initiative(name, list)));
        if (!none.isEmpty()) initiatives.add(new Initiative(null, none));
        List<Unlinked> all = new ArrayList<>();
        unlinked.values().forEach(all::addAll);
        return new Portfolio(initiatives, all, byTaskFile);
    }

    private static Spec spec(SpecFile file, List<Task> tasks) {
        EnumMap<Lane, Integer> lanes = new EnumMap<>(Lane.class);
        int finished = 0;
        for (Task t : tasks) {
            lanes.merge(t.lane(), 1, Integer::sum);
            if (finished(t)) finished++;
        }
        return new Spec(file, tasks, finished, lanes);
    }

    /** Finished: in the done or archive lane, unless its status is error. */
    public static boolean finished(Task t) {
        return (t.lane() == Lane.DONE || t.lane() == Lane.ARCHIVE) && t.status() != Status.ERROR;
    }

    /** {@code part / whole} as a whole percentage rounded down, so that 100 means all; null when whole is 0. */
    public static Integer percent(int part, int whole) {
        return whole == 0 ? null : (int) (100L * part / whole);
    }

    /** The specification a task is linked to, if any: for the small tag on its card. */
    public Optional<Spec> specOf(Task t) {
        String file = specByTaskFile.get(Objects.requireNonNull(t, "t").file());
        return file == null ? Optional.empty() : Optional.ofNullable(specsByFile.get(file));
    }

    /**
     * The same portfolio with each task of {@code before} replaced by the one at the same place in {@code after}
     * (the same file and the same {@code specification}: an edit of other fields), as {@link #of} would give it:
     * only the specifications and unlinked entries holding them are made again.
     */
    public Portfolio replacing(List<Task> before, List<Task> after) {
        Map<String, Task> now = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).file().equals(after.get(i).file())
                    || !Objects.equals(before.get(i).specification(), after.get(i).specification())) {
                throw new IllegalArgumentException("a replaced task keeps its file and specification");
            }
            now.put(after.get(i).file(), after.get(i));
        }
        java.util.Set<String> specFiles = new java.util.HashSet<>();
        for (Task t : before) {
            String spec = specByTaskFile.get(t.file());
            if (spec != null) specFiles.add(spec);
        }
        if (specFiles.isEmpty()) return this; // unlinked tasks are held by file and id, which an edit keeps
        List<Initiative> nextInitiatives = new ArrayList<>();
        {
            for (Initiative i : initiatives) {
                List<Spec> specs = new ArrayList<>();
                for (Spec s : i.specs()) {
                    if (!specFiles.contains(s.file().file())) {
                        specs.add(s);
                        continue;
                    }
                    List<Task> tasks = new ArrayList<>(s.tasks());
                    tasks.replaceAll(t -> now.getOrDefault(t.file(), t));
                    specs.add(spec(s.file(), tasks));
                }
                nextInitiatives.add(new Initiative(i.name(), specs));
            }
        }
        return new Portfolio(nextInitiatives, unlinked, specByTaskFile, byFile(nextInitiatives), unlinkedByReason);
    }

}
