package dev.dashgen.site;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a {@link Site} into the output folder: each file atomically (temp file + rename) and only
 * when its bytes change; files the previous build wrote and this one does not are removed. What
 * was written is kept in a manifest, so files dashgen did not write are never touched.
 */
public final class SiteWriter {
    static final String MANIFEST = ".dashgen/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a write did, for the build summary. */
    public record Result(int written, int unchanged, int removed, List<String> changed) {
        public Result {
            changed = List.copyOf(changed);
        }
    }

    private SiteWriter() {}

    public static Result write(Site site, Path out) throws IOException {
        Files.createDirectories(out);
        Map<String, String> previous = readManifest(out);
        SortedMap<String, String> manifest = new ConcurrentSkipListMap<>();
        SortedMap<String, Boolean> changed = new ConcurrentSkipListMap<>();
        AtomicInteger unchanged = new AtomicInteger();
        try {
            site.files().entrySet().parallelStream().forEach(e -> {
                String hash = hash(e.getValue());
                manifest.put(e.getKey(), hash);
                Path target = resolve(out, e.getKey());
                try {
                    if (hash.equals(previous.get(e.getKey())) && sameSize(target, e.getValue().length)) {
                        unchanged.incrementAndGet();
                    } else {
                        writeAtomically(target, e.getValue());
                        changed.put(e.getKey(), Boolean.TRUE);
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int removed = 0;
        for (String old : new TreeMap<>(previous).keySet()) {
            if (!manifest.containsKey(old) && Files.deleteIfExists(resolve(out, old))) {
                removed++;
                pruneEmptyParents(out, resolve(out, old).getParent());
            }
        }
        if (!manifest.equals(previous)) {
            Path m = out.resolve(MANIFEST);
            Files.createDirectories(m.getParent());
            writeAtomically(m, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new TreeMap<>(manifest)));
        }
        return new Result(changed.size(), unchanged.get(), removed, List.copyOf(changed.keySet()));
    }

    /** Site paths come from our own code, but are checked anyway: nothing may land outside {@code out}. */
    static Path resolve(Path out, String rel) {
        Path p = out.resolve(rel).normalize();
        if (!p.startsWith(out.normalize()) || rel.contains("\\") || rel.startsWith("/")) {
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

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".dashgen-tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void pruneEmptyParents(Path out, Path dir) throws IOException {
        while (dir != null && !dir.equals(out) && dir.startsWith(out)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) return;
            }
            Files.delete(dir);
            dir = dir.getParent();
        }
    }

    private static Map<String, String> readManifest(Path out) throws IOException {
        Path m = out.resolve(MANIFEST);
        try {
            return JSON.readValue(Files.readAllBytes(m), new TypeReference<TreeMap<String, String>>() {});
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Map.of(); // a damaged manifest only costs a full rewrite; nothing is deleted on its word
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
