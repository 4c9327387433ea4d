package dev.dashgen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Prints one line for a failure; the stack trace only with {@code --verbose}. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    /** A usage error: one line saying what is wrong, and where to find what is allowed; exit 2. */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        var err = cmd.getErr();
        err.println("dashgen: " + e.getMessage() + " — see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        boolean verbose = parseResult.hasMatchedOption("--verbose") || parseResult.subcommands().stream()
                .anyMatch(sub -> sub.hasMatchedOption("--verbose"));
        var err = cmd.getErr();
        int code;
        String message;
        if (e instanceof DashgenException d) {
            code = d.exitCode();
            message = d.getMessage();
        } else if (e instanceof dev.dashgen.engine.InputError i) {
            code = i.usage() ? ExitCodes.USAGE : ExitCodes.IO;
            message = i.getMessage();
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            code = ExitCodes.IO;
            message = "I/O error: " + e.getMessage();
        } else {
            code = ExitCodes.IO;
            message = "internal error: " + e + " — run again with --verbose and report it";
        }
        err.println("dashgen: " + message);
        if (verbose) e.printStackTrace(err);
        err.flush();
        return code;
    }
}
