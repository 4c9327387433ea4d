package dev.dashgen.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses output folders a build must never write into or clean (PRODUCT.md §4): the work tree,
 * anything containing it or inside it, the current directory, a filesystem root, the home directory.
 */
public final class OutputGuard {
    private OutputGuard() {}

    /** Why {@code out} is refused, or empty when it is safe. */
    public static Optional<String> check(Path out, Path work, Path cwd, Path home) throws IOException {
        Path o = real(out);
        Path w = real(work);
        String shown = out.toString();
        if (o.getParent() == null) return Optional.of("output dir " + shown + " is a filesystem root — choose a dedicated folder such as _site");
        if (o.equals(real(cwd))) return Optional.of("output dir " + shown + " is the current directory — choose a dedicated folder such as _site");
        if (home != null && o.equals(real(home))) return Optional.of("output dir " + shown + " is the home directory — choose a dedicated folder such as _site");
        if (o.equals(w)) return Optional.of("output dir " + shown + " is the work tree — choose a folder outside it, such as _site");
        if (w.startsWith(o)) return Optional.of("output dir " + shown + " contains the work tree " + work + " — choose a folder outside it, such as _site");
        if (o.startsWith(w)) return Optional.of("output dir " + shown + " is inside the work tree " + work + " — dashgen never writes there; choose a folder outside it");
        if (Files.exists(o) && !Files.isDirectory(o)) return Optional.of("output dir " + shown + " is a file — choose a folder");
        return Optional.empty();
    }

    /** The real path of the nearest existing ancestor, with the rest appended, so symlinks cannot hide an overlap. */
    static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }
}
