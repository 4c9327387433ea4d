package dev.dashgen.history;

import dev.dashgen.tasks.TaskReader;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Reads a work tree's history from its Git repository with JGit (PRODUCT.md §4.3): the first-parent chain of
 * HEAD (or of a given revision), each commit compared with the one before it only under the work tree's path,
 * so a commit costs what it changed there. The state after the tip is cached under the output folder, keyed by
 * commit id, so a build after one new commit reads one commit. Nothing is ever written into the repository.
 */
public final class HistoryReader {

    /** The history, and how many commits this read compared with their parent (the cache's saving shows here). */
    public record Read(History history, int commitsRead) {}

    private HistoryReader() {}

    /**
     * @param workTree the work tree folder (the one holding inbox/, assigned/, …)
     * @param exclude  config {@code exclude} globs, relative to the work tree: task files there are not history
     * @param rev      the revision to read from ({@code --at}), or null for HEAD
     * @param cacheDir where dashgen keeps its own files in the output folder ({@code <out>/.dashgen}), or null for no cache
     * @return {@link History#ABSENT} when the work tree is not inside a Git repository
     * @throws HistoryException when {@code rev} names no commit
     * @throws IOException      when the repository cannot be read
     */
    public static Read read(Path workTree, List<String> exclude, String rev, Path cacheDir) throws IOException, HistoryException {
        Objects.requireNonNull(workTree, "workTree");
        Objects.requireNonNull(exclude, "exclude");
        try (GitRepo git = GitRepo.open(workTree)) {
            if (git == null) {
                if (rev != null) throw notInGit(workTree);
                return new Read(History.ABSENT, 0);
            }
            ObjectId tip = git.commit(rev);
            if (tip == null) return new Read(new History(true, null, false, 0, new java.util.TreeMap<>()), 0);
            return new Walk(git, exclude, cacheDir == null ? null : new HistoryCache(cacheDir)).read(tip);
        }
    }

    static HistoryException notInGit(Path workTree) {
        return new HistoryException("--at needs a Git repository, and " + workTree + " is not inside one");
    }

    /** One read: the chain back to a cached commit or the root, then its commits replayed oldest first. */
    private static final class Walk {
        private final GitRepo git;
        private final List<PathMatcher> excluded;
        private final HistoryCache cache;
        private final HistoryCache.Key key;
        private final Set<ObjectId> shallowCommits;

        Walk(GitRepo git, List<String> exclude, HistoryCache cache) throws IOException {
            this.git = git;
            this.excluded = TaskReader.matchers(exclude);
            this.cache = cache;
            this.key = new HistoryCache.Key(git.workPath(), exclude);
            this.shallowCommits = git.repository().getObjectDatabase().getShallowCommits();
        }

        Read read(ObjectId tip) throws IOException {
            try (RevWalk walk = new RevWalk(git.repository()); ObjectReader reader = walk.getObjectReader()) {
                Set<String> cached = cache == null ? Set.of() : cache.commits();
                List<RevCommit> chain = new ArrayList<>();
                HistoryCache.Saved base = null;
                RevCommit c = walk.parseCommit(tip);
                while (true) {
                    if (cached.contains(c.name())) {
                        base = usable(cache.load(c.name(), key));
                        if (base != null) break;
                    }
                    chain.add(c);
                    if (c.getParentCount() == 0 || shallowCommits.contains(c)) break;
                    c = walk.parseCommit(c.getParent(0));
                }
                Replay replay = base == null ? new Replay() : base.replay();
                String root = base == null ? chain.get(chain.size() - 1).name() : base.root();
                List<HistoryCache.Step> steps = new ArrayList<>(chain.size());
                TreeDiff diff = new TreeDiff(reader, git.workPath());
                for (int i = chain.size() - 1; i >= 0; i--) {
                    RevCommit commit = chain.get(i);
                    RevCommit parent = i + 1 < chain.size() ? chain.get(i + 1) : base == null ? null : walk.parseCommit(ObjectId.fromString(base.tip()));
                    HistoryCache.Step step = new HistoryCache.Step(meta(commit), changes(diff, parent, commit));
                    replay.apply(step.commit(), step.changes());
                    if (base != null) steps.add(step);
                }
                boolean shallow = base != null ? base.shallow() : shallowCommits.contains(ObjectId.fromString(root));
                if (cache != null && !chain.isEmpty()) cache.save(tip.name(), root, shallow, replay, key, base, steps);
                return new Read(replay.history(tip.name(), shallow), chain.size());
            }
        }

        /** A cached state made from a shallow clone is no longer the whole story once the clone is deepened. */
        private HistoryCache.Saved usable(HistoryCache.Saved saved) {
            if (saved == null) return null;
            if (saved.shallow() && !shallowCommits.contains(ObjectId.fromString(saved.root()))) return null;
            return saved;
        }

        private static Replay.Commit meta(RevCommit c) {
            PersonIdent author = c.getAuthorIdent();
            return new Replay.Commit(c.name(), Instant.ofEpochSecond(c.getCommitTime()), author.getName(), author.getWhenAsInstant());
        }

        /** The task files that appeared or disappeared under the work tree between {@code parent} (null: nothing) and {@code commit}. */
        private List<Replay.Change> changes(TreeDiff diff, RevCommit parent, RevCommit commit) throws IOException {
            List<Replay.Change> changes = new ArrayList<>();
            ObjectId before = parent == null || shallowCommits.contains(commit) ? null : parent.getTree();
            diff.compare(before, commit.getTree(), (rel, was, is) -> {
                if (TaskReader.classify(rel, excluded) == TaskReader.Kind.TASK) changes.add(new Replay.Change(rel, was, is));
            });
            return changes;
        }
    }
}
