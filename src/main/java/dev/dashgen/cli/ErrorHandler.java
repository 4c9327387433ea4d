package dev.dashgen.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Prints one line for a failure; the stack trace only with {@code --verbose}. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
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
