package dev.dashgen.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Puts a freshly written file in place of another, atomically for readers. Renaming over an existing
 * file makes ext4 (and btrfs) push the new file's data towards the disk before the rename returns
 * (ext4's {@code auto_da_alloc}): about 1 ms per MB on our machines, most of a live rebuild that
 * rewrites a 5 MB {@code tasks.json}. Exchanging the two names with Linux's
 * {@code renameat2(RENAME_EXCHANGE)} is just as atomic, skips that flush, and leaves the old bytes
 * under the temporary name to delete. Elsewhere, or where the file system cannot exchange, a plain
 * atomic move.
 */
final class FileSwap {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;
    private static final int ENOENT = 2;
    private static final Charset PATHS = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));

    private FileSwap() {
    }

    interface LibC extends Library {
        int renameat2(int oldDir, byte[] oldPath, int newDir, byte[] newPath, int flags) throws LastErrorException;
    }

    /** Loaded on first use, so a build that replaces nothing never loads native code. */
    private static final class Loaded {
        static volatile LibC libc = load();

        private static LibC load() {
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux")) return null;
            try {
                return Native.load("c", LibC.class);
            } catch (LinkageError | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * Moves {@code fresh} to {@code target}. Returns true when the names were exchanged: then
     * {@code fresh} holds what was at {@code target}, for the caller to delete (freeing tens of MB takes
     * milliseconds that need not delay a reload); false when it is gone already. With {@code mayExist} false (a path
     * the last build did not write) the names are not offered for exchange: that would fail for want of a target, at
     * the cost of a native call and an exception per file.
     */
    static boolean replace(Path fresh, Path target, boolean mayExist) throws IOException {
        if (mayExist && exchanged(fresh, target)) return true;
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return false;
    }

    /** Whether replacements still exchange names (for tests: a silent fall-back would cost the time again). */
    static boolean exchanges() {
        return Loaded.libc != null;
    }

    private static boolean exchanged(Path fresh, Path target) {
        LibC libc = Loaded.libc;
        if (libc == null) return false;
        try {
            return libc.renameat2(AT_FDCWD, cString(fresh), AT_FDCWD, cString(target), RENAME_EXCHANGE) == 0;
        } catch (LastErrorException e) {
            // No target yet (a new file) is the usual case; anything else (a file system or kernel that
            // cannot exchange) will not change, so stop asking.
            if (e.getErrorCode() != ENOENT) Loaded.libc = null;
            return false;
        } catch (LinkageError e) { // a C library without renameat2 (older than glibc 2.28, musl before 1.2.4)
            Loaded.libc = null;
            return false;
        }
    }

    private static byte[] cString(Path p) {
        byte[] bytes = p.toAbsolutePath().toString().getBytes(PATHS);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}
