package dev.dashgen.tasks;

import dev.dashgen.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Reads every task file of a work tree: the thin I/O edge in front of {@link TaskParser}. */
public final class TaskReader {

    /**
     * The parsed files in path order, the problems of files that were not read at all, and those files (task
     * files in folders that are not lanes), each with its top-level folder.
     */
    public record Result(List<ParsedFile> files, List<Problem> problems, java.util.SortedMap<String, String> unread) {
        public Result {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
            unread = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(unread));
        }
    }

    private TaskReader() {}

    /** What the reader does with a file found in the work tree. */
    public enum Kind { TASK, UNREAD, IGNORED }

    /** Classifies a path relative to the work root ({@code /}-separated) without touching the disk. */
    public static Kind classify(String rel, List<PathMatcher> excluded) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (!Placement.isTaskFile(name) || hidden(rel)) return Kind.IGNORED;
        if (!excluded.isEmpty()) {
            Path path = Path.of(rel);
            for (PathMatcher m : excluded) {
                if (m.matches(path)) return Kind.IGNORED;
            }
        }
        return Placement.of(rel).read() ? Kind.TASK : Kind.UNREAD;
    }

    /** Whether a part of the path starts with a dot. */
    private static boolean hidden(String rel) {
        return rel.startsWith(".") || rel.contains("/.");
    }

    public static List<PathMatcher> matchers(List<String> exclude) {
        return exclude.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
    }

    public static Result read(Path workRoot, List<String> exclude, LaneSource source) throws IOException {
        return read(workRoot, exclude, source, dev.dashgen.model.Progress.NONE);
    }

    /** As {@link #read(Path, List, LaneSource)}, counting the files read on {@code progress}. */
    public static Result read(Path workRoot, List<String> exclude, LaneSource source, dev.dashgen.model.Progress progress)
            throws IOException {
        List<PathMatcher> excluded = matchers(exclude);
        List<String> paths = new ArrayList<>();
        TreeMap<String, String> unread = new TreeMap<>();
        Files.walkFileTree(workRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(workRoot) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;
                String rel = relative(workRoot, file);
                switch (classify(rel, excluded)) {
                    case TASK -> paths.add(rel);
                    case UNREAD -> unread.put(rel, topFolder(rel));
                    case IGNORED -> { }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                paths.add(relative(workRoot, file)); // reported as unreadable when read below
                return FileVisitResult.CONTINUE;
            }
        });
        paths.sort(null);
        List<ParsedFile> parsed;
        try {
            progress.phase("reading task files", paths.size());
            parsed = paths.parallelStream().map(rel -> {
                ParsedFile f = readOne(workRoot, rel, source);
                progress.advance();
                return f;
            }).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Result(parsed, unreadProblems(unread, ""), unread);
    }

    /**
     * As {@link #read(Path, List, LaneSource)}, from files in memory instead of the disk: path relative to the work
     * root ({@code /}-separated) → bytes, e.g. a commit's tree for {@code --at}. The same files give the same result.
     */
    public static Result read(java.util.SortedMap<String, byte[]> files, List<String> exclude, LaneSource source) {
        List<PathMatcher> excluded = matchers(exclude);
        List<String> paths = new ArrayList<>();
        TreeMap<String, String> unread = new TreeMap<>();
        for (String rel : files.keySet()) {
            switch (classify(rel, excluded)) {
                case TASK -> paths.add(rel);
                case UNREAD -> unread.put(rel, topFolder(rel));
                case IGNORED -> { }
            }
        }
        List<ParsedFile> parsed = paths.parallelStream().map(rel -> {
            byte[] bytes = files.get(rel);
            return bytes.length > YamlMapping.MAX_CHARS ? tooLarge(rel, bytes.length) : parse(bytes, rel, source);
        }).toList();
        return new Result(parsed, unreadProblems(unread, ""), unread);
    }

    /** The top-level folder of a path ("" for a file at the top), as the unread-folder warning names it. */
    public static String topFolder(String rel) {
        int slash = rel.indexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    /** Reads and parses one task file; trouble reading it becomes its problem. */
    public static ParsedFile readOne(Path workRoot, String rel, LaneSource source) {
        Path path = workRoot.resolve(rel);
        byte[] bytes;
        // The size comes from the open file (one system call less than a stat of the path first).
        try (SeekableByteChannel file = Files.newByteChannel(path)) {
            long size = file.size();
            if (size > YamlMapping.MAX_CHARS) return tooLarge(rel, size);
            bytes = readFully(file, (int) size);
        } catch (IOException e) {
            return new ParsedFile(rel, null, List.of(Problem.error(rel, 0, 0,
                    "file cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ") — check its permissions")));
        }
        return parse(bytes, rel, source);
    }

    /** The channel's first {@code size} bytes, or fewer if it ends sooner (a file that changes meanwhile is read again). */
    private static byte[] readFully(SeekableByteChannel file, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        while (buffer.hasRemaining() && file.read(buffer) >= 0) {
            // read until full or at its end
        }
        return buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array();
    }

    private static ParsedFile tooLarge(String rel, long size) {
        return new ParsedFile(rel, null, List.of(Problem.error(rel, 0, 0, String.format(java.util.Locale.ROOT,
                "file is %.1f MB; task files over %d MB are not read — move large content into a separate file",
                size / 1e6, YamlMapping.MAX_CHARS / (1024 * 1024)))));
    }

    /** Decodes strictly as UTF-8 (a wrong byte is a problem with its line), then parses. */
    public static ParsedFile parse(byte[] bytes, String rel, LaneSource source) {
        try {
            // Most task files are ASCII, which needs no decoding; the rest is decoded strictly.
            String text = ascii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
            return TaskParser.parse(text, rel, source);
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            int line = 1;
            int column = 1;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) {
                    column++;
                }
            }
            return new ParsedFile(rel, null, List.of(Problem.error(rel, line, column, String.format(java.util.Locale.ROOT,
                    "file is not UTF-8 (byte 0x%02X) — re-save it as UTF-8", bytes[bad] & 0xFF))));
        }
    }

    private static boolean ascii(byte[] bytes) {
        int all = 0;
        for (byte b : bytes) all |= b;
        return all >= 0;
    }

    private static int firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /**
     * One warning per top-level folder holding unread task files ({@code unread}: file → its top folder), naming
     * the folder as {@code prefix} (the work tree's path from the repository root) and the folder.
     */
    public static List<Problem> unreadProblems(java.util.SortedMap<String, String> unread, String prefix) {
        java.util.SortedMap<String, Integer> folders = new TreeMap<>();
        unread.values().forEach(top -> folders.merge(top, 1, Integer::sum));
        List<Problem> problems = new ArrayList<>();
        folders.forEach((folder, count) -> problems.add(folder.isEmpty()
                ? Problem.warning(prefix.isEmpty() ? "." : prefix, 0, 0, count + " task file(s) at the top of the work tree are not read"
                        + " — move them into inbox/, assigned/<agent>/, done/<agent>/, fridge/ or archive/")
                : Problem.warning(prefix + folder + "/", 0, 0, count + " task file(s) in " + folder + "/ are not read"
                        + " — move them into a lane folder, or add \"" + folder + "/**\" to exclude in dashgen.yaml")));
        return problems;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
