package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.metrics.Usd;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build with telemetry: cost pages, cost data files, cost per task, budget banner and exit 4. */
class CostBuildTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path demo;

    @BeforeAll
    static void demo() {
        demo = dir.resolve("demo");
        Cli.Run r = Cli.run("demo", "--out", demo, "--tasks", "60", "--invocations", "4000", "--seed", "11", "--now", Cli.NOW);
        assertEquals(0, r.exit(), r::toString);
    }

    private static Cli.Run build(Path out, Object... more) {
        Object[] base = {"build", "-c", demo.resolve("dashgen.yaml"), "-o", out, "--now", Cli.NOW};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Cli.run(all);
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static Document html(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void costsPageShowsTheKpisOfCostsJson() throws IOException {
        Path out = dir.resolve("site-kpis");
        Cli.Run r = build(out);
        assertEquals(0, r.exit(), r::toString);
        JsonNode costs = json(out.resolve("data/costs.json"));
        Document page = html(out.resolve("costs.html"));
        assertEquals(Usd.format(costs.get("kpis").get("allTime").decimalValue()), page.selectFirst("#kpi-all-time .tile-value").text());
        assertEquals(Usd.format(costs.get("kpis").get("month").decimalValue()), page.selectFirst("#kpi-month .tile-value").text());
        assertTrue(r.out().contains("this month"), r::toString);
    }

    @Test
    void everyChartHasATableReadableWithoutJavaScript() throws IOException {
        Path out = dir.resolve("site-tables");
        assertEquals(0, build(out).exit());
        Document page = html(out.resolve("costs.html"));
        for (String section : List.of("daily", "monthly", "byModel", "byAgent", "byTool", "errors", "top")) {
            assertFalse(page.select("#" + section + " table tbody tr").isEmpty(), section + " has table rows");
        }
        assertEquals(10, page.select("#top tbody tr").size());
        assertNotNull(page.selectFirst("script[src=assets/echarts.min.js]"));
        assertTrue(Files.size(out.resolve("assets/echarts.min.js")) > 500_000, "ECharts is copied beside the pages");
    }

    @Test
    void costDataFilesFollowTheContract() throws IOException {
        Path out = dir.resolve("site-data");
        assertEquals(0, build(out).exit());
        JsonNode costs = json(out.resolve("data/costs.json"));
        assertEquals(1, costs.get("schemaVersion").asInt());
        JsonNode day = costs.get("daily").get(0);
        for (String f : List.of("date", "model", "cost", "tokens", "invocations")) assertTrue(day.has(f), "daily." + f);
        for (String group : List.of("byModel", "byAgent", "byTool")) {
            String key = group.substring(2).toLowerCase();
            JsonNode row = costs.get(group).get(0);
            for (String f : List.of(key, "cost", "promptTokens", "completionTokens", "invocations", "errors", "p50Ms", "p95Ms")) {
                assertTrue(row.has(f), group + "." + f);
            }
        }
        assertTrue(costs.get("top").size() == 10 && costs.get("monthly").size() > 0);

        // The CSV holds the same days as costs.json, to the last micro-dollar.
        List<String> csv = Files.readAllLines(out.resolve("data/costs-daily.csv"), StandardCharsets.UTF_8);
        assertEquals("date,model,invocations,prompt_tokens,completion_tokens,cost_usd", csv.get(0));
        assertEquals(costs.get("daily").size(), csv.size() - 1);
        BigDecimal csvSum = csv.stream().skip(1).map(l -> new BigDecimal(l.substring(l.lastIndexOf(',') + 1)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal jsonSum = BigDecimal.ZERO;
        for (JsonNode d : costs.get("daily")) jsonSum = jsonSum.add(d.get("cost").decimalValue());
        assertEquals(0, jsonSum.compareTo(csvSum));

        JsonNode summary = json(out.resolve("data/summary.json"));
        assertEquals(0, summary.get("cost").get("allTime").decimalValue().compareTo(costs.get("kpis").get("allTime").decimalValue()));
        assertEquals("none", summary.get("budget").get("state").asText());
    }

    @Test
    void tasksCarryAnEstimatedCostWithoutATaskIdColumn() throws IOException {
        Path out = dir.resolve("site-tasks");
        assertEquals(0, build(out).exit());
        JsonNode tasks = json(out.resolve("data/tasks.json")).get("tasks");
        JsonNode costed = null;
        for (JsonNode t : tasks) {
            if (t.get("cost").isObject() && t.get("cost").get("usd").decimalValue().signum() > 0) costed = t;
        }
        assertNotNull(costed, "some task has a cost");
        assertTrue(costed.get("cost").get("estimated").asBoolean());
        Document page = html(out.resolve(costed.get("url").asText()));
        assertTrue(page.selectFirst("#task-cost").text().startsWith("~$"), page.selectFirst("#task-cost").text());
        assertTrue(page.selectFirst("#task-cost").text().contains("estimate"));
    }

    @Test
    void overBudgetShowsABannerOnEveryPageAndFailsOnlyWhenAsked() throws IOException {
        Path config = dir.resolve("budget.yaml");
        Files.writeString(config, Files.readString(demo.resolve("dashgen.yaml")).replace("work: ", "work: demo/")
                .replace("telemetry: ", "telemetry: demo/") + "budget: {monthly_usd: 1, warn_at: 0.5}\n");
        Path out = dir.resolve("site-budget");
        Cli.Run plain = Cli.run("build", "-c", config, "-o", out, "--now", Cli.NOW);
        assertEquals(0, plain.exit(), plain::toString);
        for (String page : List.of("index.html", "costs.html", "problems.html", "agents.html")) {
            assertNotNull(html(out.resolve(page)).selectFirst("#budget-banner.budget-over"), page + " has the banner");
        }
        assertEquals("over", json(out.resolve("data/summary.json")).get("budget").get("state").asText());
        Cli.Run gated = Cli.run("build", "-c", config, "-o", out, "--now", Cli.NOW, "--fail-on-budget");
        assertEquals(4, gated.exit(), gated::toString);
    }

    @Test
    void underBudgetHasNoBannerAndPasses() throws IOException {
        Path config = dir.resolve("rich.yaml");
        Files.writeString(config, Files.readString(demo.resolve("dashgen.yaml")).replace("work: ", "work: demo/")
                .replace("telemetry: ", "telemetry: demo/") + "budget: {monthly_usd: 1000000}\n");
        Path out = dir.resolve("site-rich");
        Cli.Run r = Cli.run("build", "-c", config, "-o", out, "--now", Cli.NOW, "--fail-on-budget");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(html(out.resolve("index.html")).select("#budget-banner").isEmpty());
        assertEquals("ok", json(out.resolve("data/summary.json")).get("budget").get("state").asText());
    }

    @Test
    void aMissingDatabaseGivesASiteWithoutCostPagesAndOneNotice() throws IOException {
        Path out = dir.resolve("site-nodb");
        Cli.Run r = build(out, "-t", dir.resolve("nowhere.db"));
        assertEquals(0, r.exit(), r::toString);
        assertFalse(Files.exists(out.resolve("costs.html")));
        assertFalse(Files.exists(out.resolve("data/costs.json")));
        assertTrue(json(out.resolve("data/summary.json")).get("cost").isNull());
        String notice = html(out.resolve("index.html")).selectFirst("#cost-notice").text();
        assertTrue(notice.contains("nowhere.db"), notice);
        assertEquals(1, r.out().lines().filter(l -> l.contains("no cost pages")).count(), r::toString);
        assertTrue(html(out.resolve("index.html")).select("nav a[href=costs.html]").isEmpty());
    }

    @Test
    void agentPagesShowTasksByLaneAndCostByDay() throws IOException {
        Path out = dir.resolve("site-agents");
        assertEquals(0, build(out).exit());
        Document agents = html(out.resolve("agents.html"));
        String busy = json(out.resolve("data/tasks.json")).get("tasks").get(0).get("agent").asText();
        String href = agents.select("#agents-table a").stream().filter(a -> a.text().equals(busy)).findFirst().orElseThrow().attr("href");
        Document agent = html(out.resolve(href));
        assertFalse(agent.select("#agent-tasks li a").isEmpty());
        assertFalse(agent.select("#agent-cost tbody tr").isEmpty());
        Map<?, ?> charts = JSON.readValue(agent.selectFirst("#dashgen-charts").data(), Map.class);
        assertTrue(charts.containsKey("agentDaily"));
    }
}
