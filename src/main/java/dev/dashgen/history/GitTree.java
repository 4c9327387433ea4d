package dev.dashgen.history;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** A folder's files as a commit has them, read from the commit's tree (not the disk): what {@code --at REV} builds from. */
public final class GitTree {
    private GitTree() {}

    /**
     * Every regular file under {@code folder} in commit {@code rev}, by path relative to {@code folder}
     * ({@code /}-separated, sorted). Pass the work tree for its task files, or the repository root for everything.
     *
     * @throws HistoryException when {@code folder} is not inside a Git repository or {@code rev} names no commit
     */
    public static SortedMap<String, byte[]> files(Path folder, String rev) throws IOException, HistoryException {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(rev, "rev");
        try (GitRepo git = GitRepo.open(folder)) {
            if (git == null) throw HistoryReader.notInGit(folder);
            ObjectId id = git.commit(rev);
            SortedMap<String, byte[]> files = new TreeMap<>();
            try (RevWalk walk = new RevWalk(git.repository()); ObjectReader reader = walk.getObjectReader();
                 TreeWalk tw = new TreeWalk(reader)) {
                RevCommit commit = walk.parseCommit(id);
                tw.addTree(commit.getTree());
                tw.setRecursive(true);
                String workPath = git.workPath();
                if (!workPath.isEmpty()) tw.setFilter(PathFilter.create(workPath));
                int cut = workPath.isEmpty() ? 0 : workPath.length() + 1;
                while (tw.next()) {
                    if ((tw.getRawMode(0) & FileMode.TYPE_MASK) != FileMode.TYPE_FILE) continue;
                    String path = tw.getPathString();
                    if (path.length() <= cut) continue;
                    files.put(path.substring(cut), reader.open(tw.getObjectId(0)).getBytes(Integer.MAX_VALUE));
                }
            }
            return files;
        }
    }
}
