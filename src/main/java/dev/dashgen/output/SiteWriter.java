package dev.dashgen.output;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.site.Content;
import dev.dashgen.site.Site;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a {@link Site} into the output folder: each file atomically (temp file + rename) and only
 * when its bytes change; files the previous build wrote and this one does not are removed. What
 * was written is kept in a manifest ({@value #MANIFEST}), so files dashgen did not write are never touched.
 */
public final class SiteWriter {
    static final String MANIFEST = ".dashgen/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a write did: the paths written and removed, and how many were left as they were. */
    public record Result(List<String> written, int unchanged, List<String> removed) {
        public Result {
            written = List.copyOf(written);
            removed = List.copyOf(removed);
        }
    }

    private final Path out;
    private final SortedMap<String, String> manifest = new ConcurrentSkipListMap<>();
    private final Map<String, Content> unhashed = new HashMap<>();
    /** Temporary names holding the old bytes of replaced files, deleted in {@link #finish()}. */
    private final java.util.Set<Path> replaced = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean manifestDirty;
    /** Each manifest entry as JSON, kept with the hash it says: at 100,000 tasks a serve rebuild changes a few. */
    private final Map<String, Line> lines = new java.util.concurrent.ConcurrentHashMap<>();

    private record Line(String hash, byte[] bytes) {}

    public SiteWriter(Path out) {
        this.out = out.toAbsolutePath().normalize();
    }

    /** A whole build: compares with the manifest on disk, so a second build with nothing changed writes nothing. */
    public Result write(Site site) throws IOException {
        return write(site, dev.dashgen.model.Progress.NONE);
    }

    /** As {@link #write(Site)}, counting the files on {@code progress}. */
    public Result write(Site site, dev.dashgen.model.Progress progress) throws IOException {
        Files.createDirectories(out);
        progress.phase("writing files", site.size());
        Map<String, String> previous = readManifest();
        manifest.clear();
        unhashed.clear();
        SortedMap<String, Boolean> written = new ConcurrentSkipListMap<>();
        AtomicInteger unchanged = new AtomicInteger();
        createFolders(site.contents().keySet());
        try {
            site.contents().entrySet().parallelStream().forEach(e -> {
                String hash = hash(e.getValue());
                manifest.put(e.getKey(), hash);
                Path target = resolve(e.getKey());
                if (hash.equals(previous.get(e.getKey())) && sameSize(target, e.getValue().length())) {
                    unchanged.incrementAndGet();
                } else {
                    writeAtomically(target, e.getValue(), previous.containsKey(e.getKey()));
                    written.put(e.getKey(), Boolean.TRUE);
                }
                progress.advance();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> removed = remove(previous.keySet().stream().filter(p -> !manifest.containsKey(p)).sorted().toList());
        manifestDirty = !manifest.equals(previous);
        finish();
        return new Result(List.copyOf(written.keySet()), unchanged.get(), removed);
    }

    /**
     * An incremental step after {@link #write}: writes the files of {@code after} at {@code changed} whose bytes
     * differ from {@code before}'s, and removes {@code removed}; the engine says which paths those are. With
     * {@code whole}, any path may differ, and the two sites are compared path by path. The manifest follows in
     * {@link #finish()}.
     */
    public Result update(Site before, Site after, Collection<String> changed, Collection<String> removed, boolean whole)
            throws IOException {
        List<String> added = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<Map.Entry<String, Content>> differ = new ArrayList<>();
        if (whole) {
            diff(before, after, added, gone, differ);
        } else {
            for (String path : new java.util.TreeSet<>(changed)) {
                Content o = before.get(path);
                Content n = after.get(path);
                if (n == null) continue;
                if (o == null) {
                    added.add(path);
                    differ.add(Map.entry(path, n));
                } else if (!o.sameBytes(n)) {
                    differ.add(Map.entry(path, n));
                }
            }
            for (String path : new java.util.TreeSet<>(removed)) {
                if (before.get(path) != null && after.get(path) == null) gone.add(path);
            }
        }
        createFolders(added);
        Set<String> fresh = new HashSet<>(added);
        List<String> written = differ.parallelStream().map(e -> {
            writeAtomically(resolve(e.getKey()), e.getValue(), !fresh.contains(e.getKey()));
            return e.getKey();
        }).toList();
        // Hashed when the manifest is written, after the browsers were told: nothing waits for it.
        for (Map.Entry<String, Content> e : differ) unhashed.put(e.getKey(), e.getValue());
        List<String> deleted = remove(gone);
        deleted.forEach(manifest::remove);
        deleted.forEach(unhashed::remove);
        manifestDirty |= !written.isEmpty() || !deleted.isEmpty();
        return new Result(written, after.size() - written.size(), deleted);
    }

    /** Both sites are in path order: one walk through the two finds what is new, changed and gone. */
    private static void diff(Site before, Site after, List<String> added, List<String> gone,
                             List<Map.Entry<String, Content>> changed) {
        var olds = before.contents().entrySet().iterator();
        var news = after.contents().entrySet().iterator();
        Map.Entry<String, Content> o = olds.hasNext() ? olds.next() : null;
        Map.Entry<String, Content> n = news.hasNext() ? news.next() : null;
        while (o != null || n != null) {
            int order = o == null ? 1 : n == null ? -1 : o.getKey().compareTo(n.getKey());
            if (order < 0) {
                gone.add(o.getKey());
            } else if (order > 0) {
                added.add(n.getKey());
                changed.add(n);
            } else if (!o.getValue().sameBytes(n.getValue())) {
                changed.add(n);
            }
            if (order <= 0) o = olds.hasNext() ? olds.next() : null;
            if (order >= 0) n = news.hasNext() ? news.next() : null;
        }
    }

    /**
     * What can wait until browsers were told: deletes the old bytes of replaced files, and writes the
     * manifest if it changed since it was last written.
     */
    public void finish() throws IOException {
        if (manifestDirty) {
            // tasks.json and the board are most of the bytes: on both cores.
            unhashed.entrySet().parallelStream().forEach(e -> manifest.put(e.getKey(), hash(e.getValue())));
            unhashed.clear();
            Path m = out.resolve(MANIFEST);
            Files.createDirectories(m.getParent());
            writeAtomically(m, manifestJson(), true);
            manifestDirty = false;
        }
        deleteOldBytes();
    }

    private static final byte[] OPEN = {'{'};
    private static final byte[] FIRST = {'\n', ' ', ' '};
    private static final byte[] NEXT = {',', '\n', ' ', ' '};
    private static final byte[] CLOSE = {'\n', '}', '\n'};

    /**
     * The manifest as a JSON object, one entry a line, in path order. Made of each entry's remembered
     * bytes: writing 120,000 entries through Jackson each time took longer than the rebuild before it.
     */
    private Content manifestJson() {
        List<byte[]> pieces = new java.util.ArrayList<>(2 * manifest.size() + 2);
        pieces.add(OPEN);
        manifest.forEach((path, hash) -> {
            Line line = lines.get(path);
            if (line == null || !line.hash().equals(hash)) lines.put(path, line = new Line(hash, entry(path, hash)));
            pieces.add(pieces.size() == 1 ? FIRST : NEXT);
            pieces.add(line.bytes());
        });
        pieces.add(CLOSE);
        if (lines.size() > manifest.size()) lines.keySet().retainAll(manifest.keySet());
        return Content.of(pieces);
    }

    private static byte[] entry(String path, String hash) {
        com.fasterxml.jackson.core.io.JsonStringEncoder json = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
        byte[] key = json.quoteAsUTF8(path);
        byte[] value = json.quoteAsUTF8(hash);
        byte[] out = new byte[key.length + value.length + 7];
        int at = 0;
        out[at++] = '"';
        System.arraycopy(key, 0, out, at, key.length);
        at += key.length;
        for (byte b : new byte[] {'"', ' ', ':', ' ', '"'}) out[at++] = b;
        System.arraycopy(value, 0, out, at, value.length);
        out[at + value.length] = '"';
        return out;
    }

    /** Deletes the old bytes of replaced files: no page depends on them once browsers were told. */
    public void deleteOldBytes() throws IOException {
        for (Path old : replaced) Files.deleteIfExists(old);
        replaced.clear();
    }

    private List<String> remove(List<String> paths) throws IOException {
        List<String> removed = new java.util.ArrayList<>();
        for (String old : paths) {
            Path p;
            try {
                p = resolve(old);
            } catch (IllegalArgumentException e) {
                continue; // a damaged manifest naming a path outside the output dir deletes nothing there
            }
            if (Files.deleteIfExists(p)) {
                removed.add(old);
                pruneEmptyParents(p.getParent());
            }
        }
        return removed;
    }

    /** Site paths come from our own code, but are checked anyway: nothing may land outside {@code out}. */
    Path resolve(String rel) {
        Path p = out.resolve(rel).normalize();
        if (!p.startsWith(out) || p.equals(out) || rel.contains("\\") || rel.startsWith("/")) {
            throw new IllegalArgumentException("site path escapes the output dir: " + rel);
        }
        return p;
    }

    private static boolean sameSize(Path target, long size) {
        try {
            return Files.size(target) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** Creates each folder the files need once, rather than asking the file system again for every file. */
    private void createFolders(java.util.Collection<String> paths) throws IOException {
        java.util.Set<Path> folders = new java.util.TreeSet<>();
        for (String p : paths) folders.add(resolve(p).getParent());
        for (Path folder : folders) Files.createDirectories(folder);
    }

    /** {@code mayExist}: whether a file may be there to replace (a new path skips the attempt to exchange names). */
    private void writeAtomically(Path target, Content content, boolean mayExist) {
        try {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".dashgen-tmp");
            try {
                write(tmp, content);
            } catch (NoSuchFileException e) { // the folder went away under us (someone cleaned the output dir)
                Files.createDirectories(target.getParent());
                write(tmp, content);
            }
            if (FileSwap.replace(tmp, target, mayExist)) replaced.add(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Through {@link Content#writeTo}: {@code Files.write} makes a system call per 8 KiB, six hundred for a 5 MB tasks.json. */
    private static void write(Path file, Content content) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            content.writeTo(ch);
        }
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        while (dir != null && !dir.equals(out) && dir.startsWith(out)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) return;
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    private Map<String, String> readManifest() throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(out.resolve(MANIFEST)), new TypeReference<TreeMap<String, String>>() {});
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Map.of(); // a damaged manifest only costs a full rewrite; nothing is deleted on its word
        }
    }

    /**
     * Length and two independent checksums (CRC-32 and CRC-32C, both done by the JVM's native or
     * intrinsic code): a content fingerprint for "did these bytes change", where SHA-256 cost a tenth
     * of a short build's time.
     */
    private static String hash(Content content) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        content.update(crc);
        java.util.zip.CRC32C crcc = new java.util.zip.CRC32C();
        content.update(crcc);
        return Long.toHexString(content.length()) + "-" + Long.toHexString(crc.getValue()) + "-" + Long.toHexString(crcc.getValue());
    }
}
