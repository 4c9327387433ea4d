package dev.dashgen.portfolio;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository of a work tree starts (PRODUCT.md §4.2); specification and document paths are relative to it. */
public final class RepoRoot {
    private RepoRoot() {}

    /** The nearest folder above the work tree that holds {@code .git}, else the work tree's parent's parent. */
    public static Path of(Path workTree) {
        Path abs = workTree.toAbsolutePath().normalize();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) return p;
        }
        Path parent = abs.getParent();
        return parent != null && parent.getParent() != null ? parent.getParent() : abs;
    }

    /** The work tree's place in the repository, {@code /}-separated: "" when they are the same folder. */
    public static String workPrefix(Path root, Path workTree) {
        Path rel = root.toAbsolutePath().normalize().relativize(workTree.toAbsolutePath().normalize());
        return rel.toString().replace('\\', '/');
    }
}
