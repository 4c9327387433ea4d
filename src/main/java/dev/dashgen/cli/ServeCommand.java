package dev.dashgen.cli;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.serve.Preview;
import dev.dashgen.serve.Rebuilder;
import dev.dashgen.serve.ServeLog;
import dev.dashgen.engine.Project;
import dev.dashgen.output.OutputGuard;
import dev.dashgen.output.OutputLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashgen serve}: build, serve on Jetty, watch, rebuild what changed and reload open browsers. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Build the site, serve it locally, and rebuild and live-reload on every change.")
final class ServeCommand implements Callable<Integer> {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1, this machine only).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: 8000; 0 = any free port).")
    int port = 8000;

    @Option(names = "--open", description = "Open the board in the default browser.")
    boolean open;

    @Option(names = "--demo", description = "Serve the bundled demo workspace.")
    boolean demo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65_535) throw new DashgenException(ExitCodes.USAGE, "--port " + port + " is not a port — use 1 to 65535, or 0 for any free port");
        Path cwd = Path.of("").toAbsolutePath();
        Map<String, String> env = System.getenv();
        Instant now = Project.now(options.now, env, Clock.systemUTC()); // frozen: the same inputs keep giving the same pages
        if (demo) {
            if (options.work != null) throw new DashgenException(ExitCodes.USAGE, "--demo and --work exclude each other — use one");
            if (options.config == null) options.config = BundledDemo.write(now);
        }
        // Resolved again when the config changes, with the same now; rows the telemetry service writes later
        // are counted up to the live clock, unless --now (or SOURCE_DATE_EPOCH) fixed the moment.
        Supplier<Project> projects = () -> Commands.project(options, cwd, Clock.fixed(now, ZoneOffset.UTC));
        Project first = projects.get();
        Clock live = first.nowFromClock() ? Clock.systemUTC() : null;
        OutputGuard.check(first.out(), first.work(), cwd, home()).ifPresent(why -> {
            throw new DashgenException(ExitCodes.USAGE, why);
        });
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            err.println("dashgen: warning: --host " + host + " lets anyone who can reach this machine read the dashboard");
            err.flush();
        }
        OutputLock lock = Commands.lock(first, cwd);
        Preview preview;
        try {
            preview = Preview.start(projects, live, Preview.Options.of(host, port), log(out, err));
        } catch (BindException e) {
            lock.close();
            throw new DashgenException(ExitCodes.IO, "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + ") — the port is probably in use; choose another with --port N, or --port 0 for any free port");
        } catch (DashgenException e) {
            lock.close();
            throw e;
        } catch (RuntimeException e) {
            lock.close();
            throw new DashgenException(ExitCodes.IO, "the first build failed: " + e.getMessage() + " — fix it and run serve again", e);
        }
        URI url = preview.url();
        if (!options.quiet) {
            Rebuilder.Result r = preview.initial();
            out.printf(Locale.ROOT, "dashgen serve: built in %,d ms, %s; watching %s%n", r.micros() / 1000,
                    problems(r.problems()), Commands.shown(cwd, first.work()));
        }
        out.println(url);
        out.flush();
        if (open) open(url, err);
        return waitForStop(preview, lock, out);
    }

    /** Blocks until Ctrl-C (a shutdown hook stops the server and the watcher) or until this thread is interrupted. */
    private int waitForStop(Preview preview, OutputLock lock, PrintWriter out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            preview.close();
            try {
                lock.close();
            } catch (IOException e) {
                // stopping anyway: the system lets go of the lock when this process ends
            }
            if (!options.quiet) {
                out.println("dashgen serve: stopped");
                out.flush();
            }
        };
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "dashgen-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
        }
        return ExitCodes.OK;
    }

    private ServeLog log(PrintWriter out, PrintWriter err) {
        return new ServeLog() {
            @Override
            public void built(Rebuilder.Result r) {
                if (options.quiet || (r.written().isEmpty() && r.removed().isEmpty())) return;
                out.printf(Locale.ROOT, "rebuilt in %,d ms: %d written, %d removed; %s%n", r.micros() / 1000,
                        r.written().size(), r.removed().size(), problems(r.problems()));
                if (options.verbose) r.moves().forEach(m -> out.printf("  %s: %s → %s%n", m.id(), m.from(), m.to()));
                out.flush();
            }

            @Override
            public void failed(String why) {
                err.println("dashgen: " + why + " — the last good site is still served");
                err.flush();
            }

            @Override
            public void watchError(String why) {
                err.println("dashgen: " + why);
                err.flush();
            }
        };
    }

    private static String problems(List<Problem> problems) {
        long errors = problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
        long warnings = problems.size() - errors;
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    private static void open(URI url, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                : os.contains("mac") ? List.of("open", url.toString()) : List.of("xdg-open", url.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println("dashgen: could not open a browser (" + e.getMessage() + ") — open " + url + " yourself");
            err.flush();
        }
    }

    private static Path home() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home);
    }
}
