package dev.dashgen.cli;

import dev.dashgen.engine.Project;
import dev.dashgen.demo.DemoOptions;
import dev.dashgen.demo.DemoSummary;
import dev.dashgen.demo.DemoWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dashgen demo}: write a deterministic synthetic workspace and telemetry database. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a deterministic synthetic workspace (task files, telemetry.db, dashgen.yaml).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Folder to write (default: dashgen-demo).")
    Path out = Path.of("dashgen-demo");

    @Option(names = "--tasks", paramLabel = "N", description = "Number of task files (default: 300).")
    int tasks = BundledDemo.TASKS;

    @Option(names = "--invocations", paramLabel = "M", description = "Number of LLM invocations (default: 20000).")
    int invocations = BundledDemo.INVOCATIONS;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 42).")
    long seed = BundledDemo.SEED;

    @Option(names = "--broken", paramLabel = "K", description = "Number of deliberately broken files (default: 0).")
    int broken;

    @Option(names = "--now", paramLabel = "ISO-8601", description = "The day the data ends (default: SOURCE_DATE_EPOCH, else today).")
    String now;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (tasks < 0 || invocations < 0 || broken < 0) {
            throw new DashgenException(ExitCodes.USAGE, "--tasks, --invocations and --broken must be >= 0");
        }
        if (broken > tasks) {
            throw new DashgenException(ExitCodes.USAGE, "--broken " + broken + " is more than --tasks " + tasks);
        }
        var anchor = Project.now(now, System.getenv(), Clock.systemUTC()).truncatedTo(ChronoUnit.DAYS);
        DemoSummary summary;
        try {
            summary = DemoWriter.write(out, new DemoOptions(tasks, invocations, seed, broken, anchor));
        } catch (IOException e) {
            throw new DashgenException(ExitCodes.IO, e.getMessage(), e);
        }
        var w = spec.commandLine().getOut();
        w.printf(java.util.Locale.ROOT, "dashgen demo: %,d task files (%s), %,d invocations, %d broken files in %s%n",
                summary.taskFiles(), summary.taskFilesPerFolder(), summary.invocations(), summary.brokenFiles().size(), out);
        w.println("  build it:  ./dashgen build -c " + out.resolve("dashgen.yaml"));
        w.flush();
        return ExitCodes.OK;
    }
}
