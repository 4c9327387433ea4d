package dev.dashgen.cli;

import dev.dashgen.demo.DemoOptions;
import dev.dashgen.demo.DemoWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The demo workspace behind {@code --demo}: generated from the jar's generator with a fixed seed into
 * a folder of its own under the temp dir, anchored at the hour of {@code now} so it always looks current.
 */
final class BundledDemo {
    static final int TASKS = 300;
    static final int INVOCATIONS = 20_000;
    static final long SEED = 42;
    static final int BROKEN = 3;

    private BundledDemo() {}

    /** Writes the demo and returns its config file. */
    static Path write(Instant now) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "dashgen-demo-" + System.getProperty("user.name", "user"));
        try {
            DemoWriter.write(dir, new DemoOptions(TASKS, INVOCATIONS, SEED, BROKEN, now.truncatedTo(ChronoUnit.HOURS)));
        } catch (IOException e) {
            throw new DashgenException(ExitCodes.IO, "cannot write the demo workspace to " + dir + ": " + e.getMessage());
        }
        return dir.resolve("dashgen.yaml");
    }
}
