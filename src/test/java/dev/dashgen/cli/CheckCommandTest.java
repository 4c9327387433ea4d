package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dashgen check}: the problem list as text, JSON or GitHub annotations, and its exit codes. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private Fixture clean() {
        return new Fixture(tmp.resolve("repo")).task("inbox/t-1.yaml", "id: t-1\ntitle: T\n");
    }

    private Fixture withErrorAndWarning() {
        return clean()
                .task("inbox/bad.yaml", "id: bad\ntitle: [\n")
                .task("assigned/bob/t-2.yaml", "id: t-2\npriority: urgent\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void cleanTreeExitsZero() {
        Cli.Run r = clean().check();
        assertEquals(0, r.exit(), r::toString);
        assertEquals("1 task files checked: 0 errors, 0 warnings\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void errorsExitOne() {
        Cli.Run r = withErrorAndWarning().check();
        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("work/collaboration/assigned/bob/t-2.yaml:2:1: warning: unknown priority \"urgent\""), r::toString);
        assertTrue(lines.get(1).startsWith("work/collaboration/inbox/bad.yaml:3:1: error: YAML cannot be parsed"), r::toString);
        assertEquals("2 task files checked: 1 errors, 1 warnings", lines.get(2));
    }

    @Test
    void warningsAloneExitZeroUnlessStrict() {
        Fixture f = clean().task("inbox/t-3.yaml", "id: t-3\nstatus: wip\n");
        assertEquals(0, f.check().exit());
        assertEquals(1, f.check("--strict").exit());
    }

    @Test
    void quietLeavesOutTheSummaryLine() {
        Cli.Run r = withErrorAndWarning().check("-q");
        assertEquals(2, r.out().lines().count(), r::toString);
    }

    @Test
    void jsonIsTheProblemsFileShape() throws IOException {
        Cli.Run r = withErrorAndWarning().check("--format", "json");
        assertEquals(1, r.exit(), r::toString);
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(List.of("schemaVersion", "problems"), fieldNames(root));
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals(2, root.get("problems").size());
        JsonNode bad = root.get("problems").get(1);
        assertEquals(List.of("file", "line", "column", "severity", "message"), fieldNames(bad));
        assertEquals("work/collaboration/inbox/bad.yaml", bad.get("file").asText(), "named from the repository root");
        assertEquals(3, bad.get("line").asInt());
        assertEquals("error", bad.get("severity").asText());
    }

    @Test
    void jsonOfACleanTreeIsAnEmptyList() throws IOException {
        Cli.Run r = clean().check("--format", "JSON");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(0, new ObjectMapper().readTree(r.out()).get("problems").size());
    }

    @Test
    void githubAnnotationsUsePathsFromTheRepositoryRoot() {
        Cli.Run r = withErrorAndWarning().check("--format", "github");
        assertEquals(1, r.exit(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("::warning file=work/collaboration/assigned/bob/t-2.yaml,line=2,col=1::unknown priority \"urgent\""),
                r::toString);
        assertTrue(lines.get(1).startsWith("::error file=work/collaboration/inbox/bad.yaml,line=3,col=1::YAML cannot be parsed"), r::toString);
    }

    @Test
    void githubFindsTheNearestGitFolderAboveTheWorkTree() {
        Fixture f = new Fixture(tmp.resolve("outer"));
        Cli.write(f.root.resolve("work/.git/HEAD"), "ref: refs/heads/main\n");
        f.task("inbox/x.yaml", "id: y\n");
        Cli.Run r = f.check("--format", "github");
        assertTrue(r.out().startsWith("::warning file=collaboration/inbox/x.yaml,line=1,col=1::id \"y\" differs"), r::toString);
    }

    @Test
    void githubWithoutAnnotationsLeavesTheLineAndColumnOut() {
        Fixture f = clean().task("completed/old.yaml", "id: old\n");
        Cli.Run r = f.check("--format", "github");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("::warning file=work/collaboration/completed/::1 task file(s) in completed/ are not read"),
                r::toString);
    }

    @Test
    void githubEscapesNewlinesAndPercentInMessages() {
        Fixture f = clean().task("inbox/pct.yaml", "id: pct\npriority: \"100%\\nnow\"\n");
        String line = f.check("--format", "github").out();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("unknown priority \"100%25%0Anow\""), line);
    }

    @Test
    void aBadFormatIsAUsageErrorNamingTheChoices() {
        Cli.Run r = clean().check("--format", "xml");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("xml") && r.err().contains("text, json, github"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void aMissingWorkTreeIsAUsageError() {
        Cli.Run r = Cli.run("check", "-w", tmp.resolve("missing"), "-c", clean().config);
        assertEquals(2, r.exit(), r::toString);
    }

    @Test
    void configProblemsAreChecked() throws IOException {
        Fixture f = clean().config("title: x\nlanes:\n  wip_limit: {in_progress: 2}\n");
        Cli.Run r = f.check();
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("unknown key \"lanes.wip_limit\"; did you mean \"wip_limits\"?"), r::toString);
    }

    @Test
    void configProblemsAnnotateTheConfigFileFromTheRepositoryRoot() {
        Fixture f = clean().config("titel: x\n");
        Cli.Run r = f.check("--format", "github");
        assertTrue(r.out().contains("::warning file=dashgen.yaml,line=1::unknown key \"titel\""), r::toString);
    }

    @Test
    void checkWritesNothing() {
        Fixture f = withErrorAndWarning();
        List<String> before = Cli.paths(f.root);
        f.check();
        assertEquals(before, Cli.paths(f.root));
        assertFalse(Files.exists(f.out));
    }
}
