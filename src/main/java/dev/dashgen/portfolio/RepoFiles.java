package dev.dashgen.portfolio;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The repository's files, {@code /}-separated from its root and sorted: what {@code links.patterns} globs match. Read
 * once per build: from Git's index (what {@code git ls-files} lists: fast, and ignored files stay out), else by a walk
 * that leaves out {@code .git}, {@code node_modules} and the output folder.
 */
public final class RepoFiles {
    /** A bound for a walk of something that is not really a repository (a home folder, a root). */
    static final int MAX_FILES = 1_000_000;

    private RepoFiles() {}

    /** {@code outDir} may be null; it is never listed, so a build's own pages never become link targets. */
    public static List<String> list(Path repoRoot, Path outDir) {
        return list(repoRoot, outDir, List.of(""));
    }

    /**
     * The files under the given folders of the repository ({@code /}-separated from its root; "" for all of it): a
     * link pattern's glob names the folder its files sit in, and walking only those keeps a work tree outside Git,
     * whose "repository" is two folders up, from walking a home folder.
     */
    public static List<String> list(Path repoRoot, Path outDir, List<String> folders) {
        Path root = repoRoot.toAbsolutePath().normalize();
        if (folders.isEmpty()) return List.of();
        if (Files.exists(root.resolve(".git"))) {
            List<String> indexed = index(root);
            if (!indexed.isEmpty()) {
                return indexed.stream().filter(p -> folders.stream().anyMatch(f -> f.isEmpty() || p.startsWith(f + "/"))).toList();
            }
        }
        TreeSet<String> all = new TreeSet<>();
        for (String folder : folders) {
            Path top = folder.isEmpty() ? root : root.resolve(folder).normalize();
            if (!top.startsWith(root) || !Files.isDirectory(top)) continue;
            all.addAll(walk(root, top, outDir == null ? null : outDir.toAbsolutePath().normalize()));
        }
        return List.copyOf(all);
    }

    private static List<String> index(Path root) {
        try (Repository repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build()) {
            DirCache cache = repository.readDirCache();
            TreeSet<String> paths = new TreeSet<>(); // a conflicted file has an entry per stage
            for (int i = 0; i < cache.getEntryCount(); i++) paths.add(cache.getEntry(i).getPathString());
            return List.copyOf(paths);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> walk(Path root, Path top, Path outDir) {
        TreeSet<String> paths = new TreeSet<>();
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(top) && (name.equals(".git") || name.equals("node_modules") || dir.equals(outDir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) paths.add(root.relativize(file).toString().replace('\\', '/'));
                    return paths.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what was listed so far still links
        }
        return List.copyOf(paths);
    }
}
