package dev.dashgen.cli;

import java.nio.file.Path;

/**
 * A repository on disk: {@code root/.git}, {@code root/dashgen.yaml} (empty unless written),
 * the work tree {@code root/work/collaboration} and the output dir {@code root/_site}. Paths are absolute,
 * since the CLI resolves relative ones against the JVM's working directory.
 */
final class Fixture {
    final Path root;
    final Path work;
    final Path out;
    final Path config;

    Fixture(Path root) {
        this.root = root.toAbsolutePath();
        this.work = this.root.resolve("work/collaboration");
        this.out = this.root.resolve("_site");
        this.config = this.root.resolve("dashgen.yaml");
        Cli.write(this.root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Cli.write(config, "");
        Cli.write(work.resolve("inbox/.gitkeep"), "");
    }

    Fixture task(String rel, String yaml) {
        Cli.write(work.resolve(rel), yaml);
        return this;
    }

    Fixture config(String yaml) {
        Cli.write(config, yaml);
        return this;
    }

    Cli.Run build(Object... more) {
        return Cli.run(concat(new Object[] {"build", "-w", work, "-o", out, "-c", config, "--now", Cli.NOW}, more));
    }

    Cli.Run check(Object... more) {
        return Cli.run(concat(new Object[] {"check", "-w", work, "-c", config, "--now", Cli.NOW}, more));
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
