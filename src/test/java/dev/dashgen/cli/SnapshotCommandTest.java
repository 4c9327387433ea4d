package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.snapshot.MarkdownHtml;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dashgen snapshot}: dated reports in a folder, what changed between them, and the cost in between. */
class SnapshotCommandTest {
    private static final String WEEK_1 = "2026-11-17T12:00:00Z";
    private static final String WEEK_2 = "2026-11-24T12:00:00Z";

    @TempDir
    Path tmp;
    Fixture f;
    Path reports;

    @BeforeEach
    void setUp() {
        f = new Fixture(tmp.resolve("repo"))
                .task("inbox/t-1.yaml", "id: t-1\ntitle: First\n")
                .task("assigned/bob/t-2.yaml", "id: t-2\ntitle: Second\nstatus: in_progress\n")
                .task("fridge/t-3.yaml", "id: t-3\ntitle: Later\n");
        reports = f.root.resolve("reports");
    }

    private Cli.Run snapshot(String now, Object... more) {
        return Cli.run(Fixture.concat(new Object[] {"snapshot", "-w", f.work, "-c", f.config, "--dir", reports, "--now", now}, more));
    }

    private JsonNode json(String date) throws IOException {
        return new ObjectMapper().readTree(reports.resolve(date + ".json").toFile());
    }

    private Document markdown(String date) throws IOException {
        return MarkdownHtml.parse(Files.readString(reports.resolve(date + ".md")));
    }

    /** JSON numbers read back as doubles, so compare amounts by value, not by scale. */
    private static void assertUsd(String expected, JsonNode actual, String... why) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " != " + actual + " " + String.join("", why));
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    /** Between the weeks: t-1 is picked up by ann, t-2 is done, t-3 is deleted, t-4 arrives. */
    private void aWeekOfWork() throws IOException {
        Files.move(f.work.resolve("inbox/t-1.yaml"), Files.createDirectories(f.work.resolve("assigned/ann")).resolve("t-1.yaml"));
        Files.delete(f.work.resolve("assigned/bob/t-2.yaml"));
        f.task("done/bob/t-2.yaml", "id: t-2\ntitle: Second\nstatus: done\n");
        Files.delete(f.work.resolve("fridge/t-3.yaml"));
        f.task("inbox/t-4.yaml", "id: t-4\ntitle: Fourth *urgent* | <b>\n");
    }

    @Test
    void theFirstSnapshotRecordsTheBoardWithNothingToCompare() throws IOException {
        Cli.Run r = snapshot(WEEK_1);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(List.of("2026-11-17.json", "2026-11-17.md"), Cli.paths(reports));
        JsonNode root = json("2026-11-17");
        assertEquals("2026-11-17", root.get("date").asText());
        assertEquals(WEEK_1, root.get("now").asText());
        assertTrue(root.get("previous").isNull());
        assertTrue(root.get("changes").isNull());
        assertEquals(List.of("t-1", "t-2", "t-3"), ids(root.get("tasks")));
        assertEquals("in_progress", root.get("tasks").get(1).get("lane").asText());
        assertEquals("bob", root.get("tasks").get(1).get("agent").asText());
        assertEquals(1, root.get("lanes").get("fridge").asInt());
        Document md = markdown("2026-11-17");
        assertEquals("Snapshot 2026-11-17 · dashgen", md.selectFirst("h1").text());
        assertTrue(md.selectFirst("p").text().contains("first snapshot in this folder"), md::outerHtml);
        assertTrue(r.out().contains("the first snapshot in " + reports), r::toString);
    }

    @Test
    void theNextSnapshotSaysWhatIsNewFinishedMovedAndRemoved() throws IOException {
        assertEquals(0, snapshot(WEEK_1).exit());
        aWeekOfWork();
        Cli.Run r = snapshot(WEEK_2);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("since 2026-11-17: 1 new, 1 finished, 1 moved, 1 removed"), r::toString);
        JsonNode root = json("2026-11-24");
        assertEquals("2026-11-17", root.get("previous").get("date").asText());
        JsonNode changes = root.get("changes");
        assertEquals(List.of("t-4"), ids(changes.get("new")));
        assertEquals(List.of("t-2"), ids(changes.get("finished")));
        assertEquals("in_progress", changes.get("finished").get(0).get("from").asText());
        assertEquals(List.of("t-1"), ids(changes.get("moved")));
        assertEquals("assigned", changes.get("moved").get(0).get("to").asText());
        assertEquals(List.of("t-3"), ids(changes.get("removed")));

        Document md = markdown("2026-11-24");
        assertEquals(List.of("Lanes", "Changes since 2026-11-17", "Cost", "Problems"), md.select("h2").eachText());
        assertEquals(List.of("New (1)", "Finished (1)", "Moved (1)", "Removed (1)"), md.select("h3").eachText());
        assertEquals(List.of("t-4 Fourth *urgent* | <b> — Inbox",
                "t-2 Second — In progress → Done (bob)",
                "t-1 First — Inbox → Assigned (ann)",
                "t-3 Later — was Fridge"), md.select("h3 + ul li").eachText());
        assertTrue(md.select("b, em").isEmpty(), "titles stay text");
        assertEquals(List.of("Inbox", "1", "0"), md.select("table").first().select("tbody tr").first().select("td").eachText());
    }

    @Test
    void runningItTwiceChangesNoByte() throws IOException {
        assertEquals(0, snapshot(WEEK_1).exit());
        aWeekOfWork();
        assertEquals(0, snapshot(WEEK_2).exit());
        TreeMap<String, byte[]> before = Cli.tree(reports);
        FileTime longAgo = FileTime.fromMillis(946_684_800_000L);
        for (String p : before.keySet()) Files.setLastModifiedTime(reports.resolve(p), longAgo);

        Cli.Run again = snapshot(WEEK_2);
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.out().contains("unchanged: " + reports.resolve("2026-11-24.md")), again::toString);
        TreeMap<String, byte[]> after = Cli.tree(reports);
        assertEquals(before.keySet(), after.keySet());
        for (String p : before.keySet()) {
            assertArrayEquals(before.get(p), after.get(p), p);
            assertEquals(longAgo, Files.getLastModifiedTime(reports.resolve(p)), p);
        }
    }

    @Test
    void aDamagedEarlierSnapshotIsReportedPassedOverAndLeftAsItIs() throws IOException {
        assertEquals(0, snapshot(WEEK_1).exit());
        Path damaged = Cli.write(reports.resolve("2026-11-20.json"), "{\"schemaVersion\": 1, \"tasks\": [");
        aWeekOfWork();
        Cli.Run r = snapshot(WEEK_2);
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("warning: " + damaged + ": not valid JSON"), r::toString);
        assertTrue(r.err().contains("left as it is"), r::toString);
        assertEquals("{\"schemaVersion\": 1, \"tasks\": [", Files.readString(damaged));
        JsonNode root = json("2026-11-24");
        assertEquals("2026-11-17", root.get("previous").get("date").asText(), "the newest readable one");
        assertEquals("2026-11-20.json", root.get("skipped").get(0).get("file").asText());
        assertTrue(root.get("skipped").get(0).get("reason").asText().startsWith("not valid JSON"));
        assertTrue(markdown("2026-11-24").select("li").eachText().stream().anyMatch(s -> s.startsWith("2026-11-20.json: not valid JSON")));
        assertFalse(Files.exists(reports.resolve("2026-11-20.md")), "a damaged snapshot gets no report of its own");
    }

    @Test
    void laterSnapshotsAreNotEarlierOnes() throws IOException {
        assertEquals(0, snapshot(WEEK_2).exit());
        assertEquals(0, snapshot(WEEK_1).exit());
        assertTrue(json("2026-11-17").get("previous").isNull());
    }

    @Test
    void theCostInThePeriodIsWhatWasSpentBetweenTheTwoSnapshots() throws IOException {
        Path db = CostDb.write(tmp.resolve("telemetry.db"),
                "2026-11-10 09:00:00|model-a|1.00",
                "2026-11-17 11:00:00|model-b|2.00",
                "2026-11-17T13:00:00Z|model-a|4.00",
                "2026-11-23 08:00:00|model-b|8.00");
        f.config("budget: {monthly_usd: 10}\n");
        assertEquals(0, snapshot(WEEK_1, "-t", db).exit());
        JsonNode first = json("2026-11-17").get("cost");
        assertUsd("3", first.get("period").get("usd"), "since the telemetry began");
        assertTrue(first.get("period").get("from").isNull());

        Cli.Run r = snapshot(WEEK_2, "-t", db);
        assertEquals(0, r.exit(), r::toString);
        JsonNode root = json("2026-11-24");
        JsonNode period = root.get("cost").get("period");
        assertEquals(WEEK_1, period.get("from").asText());
        assertEquals(WEEK_2, period.get("to").asText());
        assertUsd("12", period.get("usd"));
        assertEquals(List.of("model-b", "model-a"), period.get("byModel").findValuesAsText("model"));
        assertUsd("15", root.get("cost").get("allTime"));
        assertUsd("15", root.get("cost").get("month"));
        assertEquals("over", root.get("budget").get("state").asText());
        Document md = markdown("2026-11-24");
        List<String> cost = md.select("h2:contains(Cost) + ul li").eachText();
        assertEquals("In the period 2026-11-17 12:00 UTC → 2026-11-24 12:00 UTC: $12.00", cost.get(0));
        assertEquals("Budget: $15.00 of $10.00 used this month (150 %): over", cost.get(3));
        assertEquals(List.of("model-b", "$8.00", "model-a", "$4.00"), md.select("h2:contains(Cost) ~ table td").eachText());
    }

    @Test
    void withoutTelemetryTheReportSaysThereAreNoCostFigures() throws IOException {
        assertEquals(0, snapshot(WEEK_1).exit());
        assertTrue(json("2026-11-17").get("cost").isNull());
        assertEquals("No cost figures: no telemetry database is configured.",
                markdown("2026-11-17").select("h2:contains(Cost) + p").text());
    }

    @Test
    void aFolderInsideTheWorkTreeIsRefused() {
        Path inside = f.work.resolve("reports");
        Cli.Run r = Cli.run("snapshot", "-w", f.work, "-c", f.config, "--dir", inside, "--now", WEEK_1);
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("is inside the work tree"), r::toString);
        assertFalse(Files.exists(inside));
    }

    @Test
    void strictFailsOnProblemsButStillWrites() {
        f.task("inbox/bad.yaml", "id: [\n");
        assertEquals(0, snapshot(WEEK_1).exit());
        Cli.Run r = snapshot(WEEK_1, "--strict");
        assertEquals(1, r.exit(), r::toString);
        assertTrue(Files.exists(reports.resolve("2026-11-17.json")));
    }

    @Test
    void quietPrintsNothing() {
        Cli.Run r = snapshot(WEEK_1, "-q");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", r.out() + r.err());
    }
}
