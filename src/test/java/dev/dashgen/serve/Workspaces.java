package dev.dashgen.serve;

import dev.dashgen.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/** Small work trees for serve tests, laid out as teams do: inbox/, assigned/&lt;agent&gt;/, done/&lt;agent&gt;/. */
final class Workspaces {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private Workspaces() {}

    static String task(String id, String title, String status, String priority) {
        return "id: " + id + "\ntitle: " + title + "\nstatus: " + status + "\npriority: " + priority
                + "\ncreated_at: 2026-11-20T09:00:00Z\n";
    }

    /** {@code dir/work} with three tasks; returns the work root. */
    static Path small(Path dir) throws IOException {
        Path work = dir.resolve("work");
        write(work.resolve("inbox/t-1.yaml"), task("t-1", "Write the parser", "new", "high"));
        write(work.resolve("assigned/alice/t-2.yaml"), task("t-2", "Review the board", "in_progress", "normal"));
        write(work.resolve("done/bob/t-3.yaml"), task("t-3", "Ship it", "done", "low"));
        return work;
    }

    static Setup setup(Path dir) {
        return setup(dir, null, null);
    }

    /** The setup of {@code dir/work} into {@code dir/out}, with theme folders when given. */
    static Setup setup(Path dir, Path templates, Path assets) {
        return new Setup(dir.resolve("work").toAbsolutePath(), dir.resolve("out").toAbsolutePath(), null, Config.DEFAULTS, List.of(),
                templates, assets, null, null, NOW, "test");
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
