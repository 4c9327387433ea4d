package dev.dashgen.portfolio;

import dev.dashgen.model.Problem;
import dev.dashgen.tasks.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the specification files of a repository: every Markdown file under the {@code specs} folder, and every file
 * a task's {@code specification:} names, wherever it is. The thin I/O edge in front of {@link SpecParser}.
 */
public final class SpecReader {
    /** Front matter and a first heading are at the top: more of a huge file is never needed. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * @param files    path from the repository root → the specification read from it
     * @param escaping paths named by tasks that lead out of the repository through a symbolic link
     * @param problems front matter that cannot be read, files that cannot be read; files named from the repository root
     */
    public record Specs(SortedMap<String, SpecFile> files, SortedSet<String> escaping, List<Problem> problems) {
        public static final Specs NONE = new Specs(new TreeMap<>(), new TreeSet<>(), List.of());

        public Specs {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
            escaping = Collections.unmodifiableSortedSet(new TreeSet<>(escaping));
            problems = List.copyOf(problems);
        }
    }

    private SpecReader() {}

    /** {@code specsFolder} is config {@code specs}, relative to the repository root (default {@code specifications}). */
    public static Specs read(Path repoRoot, String specsFolder, Collection<Task> tasks) {
        Path root = repoRoot.toAbsolutePath().normalize();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return Specs.NONE;
        }
        TreeSet<String> paths = new TreeSet<>(underSpecs(root, specsFolder));
        TreeSet<String> escaping = new TreeSet<>();
        TreeSet<String> named = new TreeSet<>();
        for (Task t : tasks) {
            RepoPath p = RepoPath.of(t.specification());
            if (p.inside()) named.add(p.path());
        }
        for (String path : named) {
            if (paths.contains(path)) continue;
            Path file = root.resolve(path);
            if (!Files.isRegularFile(file)) continue;
            try {
                if (!file.toRealPath().startsWith(realRoot)) escaping.add(path);
                else paths.add(path);
            } catch (IOException e) {
                paths.add(path); // reported as unreadable when read
            }
        }
        SortedMap<String, SpecFile> files = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (String path : paths) {
            SpecParser.Parsed parsed = readOne(root, path);
            files.put(path, parsed.spec());
            problems.addAll(parsed.problems());
        }
        problems.sort(Problem.ORDER);
        return new Specs(files, escaping, problems);
    }

    /** Markdown files under the specs folder, hidden folders and symbolic links left out; none when it does not exist. */
    static List<String> underSpecs(Path root, String specsFolder) {
        RepoPath folder = RepoPath.of(specsFolder);
        if (!folder.inside()) return List.of();
        Path dir = root.resolve(folder.path());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && d.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (attrs.isRegularFile() && !name.startsWith(".") && (name.endsWith(".md") || name.endsWith(".markdown"))) {
                        found.add(root.relativize(file).toString().replace('\\', '/'));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** One file: a problem when it cannot be read, but it still appears, by its path. */
    static SpecParser.Parsed readOne(Path root, String path) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(root.resolve(path))) {
            bytes = in.readNBytes(MAX_BYTES);
        } catch (IOException e) {
            return new SpecParser.Parsed(SpecFile.byPath(path), List.of(Problem.warning(path, 0, 0,
                    "specification cannot be read (" + e.getClass().getSimpleName() + ") — check its permissions")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Cut inside a character at MAX_BYTES, or not UTF-8: what can be read is still worth showing.
            text = new String(bytes, StandardCharsets.UTF_8);
            if (bytes.length < MAX_BYTES) {
                SpecParser.Parsed parsed = SpecParser.parse(text, path);
                List<Problem> problems = new ArrayList<>(parsed.problems());
                problems.add(Problem.warning(path, 0, 0, "specification is not UTF-8 — re-save it as UTF-8"));
                return new SpecParser.Parsed(parsed.spec(), problems);
            }
        }
        return SpecParser.parse(text, path);
    }
}
