package dev.dashgen.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of a repository that say which commit HEAD is: a commit, a checkout or a fetch changes one of them. */
public final class GitHead {

    private GitHead() {}

    /** {@code .git/HEAD}, the branch ref it names (when it names one) and {@code packed-refs}; none outside Git. */
    public static List<Path> files(Path repoRoot) {
        Path git = repoRoot.resolve(".git");
        if (!Files.isDirectory(git)) return List.of();
        List<Path> files = new ArrayList<>(List.of(git.resolve("HEAD"), git.resolve("packed-refs")));
        try {
            String head = Files.readString(git.resolve("HEAD")).strip();
            if (head.startsWith("ref: ")) files.add(git.resolve(head.substring("ref: ".length())).normalize());
        } catch (IOException e) {
            // no HEAD yet: the file itself tells of the first one
        }
        return files;
    }
}
