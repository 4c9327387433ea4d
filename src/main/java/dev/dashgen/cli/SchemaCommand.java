package dev.dashgen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dashgen schema}: the JSON Schema (draft 2020-12) of a task file, for editors' YAML language servers. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of a task file, e.g. dashgen schema > task.schema.json, for an editor's YAML language server.")
final class SchemaCommand implements Callable<Integer> {
    static final String RESOURCE = "dashgen/task.schema.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text());
        out.flush();
        return ExitCodes.OK;
    }

    static String text() throws IOException {
        try (InputStream in = SchemaCommand.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
