package dev.dashgen.portfolio;

import dev.dashgen.model.Problem;
import dev.dashgen.tasks.Dependency;
import dev.dashgen.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The documents tasks name in {@code dependencies}, resolved against the repository root (PRODUCT.md §2): a link when
 * the file exists, a warning "document not found" on the task's dependencies line when it does not, and a warning
 * (never a link) for a path that leads out of the repository.
 */
public final class DocumentRefs {

    /** Where a path from the repository root leads. */
    public enum Lookup { FOUND, MISSING, OUTSIDE }

    /** {@code found}: the paths (from the repository root) that exist, for links; {@code problems} in task order. */
    public record Result(SortedSet<String> found, List<Problem> problems) {
        public Result {
            found = Collections.unmodifiableSortedSet(new TreeSet<>(found));
            problems = List.copyOf(problems);
        }

        /** Whether the document a task names was found: its page links it. */
        public boolean found(Dependency.DocumentRef ref) {
            RepoPath p = RepoPath.of(ref.path());
            return p.inside() && found.contains(p.path());
        }
    }

    private DocumentRefs() {}

    /** Pure: {@code lookup} says where each path from the repository root leads; it is asked once per distinct path. */
    public static Result check(Collection<Task> tasks, Function<String, Lookup> lookup) {
        Map<String, Lookup> seen = new HashMap<>();
        TreeSet<String> found = new TreeSet<>();
        List<Problem> problems = new ArrayList<>();
        for (Task t : tasks) {
            Set<String> messages = new LinkedHashSet<>();
            for (Dependency d : t.references()) {
                if (!(d instanceof Dependency.DocumentRef ref)) continue;
                RepoPath p = RepoPath.of(ref.path());
                Lookup where = switch (p.kind()) {
                    case NONE -> null;
                    case OUTSIDE -> Lookup.OUTSIDE;
                    case INSIDE -> seen.computeIfAbsent(p.path(), lookup);
                };
                if (where == null) continue;
                switch (where) {
                    case FOUND -> found.add(p.path());
                    case MISSING -> messages.add("dependency \"" + ref.path() + "\": document not found — write its path from the"
                            + " repository root, or remove it");
                    case OUTSIDE -> messages.add("dependency \"" + ref.path() + "\" points outside the repository, so it is not"
                            + " linked — write a path from the repository root");
                }
            }
            for (String m : messages) problems.add(Problem.warning(t.file(), t.lineOf("dependencies"), 0, m));
        }
        return new Result(found, problems);
    }

    /** Looks the documents up on disk under {@code repoRoot}; a symbolic link out of the repository counts as outside. */
    public static Result read(Collection<Task> tasks, Path repoRoot) {
        Path root = repoRoot.toAbsolutePath().normalize();
        Path real;
        try {
            real = root.toRealPath();
        } catch (IOException e) {
            real = root;
        }
        Path realRoot = real;
        return check(tasks, path -> {
            Path file = root.resolve(path);
            if (!Files.exists(file)) return Lookup.MISSING;
            try {
                return file.toRealPath().startsWith(realRoot) ? Lookup.FOUND : Lookup.OUTSIDE;
            } catch (IOException e) {
                return Lookup.MISSING;
            }
        });
    }
}
