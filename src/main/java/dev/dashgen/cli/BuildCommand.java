package dev.dashgen.cli;

import dev.dashgen.model.Workspace;
import dev.dashgen.site.OutputGuard;
import dev.dashgen.site.Site;
import dev.dashgen.site.SiteBuilder;
import dev.dashgen.site.SiteInputs;
import dev.dashgen.site.SiteWriter;
import dev.dashgen.site.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashgen build}: render the site once, print a one-screen summary. */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Render the site into the output folder once.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--demo", description = "Build the bundled demo workspace.")
    boolean demo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        if (demo) {
            if (options.work != null) throw new DashgenException(ExitCodes.USAGE, "--demo and --work exclude each other — use one");
            if (options.config == null) {
                options.config = BundledDemo.write(Project.now(options.now, System.getenv(), Clock.systemUTC()));
            }
        }
        Project project = Project.resolve(options, cwd, System.getenv(), Clock.systemUTC());
        OutputGuard.check(project.out(), project.work(), cwd, home()).ifPresent(why -> {
            throw new DashgenException(ExitCodes.USAGE, why);
        });
        Workspace ws = project.readWorkspace();
        Theme theme = Theme.load(project.templates(), project.assets());
        Site site = new SiteBuilder(theme).build(new SiteInputs(ws, project.config(), project.now(), Dashgen.version(), project.baseUrl()));
        SiteWriter.Result written = new SiteWriter(project.out()).write(site);
        PrintWriter out = spec.commandLine().getOut();
        if (!options.quiet) {
            out.print(BuildSummary.text(project, ws, written, (System.nanoTime() - start) / 1_000_000, options.verbose));
            out.flush();
        }
        return options.strict && !ws.problems().isEmpty() ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }

    private static Path home() {
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home);
    }
}
