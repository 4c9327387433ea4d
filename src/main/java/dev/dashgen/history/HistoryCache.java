package dev.dashgen.history;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The history as of one commit, saved under the output folder ({@code <cache>/history/<commit id>}) so the next
 * build reads only the commits after it. A file holds the parameters it was made for (the work tree's path in
 * the repository, the exclude globs), the commit counts and the whole {@link Replay} state, in a fixed binary
 * layout with a CRC at the end: no absolute path, no time of writing, nothing of the machine, so two output
 * folders get the same bytes. A file that is corrupt, foreign or made for other parameters is not used.
 */
final class HistoryCache {
    static final String FOLDER = "history";
    private static final byte[] MAGIC = "dashgen-history\n".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final Pattern NAME = Pattern.compile("[0-9a-f]{40}");

    /** What a cache file restores: the state after commit {@code tip}, whose chain ends at {@code root}. */
    record Saved(String tip, String root, boolean shallow, Replay replay) {}

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
        Path file = folder.resolve(commit);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length < MAGIC.length + 8) return null;
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = 0;
            for (int i = bytes.length - 8; i < bytes.length; i++) stored = (stored << 8) | (bytes[i] & 0xFF);
            if (stored != crc.getValue()) return null;
            DataInputStream data = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8));
            return read(data, commit, key);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Saved read(DataInputStream in, String commit, Key key) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!java.util.Arrays.equals(magic, MAGIC) || in.readInt() != VERSION) return null;
        String workPath = string(in);
        int excludes = in.readInt();
        List<String> exclude = new ArrayList<>();
        for (int i = 0; i < excludes; i++) exclude.add(string(in));
        if (!new Key(workPath, exclude).equals(key)) return null;
        String tip = string(in);
        if (!tip.equals(commit)) return null;
        String root = string(in);
        boolean shallow = in.readBoolean();
        Replay replay = new Replay();
        replay.commits = in.readInt();
        int commitCount = in.readInt();
        List<Replay.Commit> table = new ArrayList<>(commitCount);
        for (int i = 0; i < commitCount; i++) {
            table.add(new Replay.Commit(string(in), Instant.ofEpochSecond(in.readLong(), in.readInt()), string(in),
                    Instant.ofEpochSecond(in.readLong(), in.readInt())));
        }
        int names = in.readInt();
        for (int i = 0; i < names; i++) {
            String name = string(in);
            String standing = string(in);
            int paths = in.readInt();
            if (paths > 0) {
                TreeSet<String> set = new TreeSet<>();
                for (int k = 0; k < paths; k++) set.add(string(in));
                replay.present.put(name, set);
            }
            if (!standing.isEmpty()) replay.standing.put(name, standing);
            int moves = in.readInt();
            if (moves > 0) {
                List<Transition> list = new ArrayList<>(moves);
                for (int k = 0; k < moves; k++) {
                    String lane = Transition.LANES.get(in.readByte());
                    Replay.Commit c = table.get(in.readInt());
                    list.add(new Transition(lane, c.at(), c.id(), c.author(), c.authorTime(), string(in)));
                }
                replay.transitions.put(name, list);
            }
        }
        return new Saved(tip, root, shallow, replay);
    }

    /**
     * Saves the state after {@code saved.tip()} and deletes every other cache file but {@code keep}'s (the one
     * this read started from): the folder holds the newest state and the one before it. Trouble writing only
     * costs the next build a full read.
     */
    void save(Saved saved, Key key, String keep) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(saved.tip());
            Path temp = folder.resolve(saved.tip() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                byte[] body = bytes(saved, key);
                CRC32 crc = new CRC32();
                crc.update(body);
                out.write(body);
                out.writeLong(crc.getValue());
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            prune(keep == null ? Set.of(saved.tip()) : new java.util.HashSet<>(List.of(saved.tip(), keep)));
        } catch (IOException e) {
            // The history itself is correct; only the next build's head start is lost.
        }
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

    static byte[] bytes(Saved saved, Key key) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(buffer);
        Replay r = saved.replay();
        out.write(MAGIC);
        out.writeInt(VERSION);
        string(out, key.workPath());
        out.writeInt(key.exclude().size());
        for (String glob : key.exclude()) string(out, glob);
        string(out, saved.tip());
        string(out, saved.root());
        out.writeBoolean(saved.shallow());
        out.writeInt(r.commits);
        TreeSet<String> names = new TreeSet<>(r.present.keySet());
        names.addAll(r.transitions.keySet());
        Map<String, Integer> index = new HashMap<>();
        List<Transition> firsts = new ArrayList<>();
        for (String name : names) {
            for (Transition t : r.transitions.getOrDefault(name, List.of())) {
                if (index.putIfAbsent(t.commit(), index.size()) == null) firsts.add(t);
            }
        }
        out.writeInt(firsts.size());
        for (Transition t : firsts) {
            string(out, t.commit());
            out.writeLong(t.at().getEpochSecond());
            out.writeInt(t.at().getNano());
            string(out, t.author());
            out.writeLong(t.authorTime().getEpochSecond());
            out.writeInt(t.authorTime().getNano());
        }
        out.writeInt(names.size());
        for (String name : names) {
            string(out, name);
            String standing = r.standing.get(name);
            string(out, standing == null ? "" : standing);
            TreeSet<String> paths = r.present.get(name);
            out.writeInt(paths == null ? 0 : paths.size());
            if (paths != null) for (String p : paths) string(out, p);
            List<Transition> moves = r.transitions.getOrDefault(name, List.of());
            out.writeInt(moves.size());
            for (Transition t : moves) {
                out.writeByte(Transition.LANES.indexOf(t.lane()));
                out.writeInt(index.get(t.commit()));
                string(out, t.path());
            }
        }
        out.flush();
        return buffer.toByteArray();
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) throw new IOException("bad string length " + n);
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
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
