package dev.dashgen.serve;

import dev.dashgen.engine.Project;
import java.time.Clock;
import java.util.Map;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/** Small work trees for serve tests, laid out as teams do: inbox/, assigned/&lt;agent&gt;/, done/&lt;agent&gt;/. */
final class Workspaces {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private Workspaces() {}

    static String task(String id, String title, String status, String priority) {
        return "id: " + id + "\ntitle: " + title + "\nstatus: " + status + "\npriority: " + priority
                + "\ncreated_at: 2026-11-20T09:00:00Z\n";
    }

    /** {@code dir/work} with three tasks, in a Git repository at {@code dir} as teams keep it; returns the work root. */
    static Path small(Path dir) throws IOException {
        repository(dir);
        Path work = dir.resolve("work");
        write(work.resolve("inbox/t-1.yaml"), task("t-1", "Write the parser", "new", "high"));
        write(work.resolve("assigned/alice/t-2.yaml"), task("t-2", "Review the board", "in_progress", "normal"));
        write(work.resolve("done/bob/t-3.yaml"), task("t-3", "Ship it", "done", "low"));
        return work;
    }

    /** Makes {@code dir} a Git repository (with no commits), so files are named from it as users see them. */
    static void repository(Path dir) throws IOException {
        try {
            org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call().close();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException(e);
        }
    }

    /** A theme folder of {@code dir} (e.g. "theme/site"), named in {@code dir/dashgen.yaml}. */
    static void theme(Path dir, String templates, String assets) throws IOException {
        write(dir.resolve("dashgen.yaml"), "theme:\n" + (templates == null ? "" : "  templates: " + templates + "\n")
                + (assets == null ? "" : "  assets: " + assets + "\n"));
    }

    static Project project(Path dir) {
        return project(dir, null);
    }

    /**
     * The project of {@code dir/work} into {@code dir/out} as of {@link #NOW}, resolved as the commands resolve
     * it: with {@code dir/dashgen.yaml} when that exists (write one for a theme or telemetry), else the defaults.
     */
    static Project project(Path dir, String telemetry) {
        return Project.resolve(new Project.Options(dir.resolve("work"), telemetry, dir.resolve("out"), null, null, NOW.toString()),
                dir, Map.of(), Clock.systemUTC(), "test");
    }

    /** Writes in place (truncate, then write), as most editors and {@code echo >} do. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes a temp file beside the target and renames it over the target, as Vim, IntelliJ and Git do. */
    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
