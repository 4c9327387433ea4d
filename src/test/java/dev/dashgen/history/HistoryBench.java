package dev.dashgen.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * History read times on a generated repository (PRODUCT.md §9: 5,000 commits, first build + ≤ 2 s, after one new commit
 * + ≤ 50 ms). Not a test; bench/history-bench.sh runs it with the test class path:
 * <pre>
 *   HistoryBench generate DIR [COMMITS]   a repository of COMMITS (5,000) commits under DIR, once
 *   HistoryBench first DIR CACHE          one read with an empty cache folder: milliseconds
 *   HistoryBench next DIR CACHE           the cache brought to HEAD, one more commit, one read: milliseconds and commits read
 *   HistoryBench warm DIR CACHE           five of each in one JVM
 * </pre>
 * The repository's work tree is {@code work/collaboration}; commit by commit a task arrives in the inbox, the oldest
 * inbox task is assigned, or the oldest assigned task is done, and every tenth commit also edits a file outside the
 * work tree, so about 1,700 tasks move through the lanes.
 */
public final class HistoryBench {
    private static final String WORK = "work/collaboration/";
    private static final List<String> AGENTS = List.of("planner", "backend-dev", "frontend-dev", "reviewer");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "generate" -> generate(dir, args.length > 2 ? Integer.parseInt(args[2]) : 5000);
            case "first" -> {
                Path cache = Path.of(args[2]);
                delete(cache);
                long start = System.nanoTime();
                HistoryReader.Read r = HistoryReader.read(dir.resolve(WORK), List.of("backups/**"), null, cache);
                System.out.printf(java.util.Locale.ROOT, "%.1f ms first read: %d commits, %d tasks%n",
                        (System.nanoTime() - start) / 1e6, r.commitsRead(), r.history().tasks().size());
            }
            case "next" -> {
                Path cache = Path.of(args[2]);
                HistoryReader.read(dir.resolve(WORK), List.of("backups/**"), null, cache);
                oneMore(dir);
                long start = System.nanoTime();
                HistoryReader.Read r = HistoryReader.read(dir.resolve(WORK), List.of("backups/**"), null, cache);
                System.out.printf(java.util.Locale.ROOT, "%.1f ms after one more commit: %d commit(s) read of %d%n",
                        (System.nanoTime() - start) / 1e6, r.commitsRead(), r.history().commits());
            }
            case "warm" -> {
                Path cache = Path.of(args[2]);
                for (int i = 0; i < 5; i++) main(new String[] {"first", args[1], args[2]});
                for (int i = 0; i < 5; i++) main(new String[] {"next", args[1], args[2]});
            }
            default -> throw new IllegalArgumentException("generate, first, next or warm");
        }
    }

    private static void generate(Path dir, int commits) throws Exception {
        if (Files.isDirectory(dir.resolve(".git"))) return;
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
             Repository repo = git.getRepository();
             PackInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
            ins.checkExisting(false);
            Folder root = new Folder();
            Deque<String> inbox = new ArrayDeque<>();
            Deque<String> assigned = new ArrayDeque<>();
            ObjectId parent = null;
            int task = 0;
            for (int i = 0; i < commits; i++) {
                int kind = i % 3;
                if (kind == 0 || inbox.isEmpty() && assigned.isEmpty()) {
                    String name = "t" + (task++) + ".yaml";
                    root.put(WORK + "inbox/" + name, blob(ins, "id: " + name + "\ntitle: Task " + task + "\n"));
                    inbox.add(name);
                } else if (kind == 1 && !inbox.isEmpty() || assigned.isEmpty()) {
                    String name = inbox.poll();
                    String agent = AGENTS.get(Math.floorMod(name.hashCode(), AGENTS.size()));
                    root.put(WORK + "assigned/" + agent + "/" + name, root.remove(WORK + "inbox/" + name));
                    assigned.add(agent + "/" + name);
                } else {
                    String at = assigned.poll();
                    root.put(WORK + "done/" + at, root.remove(WORK + "assigned/" + at));
                }
                if (i % 10 == 0) root.put("docs/notes-" + (i % 50) + ".md", blob(ins, "notes at commit " + i + "\n"));
                parent = commit(ins, root.write(ins), parent, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(600L * i), "change " + i);
            }
            ins.flush();
            RefUpdate ref = repo.updateRef(Constants.R_HEADS + "main");
            ref.setNewObjectId(parent);
            ref.setForceUpdate(true);
            ref.update();
            git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef("HEAD").call();
            try (Stream<Path> s = Files.list(dir)) {
                System.out.println("generated " + commits + " commits, " + task + " tasks in " + dir + " (" + s.count() + " entries)");
            }
        }
    }

    /** One more commit on top of HEAD: a new task in the inbox. */
    private static void oneMore(Path dir) throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            String name = "bench-" + System.nanoTime() + ".yaml";
            Path file = dir.resolve(WORK + "inbox/" + name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "id: " + name + "\n", StandardCharsets.UTF_8);
            git.add().addFilepattern(WORK + "inbox/" + name).call();
            PersonIdent who = new PersonIdent("Bench", "bench@example.org", Instant.now(), ZoneOffset.UTC);
            git.commit().setMessage("one more").setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private static ObjectId blob(ObjectInserter ins, String text) throws IOException {
        return ins.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectId commit(ObjectInserter ins, ObjectId tree, ObjectId parent, Instant at, String message) throws IOException {
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        if (parent != null) c.setParentId(parent);
        PersonIdent who = new PersonIdent("Bench", "bench@example.org", at, ZoneOffset.UTC);
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(message + "\n");
        return ins.insert(c);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** A tree built in memory, each folder's id kept until something under it changes (names are ASCII here). */
    private static final class Folder {
        private final TreeMap<String, Object> entries = new TreeMap<>(); // name → blob, name + "/" → Folder
        private ObjectId id;

        void put(String path, ObjectId blob) {
            id = null;
            int slash = path.indexOf('/');
            if (slash < 0) entries.put(path, blob);
            else ((Folder) entries.computeIfAbsent(path.substring(0, slash + 1), k -> new Folder())).put(path.substring(slash + 1), blob);
        }

        ObjectId remove(String path) {
            id = null;
            int slash = path.indexOf('/');
            if (slash < 0) return (ObjectId) entries.remove(path);
            Folder f = (Folder) entries.get(path.substring(0, slash + 1));
            ObjectId blob = f.remove(path.substring(slash + 1));
            if (f.entries.isEmpty()) entries.remove(path.substring(0, slash + 1));
            return blob;
        }

        ObjectId write(ObjectInserter ins) throws IOException {
            if (id != null) return id;
            TreeFormatter fmt = new TreeFormatter();
            for (var e : entries.entrySet()) {
                if (e.getValue() instanceof Folder f) fmt.append(e.getKey().substring(0, e.getKey().length() - 1), FileMode.TREE, f.write(ins));
                else fmt.append(e.getKey(), FileMode.REGULAR_FILE, (ObjectId) e.getValue());
            }
            id = fmt.insertTo(ins);
            return id;
        }
    }
}
