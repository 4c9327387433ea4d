package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format github} against GitHub's workflow-command syntax: {@code ::error file=…,line=…,col=…::message}
 * with every file named from the repository root, task files and the config alike, so the annotations land on the
 * pull request's files.
 */
class GithubAnnotationsTest {
    @TempDir
    Path tmp;

    @Test
    void oneLinePerProblemInTheWorkflowCommandForm() {
        Fixture f = new Fixture(tmp.resolve("repo")).task("inbox/t-1.yaml", "id: t-1\npriority: someday\ncreated_at: soon\n");
        Cli.Run r = f.check("--format", "github");
        assertEquals(0, r.exit(), r::toString);
        for (String line : r.out().lines().toList()) {
            assertTrue(line.matches("::(error|warning) file=[^,:]+(,line=\\d+(,col=\\d+)?)?::.+"), line);
        }
        assertEquals(2, r.out().lines().count(), r::toString);
    }

    @Test
    void aConfigInAnotherFolderIsNamedFromTheRepositoryRootToo() {
        Fixture f = new Fixture(tmp.resolve("repo")).task("inbox/t-1.yaml", "id: t-1\n");
        Path nested = Cli.write(f.root.resolve("config/dashgen.yaml"), "titel: x\n");
        List<String> lines = Cli.run("check", "-w", f.work, "-c", nested, "--format", "github").out().lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("::warning file=config/dashgen.yaml,line=1::unknown key \"titel\""), lines::toString);
    }

    @Test
    void separatorsInPathsAreEscaped() {
        Fixture f = new Fixture(tmp.resolve("repo")).task("inbox/a,b.yaml", "id: x\n");
        String line = f.check("--format", "github").out().strip();
        assertTrue(line.startsWith("::warning file=work/collaboration/inbox/a%2Cb.yaml,line=1,col=1::id \"x\" differs"), line);
    }
}
