package dev.dashgen.cli;

import dev.dashgen.engine.Project;
import dev.dashgen.portfolio.Repository;
import dev.dashgen.tasks.Task;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Lets a build whose inputs are exactly those of the previous build into the same folder skip the work:
 * a SHA-256 fingerprint of every input (each work-tree and theme file's path from its folder, size and
 * modification time, and those of the repository's specifications, agent profiles and the folders link patterns
 * name, with Git's index and config; the files tasks name elsewhere, as the last build listed them; the config's
 * values; the telemetry file's size and modification time with its {@code -wal} and {@code -journal}; {@code now},
 * the options and the jar's size and time) is kept in
 * {@value #FILE} with what the build printed. Any difference, or an output file gone missing, means a real
 * build. A telemetry database behind a JDBC URL can change with no file to show it, so such builds never
 * skip; neither do builds run from a classes folder (a developer's), whose code changes leave no trace. The
 * stamp names no absolute path: two folders built from the same inputs hold the same stamp.
 */
final class BuildStamp {
    static final String FILE = ".dashgen/last-build.json";
    /** Made on first use: a first build has no stamp to read, and Jackson takes a while to set up on the thread it starts on. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * What the previous build printed, so a skipped build can say the same, and in {@code referenced} the files its
     * tasks named outside the folders the stamp walks ({@link #referenced}), which the next fingerprint takes in.
     */
    record Last(String fingerprint, int tasks, long errors, long warnings, boolean overBudget, List<String> report,
                List<String> referenced) {
        Last {
            referenced = referenced == null ? List.of() : List.copyOf(referenced); // a stamp from before they were kept
        }
    }

    private BuildStamp() {}

    /**
     * A fingerprint under way: {@link #begin} takes in what a build reads before its files (the jar, the options, the
     * config, the telemetry file and where Git's HEAD is), {@link #finish} the folders and files, before any of them
     * is read. Between the two, a build with no stamp to compare with starts reading the telemetry and the history.
     */
    static final class Fingerprint {
        private final Project p;
        private final MessageDigest d;
        private final List<String> referenced;
        private String value;

        private Fingerprint(Project p, MessageDigest d, List<String> referenced) {
            this.p = p;
            this.d = d;
            this.referenced = referenced;
        }

        /** The whole fingerprint; the folders are walked on the first call only. */
        String finish() throws IOException {
            if (value != null) return value;
            add(d, "tree", "work");
            tree(d, p.work(), p.out());
            add(d, "tree", "templates");
            if (p.templates() != null) tree(d, p.templates(), p.out());
            add(d, "tree", "assets");
            if (p.assets() != null) tree(d, p.assets(), p.out());
            // Beyond the work tree a build reads the repository's specifications, agent profiles and the files link
            // patterns name (the folders serve watches for them), and Git's index and config, which give the file list
            // and the web address.
            for (Path folder : Repository.folders(p.repoRoot(), p.config())) {
                add(d, "tree", p.name(folder));
                tree(d, folder, p.out());
            }
            Path git = p.repoRoot().resolve(".git");
            stat(d, "git index", git.resolve("index"));
            stat(d, "git config", git.resolve("config"));
            for (String path : referenced) stat(d, "referenced " + path, p.repoRoot().resolve(path));
            value = HexFormat.of().formatHex(d.digest());
            return value;
        }
    }

    /**
     * Empty when dashgen runs from a classes folder (a developer build), where code changes leave no trace.
     * {@code referenced}: the files the last build's tasks named outside the walked folders. Which files this build's
     * tasks name is known only once they are read, so each build's fingerprint takes in the previous build's list,
     * looked at before anything is read: a build that names another list differs from its stamp, and the build after
     * it, whose list is the same, can be skipped.
     */
    static Optional<Fingerprint> begin(Project p, String version, boolean verbose, List<String> referenced)
            throws IOException {
        Path jar = jar();
        if (jar == null || p.telemetry() != null && p.telemetry().startsWith("jdbc:")) return Optional.empty();
        MessageDigest d = sha256();
        add(d, "version", version);
        stat(d, "jar", jar);
        add(d, "now", p.now().toString());
        add(d, "verbose", String.valueOf(verbose)); // a verbose build lists every problem
        add(d, "work", p.prefix());
        add(d, "base", String.valueOf(p.baseUrl()));
        add(d, "config", text(p.config()) + "\u0000" + text(p.configProblems()));
        add(d, "telemetry", String.valueOf(p.telemetryName()));
        if (p.telemetry() != null) {
            for (String suffix : List.of("", "-wal", "-journal")) stat(d, suffix, Path.of(p.telemetry() + suffix));
        }
        add(d, "at", String.valueOf(p.at()));
        // A new commit moves the history the pages show: HEAD and the branch it names say where it is.
        for (Path head : dev.dashgen.history.GitHead.files(p.repoRoot())) {
            add(d, "git", p.name(head) + "\u0000" + (Files.isRegularFile(head) ? Files.readString(head) : ""));
        }
        return Optional.of(new Fingerprint(p, d, referenced));
    }

    /**
     * {@code value} as a record's generated {@code toString} writes it, records within it and in its lists and maps
     * included (every component, whatever a record's own {@code toString} leaves out), but read by reflection: a
     * record's {@code toString} first makes a method handle per component, dozens of classes for the config, on the
     * one thread a build has before it reads anything.
     */
    static String text(Object value) {
        StringBuilder out = new StringBuilder();
        text(value, out);
        return out.toString();
    }

    private static void text(Object value, StringBuilder out) {
        if (value instanceof Record r) {
            StringBuilder fields = new StringBuilder(r.getClass().getSimpleName()).append('[');
            RecordComponent[] components = r.getClass().getRecordComponents();
            try {
                for (int i = 0; i < components.length; i++) {
                    if (i > 0) fields.append(", ");
                    fields.append(components[i].getName()).append('=');
                    text(components[i].getAccessor().invoke(r), fields);
                }
            } catch (ReflectiveOperationException e) {
                out.append(r); // a record this class may not read writes itself
                return;
            }
            out.append(fields).append(']');
        } else if (value instanceof Collection<?> c) {
            out.append('[');
            String sep = "";
            for (Object o : c) {
                out.append(sep);
                text(o, out);
                sep = ", ";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> m) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(sep);
                text(e.getKey(), out);
                out.append('=');
                text(e.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else {
            out.append(value);
        }
    }

    /** The files {@code tasks} name outside the folders {@link Fingerprint#finish} walks: see {@link Repository#namedElsewhere}. */
    static List<String> referenced(Project p, Collection<Task> tasks) {
        return Repository.namedElsewhere(p.repoRoot(), p.work(), p.config(), tasks);
    }

    static Optional<Last> read(Path out) {
        try {
            byte[] bytes = Files.readAllBytes(out.resolve(FILE));
            Last last = Json.MAPPER.readValue(bytes, Last.class);
            Map<?, ?> manifest = Json.MAPPER.readValue(Files.readAllBytes(out.resolve(".dashgen/manifest.json")), Map.class);
            for (Object path : manifest.keySet()) {
                if (!Files.exists(out.resolve(String.valueOf(path)))) return Optional.empty();
            }
            return Optional.of(last);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no stamp, or a damaged one: build for real
        }
    }

    static void write(Path out, Last last) throws IOException {
        Path file = out.resolve(FILE);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Json.MAPPER.writeValueAsBytes(last));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the stamp, before a build that might fail half-way. */
    static void clear(Path out) throws IOException {
        Files.deleteIfExists(out.resolve(FILE));
    }

    /**
     * Each file of {@code dir}, by its path from {@code dir}: its size and modification time. The output folder and Git's
     * own folder are no input.
     */
    private static void tree(MessageDigest d, Path dir, Path out) throws IOException {
        if (!Files.isDirectory(dir)) return;
        Path skip = out.toAbsolutePath().normalize();
        List<String> entries = new ArrayList<>();
        // The walk runs before anything else of a build, on one core: each file's path is cut from the string the walk
        // made rather than relativised, and its time is a number rather than formatted.
        String base = dir.toString();
        int cut = base.endsWith(dir.getFileSystem().getSeparator()) ? base.length() : base.length() + 1;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes a) {
                boolean git = !folder.equals(dir) && folder.getFileName().toString().equals(".git");
                return git || folder.toAbsolutePath().normalize().equals(skip) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                entries.add(file.toString().substring(cut).replace('\\', '/') + "\u0000" + a.size() + "\u0000"
                        + a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(null);
        for (String e : entries) add(d, "f", e);
    }

    /** A file's size and modification time, under {@code name} (not its path). */
    private static void stat(MessageDigest d, String name, Path file) throws IOException {
        if (!Files.exists(file)) {
            add(d, "missing", name);
            return;
        }
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        add(d, "file", name + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().toInstant());
    }

    private static void add(MessageDigest d, String key, String value) {
        d.update(key.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(value.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
    }

    private static Path jar() {
        try {
            Path p = Path.of(BuildStamp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
