package dev.dashgen.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The history as of one commit, saved under the output folder ({@code <cache>/history/<commit id>}) so the next
 * build reads only the commits after it. A file is either the whole {@link Replay} state ("full": tables of authors,
 * folders and commits, then each task name's paths and moves) or a delta: the commit it builds on and, for each
 * commit read since, its meta data and task-file changes, replayed on load. So a build after one new commit writes a
 * few hundred bytes, not the whole state; every {@value #MAX_DEPTH} deltas a full state is written again and the
 * chain behind it deleted. Each file holds the parameters it was made for (the work tree's path in the repository,
 * the exclude globs) and ends with a CRC; {@link CacheCodec} lays out the bytes. No absolute path, no time of
 * writing, nothing of the machine: two output folders built alike get the same bytes. A file that is corrupt,
 * foreign, made for other parameters, or builds on one that is, is not used.
 */
final class HistoryCache {
    static final String FOLDER = "history";
    private static final byte[] MAGIC = "dashgen-history\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 3;
    private static final int FULL = 0;
    private static final int DELTA = 1;
    /** Deltas at most between two full states: loading replays them all. */
    static final int MAX_DEPTH = 16;
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{40}");

    /**
     * What a cache file restores: the state after commit {@code tip}, whose chain ends at {@code root}; {@code depth}
     * deltas on top of a full state, read from {@code files} (the tip's first).
     */
    record Saved(String tip, String root, boolean shallow, Replay replay, int depth, List<String> files) {
        Saved {
            files = List.copyOf(files);
        }
    }

    /** One commit read on top of a saved state, as a delta records it. */
    record Step(Replay.Commit commit, List<Replay.Change> changes) {
        Step {
            changes = List.copyOf(changes);
        }
    }

    /** What a cache file is valid for: the same work tree path and the same excludes. */
    record Key(String workPath, List<String> exclude) {
        Key {
            exclude = List.copyOf(exclude);
        }
    }

    private final Path folder;

    HistoryCache(Path cacheDir) {
        this.folder = cacheDir.resolve(FOLDER);
    }

    /** The commit ids that have a cache file (possibly unusable): looked up while walking the chain. */
    Set<String> commits() {
        Set<String> ids = new TreeSet<>();
        if (!Files.isDirectory(folder)) return ids;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (NAME.matcher(name).matches()) ids.add(name);
            }
        } catch (IOException e) {
            return Set.of();
        }
        return ids;
    }

    /** The state saved for {@code commit} with {@code key}, or null when there is none or it cannot be used. */
    Saved load(String commit, Key key) {
        return load(commit, key, 0);
    }

    private Saved load(String commit, Key key, int hops) {
        if (hops > MAX_DEPTH) return null;
        try {
            byte[] bytes = Files.readAllBytes(folder.resolve(commit));
            if (bytes.length < MAGIC.length + 8) return null;
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = 0;
            for (int i = bytes.length - 8; i < bytes.length; i++) stored = (stored << 8) | (bytes[i] & 0xFF);
            if (stored != crc.getValue()) return null;
            CacheCodec.In in = new CacheCodec.In(bytes, bytes.length - 8);
            if (!header(in, commit, key)) return null;
            long kind = in.number();
            if (kind == FULL) return full(in, commit);
            if (kind != DELTA) return null;
            Saved base = load(id(in), key, hops + 1);
            if (base == null || in.count() != base.depth() + 1) return null;
            Replay replay = base.replay();
            int steps = in.count();
            for (int i = 0; i < steps; i++) {
                Replay.Commit c = new Replay.Commit(id(in), Instant.ofEpochSecond(in.signed()), in.string(), Instant.ofEpochSecond(in.signed()));
                int n = in.count();
                List<Replay.Change> changes = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    String path = in.string();
                    long flags = in.number();
                    changes.add(new Replay.Change(path, (flags & 1) != 0, (flags & 2) != 0));
                }
                replay.apply(c, changes);
            }
            if (!in.done()) return null;
            List<String> files = new ArrayList<>(base.files().size() + 1);
            files.add(commit);
            files.addAll(base.files());
            return new Saved(commit, base.root(), base.shallow(), replay, base.depth() + 1, files);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean header(CacheCodec.In in, String commit, Key key) {
        if (!Arrays.equals(in.bytes(MAGIC.length), MAGIC) || in.number() != VERSION) return false;
        String workPath = in.string();
        int excludes = in.count();
        List<String> exclude = new ArrayList<>();
        for (int i = 0; i < excludes; i++) exclude.add(in.string());
        return new Key(workPath, exclude).equals(key) && id(in).equals(commit);
    }

    /**
     * Saves the state after {@code tip}: as a delta of {@code steps} on {@code base} when there is one and its chain is
     * short enough, else whole. Then deletes every cache file the new one does not build on. Trouble writing only costs
     * the next build a full read.
     */
    void save(String tip, String root, boolean shallow, Replay replay, Key key, Saved base, List<Step> steps) {
        try {
            Files.createDirectories(folder);
            boolean delta = base != null && base.depth() < MAX_DEPTH;
            byte[] body = delta ? delta(tip, key, base, steps) : full(tip, root, shallow, replay, key);
            CRC32 crc = new CRC32();
            crc.update(body);
            byte[] file = Arrays.copyOf(body, body.length + 8);
            long sum = crc.getValue();
            for (int i = 0; i < 8; i++) file[body.length + i] = (byte) (sum >>> (56 - 8 * i));
            Path target = folder.resolve(tip);
            Path temp = folder.resolve(tip + ".tmp");
            Files.write(temp, file);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Set<String> keep = new HashSet<>();
            keep.add(tip);
            if (delta) keep.addAll(base.files());
            prune(keep);
        } catch (IOException e) {
            // The history itself is correct; only the next build's head start is lost.
        }
    }

    private static CacheCodec.Out start(String tip, Key key, int kind) {
        CacheCodec.Out out = new CacheCodec.Out();
        out.bytes(MAGIC).number(VERSION).string(key.workPath()).number(key.exclude().size());
        for (String glob : key.exclude()) out.string(glob);
        id(out, tip);
        return out.number(kind);
    }

    static byte[] delta(String tip, Key key, Saved base, List<Step> steps) {
        CacheCodec.Out out = start(tip, key, DELTA);
        id(out, base.tip());
        out.number(base.depth() + 1L).number(steps.size());
        for (Step step : steps) {
            Replay.Commit c = step.commit();
            id(out, c.id());
            out.signed(c.at().getEpochSecond()).string(c.author()).signed(c.authorTime().getEpochSecond());
            out.number(step.changes().size());
            for (Replay.Change ch : step.changes()) out.string(ch.path()).number((ch.before() ? 1 : 0) | (ch.after() ? 2 : 0));
        }
        return out.toArray();
    }

    private void prune(Set<String> keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                boolean ours = NAME.matcher(name).matches() || name.endsWith(".tmp");
                if (ours && !keep.contains(name)) Files.deleteIfExists(f);
            }
        }
    }

    static byte[] full(String tip, String root, boolean shallow, Replay r, Key key) {
        CacheCodec.Out out = start(tip, key, FULL);
        id(out, root);
        out.number(shallow ? 1 : 0).number(r.commits);
        TreeSet<String> names = new TreeSet<>(r.present.keySet());
        names.addAll(r.transitions.keySet());
        Map<String, Integer> commits = new HashMap<>();
        List<Transition> firsts = new ArrayList<>();
        Map<String, Integer> authors = new LinkedHashMap<>();
        Map<String, Integer> folders = new LinkedHashMap<>();
        for (String name : names) {
            for (Transition t : r.transitions.getOrDefault(name, List.of())) {
                if (commits.putIfAbsent(t.commit(), commits.size()) == null) firsts.add(t);
                authors.putIfAbsent(t.author(), authors.size());
                folders.putIfAbsent(folder(t.path()), folders.size());
            }
            TreeSet<String> paths = r.present.get(name);
            if (paths != null) for (String p : paths) folders.putIfAbsent(folder(p), folders.size());
            String standing = r.standing.get(name);
            if (standing != null) folders.putIfAbsent(folder(standing), folders.size());
        }
        out.number(authors.size());
        authors.keySet().forEach(out::string);
        out.number(folders.size());
        folders.keySet().forEach(out::string);
        out.number(firsts.size());
        for (Transition t : firsts) {
            id(out, t.commit());
            out.signed(t.at().getEpochSecond()).number(authors.get(t.author())).signed(t.authorTime().getEpochSecond());
        }
        out.number(names.size());
        for (String name : names) {
            out.string(name);
            path(out, folders, name, r.standing.get(name));
            TreeSet<String> paths = r.present.get(name);
            out.number(paths == null ? 0 : paths.size());
            if (paths != null) for (String p : paths) path(out, folders, name, p);
            List<Transition> moves = r.transitions.getOrDefault(name, List.of());
            out.number(moves.size());
            for (Transition t : moves) {
                out.number(Transition.LANES.indexOf(t.lane())).number(commits.get(t.commit()));
                path(out, folders, name, t.path());
            }
        }
        return out.toArray();
    }

    private static Saved full(CacheCodec.In in, String tip) {
        String root = id(in);
        boolean shallow = in.number() == 1;
        Replay replay = new Replay();
        replay.commits = in.count();
        String[] authors = new String[in.count()];
        for (int i = 0; i < authors.length; i++) authors[i] = in.string();
        String[] folders = new String[in.count()];
        for (int i = 0; i < folders.length; i++) folders[i] = in.string();
        Replay.Commit[] table = new Replay.Commit[in.count()];
        for (int i = 0; i < table.length; i++) {
            String id = id(in);
            Instant at = Instant.ofEpochSecond(in.signed());
            String author = authors[in.count()];
            table[i] = new Replay.Commit(id, at, author, Instant.ofEpochSecond(in.signed()));
        }
        int names = in.count();
        for (int i = 0; i < names; i++) {
            String name = in.string();
            String standing = path(in, folders, name);
            int paths = in.count();
            if (paths > 0) {
                TreeSet<String> set = new TreeSet<>();
                for (int k = 0; k < paths; k++) set.add(path(in, folders, name));
                replay.present.put(name, set);
            }
            if (standing != null) replay.standing.put(name, standing);
            int moves = in.count();
            if (moves > 0) {
                List<Transition> list = new ArrayList<>(moves);
                for (int k = 0; k < moves; k++) {
                    String lane = Transition.LANES.get(in.count());
                    Replay.Commit c = table[in.count()];
                    list.add(new Transition(lane, c.at(), c.id(), c.author(), c.authorTime(), path(in, folders, name)));
                }
                replay.transitions.put(name, list);
            }
        }
        return in.done() ? new Saved(tip, root, shallow, replay, 0, List.of(tip)) : null;
    }

    private static void id(CacheCodec.Out out, String id) {
        byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
        ObjectId.fromString(id).copyRawTo(raw, 0);
        out.bytes(raw);
    }

    private static String id(CacheCodec.In in) {
        return ObjectId.fromRaw(in.bytes(Constants.OBJECT_ID_LENGTH)).name();
    }

    private static String folder(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** A path as an index into the folder table (0: none) and a file name, "" when it is the task name with .yaml. */
    private static void path(CacheCodec.Out out, Map<String, Integer> folders, String name, String path) {
        if (path == null) {
            out.number(0);
            return;
        }
        String folder = folder(path);
        int from = folder.length();
        boolean usual = path.length() == from + name.length() + 5 && path.startsWith(name, from) && path.endsWith(".yaml");
        out.number(folders.get(folder) + 1L).string(usual ? "" : path.substring(from));
    }

    private static String path(CacheCodec.In in, String[] folders, String name) {
        int folder = in.count();
        if (folder == 0) return null;
        String file = in.string();
        return folders[folder - 1] + (file.isEmpty() ? name + ".yaml" : file);
    }

    /** For tests: the folder's file names, sorted. */
    List<String> files() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) return names;
        try (var list = Files.list(folder)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
