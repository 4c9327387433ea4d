package dev.dashgen.cli;

import dev.dashgen.config.ConfigTemplate;
import dev.dashgen.site.Theme;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dashgen init}: a commented {@code dashgen.yaml} and, with {@code --theme}, the default templates and
 * assets beside it to customise. Nothing that exists is overwritten without {@code --force}: when any file is in
 * the way, nothing at all is written.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented dashgen.yaml with every key and its default; with --theme, copies of the default templates and assets to customise.")
final class InitCommand implements Callable<Integer> {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file to write (default: dashgen.yaml).")
    Path config = Path.of("dashgen.yaml");

    @Option(names = "--theme", description = "Also copy the default templates into templates/ and assets into site/, beside the config.")
    boolean theme;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path file = Path.of("").toAbsolutePath().resolve(config).normalize();
        Path base = file.getParent();
        SortedMap<Path, byte[]> files = new TreeMap<>();
        files.put(file, ConfigTemplate.text(theme).getBytes(StandardCharsets.UTF_8));
        if (theme) {
            for (Map.Entry<String, byte[]> e : Theme.bundledFiles().entrySet()) files.put(base.resolve(e.getKey()), e.getValue());
        }
        List<Path> existing = files.keySet().stream().filter(Files::exists).toList();
        if (!existing.isEmpty() && !force) {
            throw new DashgenException(ExitCodes.USAGE, existing.get(0) + " exists"
                    + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more of the files init writes)" : "")
                    + " — nothing written; pass --force to overwrite");
        }
        for (Map.Entry<Path, byte[]> e : files.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            Files.write(e.getKey(), e.getValue());
        }
        if (!quiet) print(file, base, files.size() - 1);
        return ExitCodes.OK;
    }

    private void print(Path file, Path base, int themeFiles) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("dashgen init: wrote " + file);
        if (theme) {
            out.println("  and " + themeFiles + " theme files into " + base.resolve(ConfigTemplate.TEMPLATES) + " and "
                    + base.resolve(ConfigTemplate.ASSETS) + ": edit them, delete the ones you keep as they are");
        }
        out.println("  next: dashgen build -c " + file);
        out.flush();
    }
}
