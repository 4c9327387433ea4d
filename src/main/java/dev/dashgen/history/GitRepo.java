package dev.dashgen.history;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The repository holding a work tree (the nearest folder at or above it with {@code .git}, PRODUCT.md §4.2) and
 * the work tree's path inside it ({@code /}-separated, "" when it is the repository root). dashgen only reads it.
 */
record GitRepo(Repository repository, String workPath) implements AutoCloseable {

    /** The repository of {@code workTree}, or null when it is not inside one. */
    static GitRepo open(Path workTree) throws IOException {
        // A work tree missing on disk (deleted since the commit --at names) is still a path inside the repository.
        Path dir = workTree.toAbsolutePath().normalize();
        Path existing = dir;
        while (existing != null && !java.nio.file.Files.isDirectory(existing)) existing = existing.getParent();
        if (existing == null) return null;
        dir = existing.toRealPath().resolve(existing.relativize(dir)).normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(existing.toFile());
        if (builder.getGitDir() == null) return null;
        Repository repo = builder.setMustExist(true).build();
        if (repo.isBare()) {
            repo.close();
            return null;
        }
        Path root = repo.getWorkTree().toPath().toRealPath();
        Path inside = root.relativize(dir);
        String rel = inside.toString().replace('\\', '/');
        if (rel.startsWith("..")) {
            repo.close();
            return null;
        }
        return new GitRepo(repo, rel);
    }

    /** The commit {@code rev} names (null: HEAD), or null when it is HEAD of a repository with no commit yet. */
    ObjectId commit(String rev) throws IOException, HistoryException {
        if (rev == null) return repository.resolve(Constants.HEAD + "^{commit}");
        ObjectId id;
        try {
            id = repository.resolve(rev + "^{commit}");
        } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
            id = null;
        }
        if (id == null) {
            throw new HistoryException("revision \"" + rev + "\" names no commit in the repository at "
                    + repository.getWorkTree() + " — give a commit id, branch or tag (see git log)");
        }
        return id;
    }

    @Override
    public void close() {
        repository.close();
    }
}
