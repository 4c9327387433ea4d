package dev.dashgen.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * One writer per output folder: a {@code build} or {@code serve} holds an operating-system lock on the empty
 * file {@value #FILE} while it writes there. The system lets go of a killed process's lock, so a folder left
 * behind by one is simply taken. Nothing is ever written into the file (a second build with nothing changed
 * rewrites no file, and two output folders stay the same); who holds a lock is asked of the system instead.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = ".dashgen/lock";

    /** The folder is held by another running dashgen; the message names it in one line. */
    public static final class Held extends Exception {
        Held(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code out}, or throws {@link Held} naming the process that has it; {@code shown} names the folder. */
    public static OutputLock acquire(Path out, String shown) throws IOException, Held {
        Path file = out.resolve(FILE);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it: a second command run in the same JVM
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new Held("output folder " + shown + " is in use by " + holder(file)
                    + " — stop it first, or choose another folder with -o");
        }
        return new OutputLock(channel, lock);
    }

    /** The process holding a lock on {@code file}, as Linux's {@code /proc/locks} tells; elsewhere "another dashgen". */
    static String holder(Path file) {
        try {
            Object inode = Files.getAttribute(file, "unix:ino");
            for (String line : Files.readAllLines(Path.of("/proc/locks"), StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  WRITE 1234 08:01:56789 0 EOF"
                if (f.length < 6 || !f[5].endsWith(":" + inode)) continue;
                long pid = Long.parseLong(f[4]);
                if (pid <= 0) continue;
                return describe(pid);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not readable: say less
        }
        return "another dashgen";
    }

    /** {@code dashgen serve (pid 1234)}: the dashgen command a process runs, read from its command line. */
    static String describe(long pid) {
        Optional<String[]> args = ProcessHandle.of(pid).flatMap(p -> p.info().arguments());
        String command = "";
        if (args.isPresent()) {
            List<String> list = List.of(args.get());
            for (int i = 0; i < list.size() - 1; i++) {
                if (list.get(i).endsWith("dashgen-all.jar") || list.get(i).equals("dev.dashgen.cli.Main")) {
                    command = " " + list.get(i + 1);
                    break;
                }
            }
        }
        return "dashgen" + command + " (pid " + pid + ")";
    }

    /** Lets go of the lock; the empty file stays for the next run. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
