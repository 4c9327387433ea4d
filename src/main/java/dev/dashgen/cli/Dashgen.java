package dev.dashgen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dashgen} command and its subcommands. */
@Command(name = "dashgen", mixinStandardHelpOptions = true, versionProvider = Dashgen.Version.class,
        description = "Static dashboards for YAML agent tasks and LLM telemetry.",
        subcommands = {BuildCommand.class, CheckCommand.class, DemoCommand.class, ServeCommand.class, SnapshotCommand.class, InitCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class})
public final class Dashgen implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A configured command line, as {@code main} and the tests use it. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Dashgen());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(ErrorHandler::usage);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command: build, serve, check, snapshot, demo, init or schema");
    }

    public static String version() {
        String v = Dashgen.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** {@code --version}: the jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dashgen " + version()};
        }
    }
}
