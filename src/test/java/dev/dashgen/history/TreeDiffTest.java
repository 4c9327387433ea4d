package dev.dashgen.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tree comparison gives, commit after commit, the same changes in the same order as JGit's recursive
 * TreeWalk: random adds, deletes, moves, whole folders coming and going, a file and a folder taking turns under
 * one name, and the work folder itself appearing and disappearing.
 */
class TreeDiffTest {
    private static final List<String> PATHS = List.of("work/inbox/a.yaml", "work/inbox/b.yaml", "work/done/x/a.yaml",
            "work/done/x/c.yaml", "work/done/y/d.yaml", "work/done/y", "work/done-z.yaml", "work/done.yaml",
            "work/e", "work/e/f.yaml", "work/é/ü.yaml", "other/a.yaml", "work.yaml", "top.yaml", "work/a b/c.yaml");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void givesWhatTreeWalkGives(int seed, @TempDir Path dir) throws Exception {
        Random random = new Random(seed);
        List<RevCommit> commits = new ArrayList<>();
        try (GitFixture git = GitFixture.init(dir)) {
            for (int c = 0; c < 40; c++) {
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    String path = PATHS.get(random.nextInt(PATHS.size()));
                    Path file = dir.resolve(path);
                    if (Files.isRegularFile(file) && random.nextBoolean()) {
                        Files.delete(file);
                    } else if (Files.isDirectory(file)) {
                        try (var walk = Files.walk(file)) {
                            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    } else if (!Files.exists(file) && !blocked(dir, path)) {
                        git.write(path, "v" + random.nextInt(3));
                    } else if (Files.isRegularFile(file)) {
                        git.write(path, "edit " + c);
                    }
                }
                commits.add(git.commit("ann", "2026-01-01T00:00:00Z"));
            }
            int changes = 0;
            for (String folder : List.of("", "work", "work/done")) {
                try (ObjectReader reader = git.git.getRepository().newObjectReader()) {
                    TreeDiff diff = new TreeDiff(reader, folder);
                    for (int i = 0; i < commits.size(); i++) {
                        ObjectId before = i == 0 ? null : commits.get(i - 1).getTree();
                        List<String> got = new ArrayList<>();
                        diff.compare(before, commits.get(i).getTree(), (p, was, is) -> got.add(p + " " + was + ">" + is));
                        List<String> expected = treeWalk(reader, before, commits.get(i).getTree(), folder);
                        assertEquals(expected, got, "commit " + i + " under '" + folder + "'");
                        changes += got.size();
                    }
                }
            }
            assertTrue(changes > 40, "the random commits changed files: " + changes);
        }
    }

    /** A file can only be written where no file stands in for one of its folders. */
    private static boolean blocked(Path root, String path) {
        for (Path p = root.resolve(path).getParent(); !p.equals(root); p = p.getParent()) {
            if (Files.isRegularFile(p)) return true;
        }
        return false;
    }

    /** The comparison HistoryReader made with JGit before: the reference. */
    private static List<String> treeWalk(ObjectReader reader, ObjectId before, ObjectId after, String folder) throws Exception {
        List<String> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            if (before == null) tw.addTree(new EmptyTreeIterator());
            else tw.addTree(before);
            tw.addTree(after);
            tw.setRecursive(true);
            tw.setFilter(folder.isEmpty() ? TreeFilter.ANY_DIFF : AndTreeFilter.create(PathFilter.create(folder), TreeFilter.ANY_DIFF));
            int cut = folder.isEmpty() ? 0 : folder.length() + 1;
            while (tw.next()) {
                String path = tw.getPathString();
                if (path.length() <= cut) continue;
                boolean was = (tw.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
                boolean is = (tw.getRawMode(1) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
                if (was != is) out.add(path.substring(cut) + " " + was + ">" + is);
            }
        }
        return out;
    }
}
