package dev.dashgen.snapshot;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder of snapshots on disk: finding the previous snapshot and writing a new one. Earlier files are only
 * ever read; a file is written atomically (temp file + rename) and only when its bytes change, so running a
 * snapshot twice on the same inputs leaves every byte and modification time as it was.
 */
public final class SnapshotFolder {
    private static final Pattern JSON_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.json");

    /** The newest readable snapshot before a date (null when none), and the damaged ones passed over to find it. */
    public record Previous(Snapshot snapshot, List<Skipped> skipped) {
        public Previous {
            skipped = List.copyOf(skipped);
        }
    }

    private SnapshotFolder() {}

    public static String markdownName(LocalDate date) {
        return date + ".md";
    }

    public static String jsonName(LocalDate date) {
        return date + ".json";
    }

    /** Only snapshots dated strictly before {@code date} count: today's own files are what this run rewrites. */
    public static Previous previous(Path dir, LocalDate date) throws IOException {
        if (!Files.isDirectory(dir)) return new Previous(null, List.of());
        TreeMap<LocalDate, Path> earlier = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                Matcher m = JSON_NAME.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(file)) continue;
                try {
                    LocalDate d = LocalDate.parse(m.group(1));
                    if (d.isBefore(date)) earlier.put(d, file);
                } catch (DateTimeParseException e) {
                    continue; // 2026-02-30.json names no day, so it is no snapshot of ours
                }
            }
        }
        List<Skipped> skipped = new ArrayList<>();
        for (Map.Entry<LocalDate, Path> e : earlier.descendingMap().entrySet()) {
            ReportJson.Read read;
            try {
                read = ReportJson.read(Files.readAllBytes(e.getValue()), e.getKey());
            } catch (IOException ex) {
                // The exception's text would put a machine's path into a committed report; its kind says enough.
                read = new ReportJson.Read.Damaged("cannot be read (" + ex.getClass().getSimpleName() + ")");
            }
            if (read instanceof ReportJson.Read.Ok ok) return new Previous(ok.snapshot(), skipped);
            skipped.add(new Skipped(e.getValue().getFileName().toString(), ((ReportJson.Read.Damaged) read).reason()));
        }
        return new Previous(null, skipped);
    }

    /** Returns whether the file was written: false when it already held exactly these bytes. */
    public static boolean write(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return true;
    }
}
