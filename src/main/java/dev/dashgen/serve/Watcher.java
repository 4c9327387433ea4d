package dev.dashgen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import dev.dashgen.engine.Project;
import dev.dashgen.portfolio.Repository;
import dev.dashgen.tasks.Placement;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns file events into changed paths on a {@link ChangeQueue}, with the JDK's {@link WatchService}
 * (inotify on Linux: event-driven, no polling). The work tree and theme folders are followed
 * recursively: a folder created later is registered as soon as its event arrives and is itself
 * queued, so the rebuild reads the files created in it before it was registered. Single files (the
 * config, the telemetry database and its {@code -wal}, the documents tasks name elsewhere in the
 * repository) are followed through their folder, or the nearest folder above it that exists until it does. Editor temp
 * files are ignored, and in the work tree so is everything but task files. An overflow queues a rescan.
 */
final class Watcher implements Closeable {

    /**
     * What to watch: the work tree, the theme folders and the repository folders the site shows (specifications,
     * agent profiles, linked documents), recursively, and single files. Paths are absolute.
     */
    record Roots(Path work, List<Path> themes, Set<Path> files) {
        Roots {
            work = work.toAbsolutePath().normalize();
            themes = themes.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            files = Set.copyOf(files.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        }

        static Roots of(Project s) {
            return of(s, List.of());
        }

        /** As {@link #of(Project)}, with {@code named}: the files tasks name outside the folders it follows. */
        static Roots of(Project s, Collection<Path> named) {
            List<Path> themes = new ArrayList<>();
            if (s.templates() != null) themes.add(s.templates());
            if (s.assets() != null) themes.add(s.assets());
            Path out = s.out().toAbsolutePath().normalize();
            for (Path folder : Repository.folders(s.repoRoot(), s.config())) {
                // Never the output folder or anything holding it: serve would hear its own writes.
                if (!folder.startsWith(out) && !out.startsWith(folder) && !folder.startsWith(s.work())) themes.add(folder);
            }
            Set<Path> files = new HashSet<>();
            if (s.configFile() != null) files.add(s.configFile());
            if (s.telemetry() != null && !s.telemetry().startsWith("jdbc:")) {
                Path db = Path.of(s.telemetry());
                // Not its -journal: that appears when a transaction begins, whose rows no reader sees yet, and a
                // rollback-journal commit writes the database file itself. Followed, it started a rebuild that found
                // nothing and held up the one for the commit.
                files.add(db);
                files.add(db.resolveSibling(db.getFileName() + "-wal"));
            }
            files.addAll(gitHead(s));
            for (Path file : named) {
                if (!file.startsWith(out)) files.add(file); // serve would hear its own writes
            }
            return new Roots(s.work(), themes, files);
        }

        /** The Git files a commit or a checkout changes (PRODUCT.md §4.3), unless history is off or fixed by --at. */
        static List<Path> gitHead(Project s) {
            if (!s.config().history() || s.at() != null) return List.of();
            return dev.dashgen.history.GitHead.files(s.repoRoot());
        }

        List<Path> trees() {
            List<Path> trees = new ArrayList<>(themes);
            trees.add(0, work);
            return trees;
        }
    }

    private final WatchService service;
    private final ChangeQueue queue;
    private final Consumer<String> errors;
    private final Map<WatchKey, Path> keys = new ConcurrentHashMap<>();
    private final Map<Path, WatchKey> dirs = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile Roots roots;

    /** {@code errors} hears of what could not be watched, in a sentence a user can act on. */
    Watcher(ChangeQueue queue, Consumer<String> errors) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.queue = queue;
        this.errors = errors;
        this.thread = new Thread(this::run, "dashgen-watch");
        thread.setDaemon(true);
    }

    /** Watches {@code next}: registers what is new, drops folders no longer needed; starts the thread on first use. */
    synchronized void watch(Roots next) {
        if (next.equals(roots)) return;
        Roots was = roots;
        roots = next;
        Set<Path> wanted = new HashSet<>();
        for (Path tree : next.trees()) registerTree(tree, wanted);
        registerFiles(next, wanted);
        dirs.keySet().stream().filter(d -> !wanted.contains(d) && !underTree(d)).toList().forEach(this::forget);
        if (was != null) {
            // A file followed from now on may have changed since the build that named it read it.
            next.files().stream().filter(f -> !was.files().contains(f)).sorted().forEach(queue::add);
        }
        if (thread.getState() == Thread.State.NEW) thread.start();
    }

    /** Registers each single file's folder, or while it does not exist the nearest folder above it that does. */
    private void registerFiles(Roots r, Set<Path> wanted) {
        for (Path file : r.files()) {
            Path dir = file.getParent();
            while (dir != null && !Files.isDirectory(dir)) dir = dir.getParent();
            if (dir != null) {
                register(dir);
                wanted.add(dir);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = keys.get(key);
                List<WatchEvent<?>> events = key.pollEvents();
                if (dir != null) {
                    for (WatchEvent<?> e : events) handle(dir, e);
                }
                if (!key.reset()) forgetKey(key);
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the server is stopping
        }
    }

    /** One event in a watched folder. Package-private so tests can feed an overflow. */
    void handle(Path dir, WatchEvent<?> e) {
        if (e.kind() == OVERFLOW) {
            queue.rescan();
            Roots r = roots;
            for (Path tree : r.trees()) registerTree(tree, new HashSet<>()); // folders created in the lost events
            return;
        }
        Path child = dir.resolve((Path) e.context());
        String name = child.getFileName().toString();
        if (EditorFiles.isTemp(name)) return;
        Roots r = roots;
        if (r.files().contains(child)) {
            queue.add(child, e.kind() == ENTRY_DELETE);
            return;
        }
        if (e.kind() != ENTRY_MODIFY && onTheWayToFiles(r, child)) {
            // A folder on the way to a followed file came or went: follow the file from the nearest folder again.
            synchronized (this) {
                registerFiles(r, new HashSet<>());
            }
            r.files().stream().filter(f -> f.startsWith(child)).sorted().forEach(queue::add);
        }
        Path tree = treeOf(r, child);
        if (tree == null || hiddenBelow(tree, child)) return;
        if (e.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            registerTree(child, new HashSet<>());
            queue.add(child, true); // the rebuild reads what the folder already holds; its files' events may follow
        } else if (dirs.containsKey(child)) {
            if (e.kind() == ENTRY_DELETE) {
                forgetTree(child);
                queue.add(child, true);
            }
            // ENTRY_MODIFY of a folder: its own key reports what changed inside
        } else if (!tree.equals(r.work()) || Placement.isTaskFile(name)) {
            queue.add(child, e.kind() == ENTRY_DELETE); // gone: maybe moved, and its new path comes next
        }
    }

    private static boolean onTheWayToFiles(Roots r, Path dir) {
        for (Path file : r.files()) {
            if (file.startsWith(dir) && !file.equals(dir)) return true;
        }
        return false;
    }

    private static Path treeOf(Roots r, Path p) {
        for (Path tree : r.trees()) {
            if (p.startsWith(tree)) return tree;
        }
        return null;
    }

    private boolean underTree(Path dir) {
        Roots r = roots;
        return treeOf(r, dir) != null;
    }

    private static boolean hiddenBelow(Path tree, Path p) {
        for (Path part : tree.relativize(p)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    /** Registers {@code top} and every folder below it (not hidden ones, not through symlinks). */
    private void registerTree(Path top, Set<Path> registered) {
        if (!Files.isDirectory(top)) return;
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(top) && d.getFileName().toString().startsWith(".")) return FileVisitResult.SKIP_SUBTREE;
                    register(d);
                    registered.add(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // gone meanwhile; its delete event follows
                }
            });
        } catch (IOException e) {
            errors.accept("cannot watch " + top + ": " + e.getMessage());
        }
    }

    private void register(Path dir) {
        try {
            WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            // inotify watches an inode: a folder renamed back into view can come back as its old key, old path and all
            if (!dir.equals(key.watchable())) {
                forgetKey(key);
                key.cancel();
                key = dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            }
            keys.put(key, dir);
            dirs.put(dir, key);
        } catch (NoSuchFileException e) {
            // deleted before it could be watched; nothing to read there
        } catch (ClosedWatchServiceException e) {
            // stopping
        } catch (IOException e) {
            String hint = e.getMessage() != null && e.getMessage().contains("inotify")
                    ? " — raise fs.inotify.max_user_watches (sysctl)" : "";
            errors.accept("cannot watch " + dir + ": " + e.getMessage() + hint);
        }
    }

    private void forgetTree(Path top) {
        new LinkedHashSet<>(dirs.keySet()).stream().filter(d -> d.startsWith(top)).forEach(this::forget);
    }

    private void forget(Path dir) {
        WatchKey key = dirs.remove(dir);
        if (key != null) {
            keys.remove(key);
            key.cancel();
        }
    }

    private void forgetKey(WatchKey key) {
        Path dir = keys.remove(key);
        if (dir != null) dirs.remove(dir, key);
    }

    /** How many folders are watched; for tests and the startup line. */
    int watchedFolders() {
        return dirs.size();
    }

    @Override
    public void close() throws IOException {
        service.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
