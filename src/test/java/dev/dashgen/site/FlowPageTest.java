package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.metrics.Flow;
import dev.dashgen.metrics.FlowReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** flow.html as a user sees it: tiles, a chart and a table for each metric, the forecast or why there is none. */
class FlowPageTest {
    private static Document page(FlowReport r, Map<String, String> urls) throws IOException {
        return Jsoup.parse(new String(FlowPage.render(Theme.load(null, null), FlowSample.META, r, urls), StandardCharsets.UTF_8));
    }

    @Test
    void everyChartHasItsDataAndATable() throws Exception {
        FlowReport r = FlowSample.report();
        FlowReport.Item recent = r.items().stream().filter(i -> i.cycleDays() != null && r.window().contains(i.dates().finished()))
                .findFirst().orElseThrow();
        Document doc = page(r, Map.of(recent.file(), "tasks/" + recent.id() + ".html"));
        assertEquals("Flow · Flow test", doc.title());
        assertEquals(List.of("cycle", "throughput", "cfd", "aging", "wip", "forecast", "howMany"), doc.select("[data-chart]").eachAttr("data-chart"));
        JsonNode data = new ObjectMapper().readTree(doc.getElementById("dashgen-charts").data());
        for (String chart : doc.select("[data-chart]").eachAttr("data-chart")) assertTrue(data.has(chart), chart);
        assertEquals(r.cycleTime().p85().doubleValue(), data.at("/cycle/p85").asDouble());
        doc.select("[data-chart]").forEach(chart -> assertEquals("details", chart.nextElementSibling().tagName(), chart.attr("data-chart")));
        assertEquals(r.cfd().size(), doc.select("#cfd tbody tr").size());
        assertEquals(r.throughput().size(), doc.select("#throughput tbody tr").size());
        assertEquals(r.aging().size(), doc.select("#aging tbody tr").size());
        assertEquals(recent.id(), doc.select("#cycle a[href='tasks/" + recent.id() + ".html']").text(), "tasks link to their pages");
        assertEquals(r.leadTime().p85().toPlainString() + " d", doc.select("#kpi-lead-p85 .tile-value").text());
        assertEquals(r.forecast().whenDone().p85().toString(), doc.select("#kpi-done-by .tile-value").text());
        assertTrue(doc.select("#kpi-cost .tile-value").text().startsWith("$"));
        assertEquals(3, doc.select("#when-done tbody tr").size());
        assertEquals(3, doc.select("#how-many tbody tr").size());
        assertTrue(doc.select("#excluded").text().contains("undated"));
        assertTrue(doc.select("#history-note").text().contains("YAML timestamps alone"));
        assertTrue(doc.select("#wip tr.sev-error").size() > 0, "an agent over the limit of 2 is marked");
        assertEquals("assets/flow.js", doc.select("script[src$=flow.js]").attr("src"));
    }

    @Test
    void noForecastSaysWhy() throws Exception {
        FlowReport r = Flow.compute(FlowSample.tasks().subList(2, 5), History.ABSENT, FlowSample.NOW, Config.DEFAULTS, null);
        Document doc = page(r, Map.of());
        assertEquals(r.noForecast(), doc.getElementById("no-forecast").text());
        assertTrue(doc.select("[data-chart=forecast]").isEmpty());
        assertFalse(doc.getElementById("dashgen-charts").data().contains("howMany"));
    }

    @Test
    void anEmptyWorkTreeStillHasAPage() throws Exception {
        FlowReport r = Flow.compute(List.of(), History.ABSENT, FlowSample.NOW, Config.DEFAULTS, null);
        Document doc = page(r, Map.of());
        assertEquals("No task finished in the window.", doc.select("#cycle details p.muted").last().text());
        assertEquals("No task was left out of any metric.", doc.select("#excluded p").text());
        assertEquals(r.noForecast(), doc.getElementById("no-forecast").text());
        assertEquals("—", doc.select("#kpi-lead-p85 .tile-value").text());
    }

    @Test
    void untrustedTextIsEscaped() throws Exception {
        String evil = "x\"><img src=x onerror=alert(1)></script><b>";
        List<dev.dashgen.tasks.Task> tasks = new java.util.ArrayList<>(FlowSample.tasks());
        tasks.add(dev.dashgen.tasks.TaskParser.parse("id: '" + evil + "'\nagent: '<i>bob</i>'\nstatus: in_progress\n"
                + "assigned_at: 2026-03-10T10:00:00Z\n", "assigned/bob/evil.yaml", dev.dashgen.tasks.LaneSource.FOLDER).task());
        FlowReport r = Flow.compute(tasks, History.ABSENT, FlowSample.NOW, FlowSample.config(), null);
        Document doc = page(r, Map.of());
        assertTrue(doc.select("img, b, i").isEmpty(), "no markup from task data");
        assertTrue(doc.select("#aging td").eachText().contains(evil));
        assertTrue(doc.select("#wip td").eachText().contains("<i>bob</i>"));
        String script = doc.getElementById("dashgen-charts").data();
        assertFalse(script.contains("<"), "no markup can close the data script");
        assertTrue(new ObjectMapper().readTree(script).at("/aging/points").toString().contains("onerror"));
    }

    @Test
    void aShallowHistoryIsSaid() throws Exception {
        History shallow = new History(true, "a".repeat(40), true, 12, new java.util.TreeMap<>());
        FlowReport r = Flow.compute(FlowSample.tasks(), shallow, FlowSample.NOW, FlowSample.config(), null);
        Document doc = page(r, Map.of());
        assertTrue(doc.getElementById("history-note").text().contains("shallow clone"));
        assertTrue(doc.getElementById("cost-note").text().contains("without telemetry"));
    }
}
