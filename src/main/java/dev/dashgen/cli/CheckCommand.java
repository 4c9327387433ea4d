package dev.dashgen.cli;

import dev.dashgen.engine.Inputs;
import dev.dashgen.engine.Project;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dashgen check}: validate task files and config only; exit 1 on errors (on any problem with --strict). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Validate task files and config; print the problems.")
final class CheckCommand implements Callable<Integer> {
    /** Output formats of the problem list. */
    enum Format { text, json, github }

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or github (annotations for pull requests). Default: text.")
    Format format = Format.text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Project project = Commands.project(options, Path.of("").toAbsolutePath());
        Workspace ws = Inputs.model(project, false).workspace();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.print(ProblemFormats.json(ws.problems()));
            case github -> out.print(ProblemFormats.github(ws.problems()));
            case text -> {
                for (Problem p : ws.problems()) out.println(p);
                if (!options.quiet) {
                    out.printf(java.util.Locale.ROOT, "%d task files checked: %d errors, %d warnings%n",
                            ws.tasks().size(), ws.count(Severity.ERROR), ws.count(Severity.WARNING));
                }
            }
        }
        out.flush();
        boolean failed = ws.count(Severity.ERROR) > 0 || (options.strict && !ws.problems().isEmpty());
        return failed ? ExitCodes.PROBLEMS : ExitCodes.OK;
    }
}
