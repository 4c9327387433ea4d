package dev.dashgen.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
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
 * Makes the demo folder a Git repository (branch {@code main}) whose commits are {@link DemoHistory}'s, then one
 * last commit at {@code now} holding every other file the demo wrote (README, configuration, backups, …) except
 * the telemetry database, which {@code .gitignore} leaves out. The last commit's tree is the folder, and the index
 * matches it, so {@code git status} is clean. Commits are built directly (trees from memory, objects into one pack)
 * rather than through the index: the same workspace gives the same commit ids, fast even at 100,000 tasks.
 */
final class DemoRepository {
    static final String IGNORE = "/" + DemoWriter.TELEMETRY + "*\n";

    private DemoRepository() {}

    static ObjectId write(Path dir, DemoWorkspace workspace, Instant now) throws IOException {
        SortedMap<String, PlannedTask> tasks = workspace.plans();
        Files.writeString(dir.resolve(".gitignore"), IGNORE, StandardCharsets.UTF_8);
        String work = DemoWriter.WORK + "/";
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
             Repository repo = git.getRepository();
             PackInserter ins = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
            // A new repository holds nothing to look for, and a demo's pack need not be small: speed over size.
            ins.checkExisting(false);
            ins.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
            Map<String, ObjectId> blobs = new HashMap<>();
            Folder root = new Folder();
            ObjectId parent = null;
            for (DemoHistory.Commit c : DemoHistory.plan(tasks, now, DemoHistory.maxCommits(tasks.size()))) {
                for (DemoHistory.Move m : c.moves()) {
                    ObjectId blob = blobs.computeIfAbsent(m.file(), f -> insert(ins, workspace.bytes(f)));
                    if (m.from() != null) root.remove(work + m.from());
                    root.put(work + m.to(), blob);
                }
                parent = commit(ins, root.write(ins), parent, c.author(), c.at(), c.message());
            }
            SortedMap<String, Path> onDisk = files(dir);
            for (String path : root.paths()) {
                if (!onDisk.containsKey(path)) throw new IllegalStateException("the demo history placed " + path + ", which is not on disk");
            }
            SortedMap<String, ObjectId> all = new TreeMap<>();
            for (var e : onDisk.entrySet()) {
                ObjectId blob = root.get(e.getKey());
                if (blob == null) {
                    blob = insert(ins, Files.readAllBytes(e.getValue()));
                    root.put(e.getKey(), blob);
                }
                all.put(e.getKey(), blob);
            }
            ObjectId head = commit(ins, root.write(ins), parent, DemoHistory.PEOPLE.get(0), now,
                    "Demo workspace: configuration, read-me and everything else beside the tasks");
            ins.flush();
            RefUpdate ref = repo.updateRef(Constants.R_HEADS + "main");
            ref.setNewObjectId(head);
            ref.setForceUpdate(true);
            ref.disableRefLog();
            RefUpdate.Result result = ref.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                throw new IOException("cannot point the demo's main branch at its last commit: " + result);
            }
            index(repo, all, onDisk);
            return head;
        } catch (GitAPIException e) {
            throw new IOException("cannot make the demo folder a Git repository: " + e.getMessage(), e);
        }
    }

    private static ObjectId insert(ObjectInserter ins, byte[] bytes) {
        try {
            return ins.insert(Constants.OBJ_BLOB, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectId commit(ObjectInserter ins, ObjectId tree, ObjectId parent, DemoHistory.Person who, Instant at,
                                   String message) throws IOException {
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(tree);
        if (parent != null) c.setParentId(parent);
        PersonIdent ident = new PersonIdent(who.name(), who.email(), at, ZoneOffset.UTC);
        c.setAuthor(ident);
        c.setCommitter(ident);
        c.setMessage(message + "\n");
        return ins.insert(c);
    }

    /** Every regular file of the demo folder but Git's own and the ignored telemetry database, by {@code /}-path. */
    private static SortedMap<String, Path> files(Path dir) throws IOException {
        SortedMap<String, Path> files = new TreeMap<>(BYTES);
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(dir.resolve(Constants.DOT_GIT)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (attrs.isRegularFile() && !rel.startsWith(DemoWriter.TELEMETRY)) files.put(rel, f);
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** The index as Git would leave it after checking out the last commit: the same blobs, with each file's size and time. */
    private static void index(Repository repo, SortedMap<String, ObjectId> blobs, SortedMap<String, Path> onDisk) throws IOException {
        DirCache cache = repo.lockDirCache();
        try {
            DirCacheBuilder builder = cache.builder();
            for (var e : blobs.entrySet()) {
                BasicFileAttributes attrs = Files.readAttributes(onDisk.get(e.getKey()), BasicFileAttributes.class);
                DirCacheEntry entry = new DirCacheEntry(e.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(e.getValue());
                entry.setLength(attrs.size());
                entry.setLastModified(attrs.lastModifiedTime().toInstant());
                builder.add(entry);
            }
            builder.finish();
            cache.write();
            cache.commit();
        } finally {
            cache.unlock();
        }
    }

    /**
     * Git's order: by UTF-8 bytes, which is code point order. String's own order is the same but for surrogate pairs
     * against characters from U+E000 up, so those alone are compared by code point.
     */
    private static final Comparator<String> BYTES = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) continue;
            if (x < Character.MIN_SURROGATE && y < Character.MIN_SURROGATE) return x - y;
            return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return a.length() - b.length();
    };

    /**
     * A folder of the tree being built, remembering its tree id until something under it changes, so a commit only
     * writes the folders its moves touched. Entries are keyed by name, a folder's with a trailing '/' as Git sorts it;
     * String order is Git's byte order for every name without surrogate pairs, and a folder holding one is sorted
     * by bytes when written.
     */
    private static final class Folder {
        /** A file (blob) or a folder, with its name as the tree records it. */
        private record Entry(byte[] name, ObjectId blob, Folder folder) {}

        private final TreeMap<String, Entry> entries = new TreeMap<>();
        private boolean surrogates;
        private ObjectId id;

        void put(String path, ObjectId blob) {
            id = null;
            int slash = path.indexOf('/');
            if (slash < 0) {
                entries.put(path, new Entry(path.getBytes(StandardCharsets.UTF_8), blob, null));
                surrogates |= hasSurrogate(path);
                return;
            }
            String key = path.substring(0, slash + 1);
            Entry e = entries.get(key);
            if (e == null) {
                e = new Entry(path.substring(0, slash).getBytes(StandardCharsets.UTF_8), null, new Folder());
                entries.put(key, e);
                surrogates |= hasSurrogate(key);
            }
            e.folder().put(path.substring(slash + 1), blob);
        }

        void remove(String path) {
            id = null;
            int slash = path.indexOf('/');
            if (slash < 0) {
                Entry e = entries.remove(path);
                if (e == null || e.blob() == null) throw new IllegalStateException("no file " + path + " to move");
                return;
            }
            String key = path.substring(0, slash + 1);
            Entry e = entries.get(key);
            if (e == null || e.folder() == null) throw new IllegalStateException("no folder " + key + " to move from");
            e.folder().remove(path.substring(slash + 1));
            if (e.folder().entries.isEmpty()) entries.remove(key);
        }

        ObjectId get(String path) {
            int slash = path.indexOf('/');
            Entry e = entries.get(slash < 0 ? path : path.substring(0, slash + 1));
            if (e == null) return null;
            return slash < 0 ? e.blob() : e.folder() == null ? null : e.folder().get(path.substring(slash + 1));
        }

        List<String> paths() {
            List<String> out = new java.util.ArrayList<>();
            entries.forEach((key, e) -> {
                if (e.folder() != null) e.folder().paths().forEach(p -> out.add(key + p));
                else out.add(key);
            });
            return out;
        }

        ObjectId write(ObjectInserter ins) throws IOException {
            if (id != null) return id;
            java.util.Collection<Entry> ordered = entries.values();
            if (surrogates) {
                TreeMap<String, Entry> byBytes = new TreeMap<>(BYTES);
                byBytes.putAll(entries);
                ordered = byBytes.values();
            }
            int size = 0;
            for (Entry e : ordered) size += TreeFormatter.entrySize(e.folder() != null ? FileMode.TREE : FileMode.REGULAR_FILE, e.name().length);
            TreeFormatter fmt = new TreeFormatter(size);
            for (Entry e : ordered) {
                if (e.folder() != null) fmt.append(e.name(), FileMode.TREE, e.folder().write(ins));
                else fmt.append(e.name(), FileMode.REGULAR_FILE, e.blob());
            }
            id = fmt.insertTo(ins);
            return id;
        }

        private static boolean hasSurrogate(String name) {
            for (int i = 0; i < name.length(); i++) if (Character.isSurrogate(name.charAt(i))) return true;
            return false;
        }
    }
}
