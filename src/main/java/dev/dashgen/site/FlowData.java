package dev.dashgen.site;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dashgen.metrics.Excluded;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.metrics.Forecast;
import dev.dashgen.metrics.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * {@code data/flow.json} (PRODUCT.md §4.4), field for field: dates as {@code YYYY-MM-DD}, days and counts as whole
 * numbers, percentiles as exact decimals, cost in USD; a missing value is null, and {@code forecast} is null when
 * there is no throughput to forecast from.
 */
public final class FlowData {
    private FlowData() {}

    static final String PATH = "data/flow.json";

    public static byte[] json(FlowReport r) {
        return DataFiles.json(g -> {
            g.writeStringField("now", r.now().toString());
            g.writeStringField("timezone", r.timezone());
            window(g, "window", r.window());
            g.writeArrayFieldStart("items");
            for (FlowReport.Item i : r.items()) item(g, i);
            g.writeEndArray();
            g.writeArrayFieldStart("excluded");
            for (Excluded e : r.excluded()) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("metric", e.metric());
                g.writeStringField("reason", e.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("throughput");
            for (FlowReport.WeekCount w : r.throughput()) {
                g.writeStartObject();
                date(g, "weekStart", w.weekStart());
                g.writeNumberField("count", w.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            distribution(g, "leadTime", r.leadTime());
            distribution(g, "cycleTime", r.cycleTime());
            g.writeArrayFieldStart("cfd");
            for (FlowReport.CfdDay d : r.cfd()) {
                g.writeStartObject();
                date(g, "date", d.date());
                g.writeNumberField("arrived", d.arrived());
                g.writeNumberField("committed", d.committed());
                g.writeNumberField("started", d.started());
                g.writeNumberField("finished", d.finished());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("aging");
            for (FlowReport.Aging a : r.aging()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("lane", a.lane().id());
                g.writeStringField("agent", a.agent());
                g.writeNumberField("ageDays", a.ageDays());
                integer(g, "pace", a.pace());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("wipByAgent");
            for (FlowReport.AgentWip w : r.wipByAgent()) {
                g.writeStartObject();
                g.writeStringField("agent", w.agent());
                g.writeNumberField("wip", w.wip());
                integer(g, "limit", w.limit());
                g.writeEndObject();
            }
            g.writeEndArray();
            forecast(g, r.forecast());
        });
    }

    private static void item(JsonGenerator g, FlowReport.Item i) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("lane", i.lane().id());
        g.writeStringField("agent", i.agent());
        for (Stage s : Stage.values()) date(g, s.id(), i.dates().get(s));
        integer(g, "leadDays", i.leadDays());
        integer(g, "cycleDays", i.cycleDays());
        integer(g, "ageDays", i.ageDays());
        g.writeObjectFieldStart("sources");
        for (Stage s : Stage.values()) {
            var source = i.dates().sources().get(s);
            if (source != null) g.writeStringField(s.id(), source.id());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void forecast(JsonGenerator g, Forecast f) throws IOException {
        if (f == null) {
            g.writeNullField("forecast");
            return;
        }
        g.writeObjectFieldStart("forecast");
        window(g, "window", f.window());
        g.writeArrayFieldStart("samples");
        for (int s : f.samples()) g.writeNumber(s);
        g.writeEndArray();
        g.writeNumberField("trials", f.trials());
        g.writeNumberField("seed", f.seed());
        g.writeNumberField("open", f.open());
        g.writeObjectFieldStart("whenDone");
        date(g, "p50", f.whenDone().p50());
        date(g, "p85", f.whenDone().p85());
        date(g, "p95", f.whenDone().p95());
        Forecast.Cost c = f.whenDone().cost();
        if (c == null) {
            g.writeNullField("cost");
        } else {
            g.writeObjectFieldStart("cost");
            decimal(g, "p50", c.p50());
            decimal(g, "p85", c.p85());
            decimal(g, "p95", c.p95());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("howMany");
        for (Forecast.HowMany h : f.howMany()) {
            g.writeStartObject();
            date(g, "by", h.by());
            g.writeNumberField("p50", h.p50());
            g.writeNumberField("p85", h.p85());
            g.writeNumberField("p95", h.p95());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void window(JsonGenerator g, String name, FlowReport.Window w) throws IOException {
        g.writeObjectFieldStart(name);
        date(g, "from", w.from());
        date(g, "to", w.to());
        g.writeEndObject();
    }

    private static void distribution(JsonGenerator g, String name, FlowReport.Distribution d) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("count", d.count());
        decimal(g, "p50", d.p50());
        decimal(g, "p85", d.p85());
        decimal(g, "p95", d.p95());
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, String name, LocalDate d) throws IOException {
        g.writeStringField(name, d == null ? null : d.toString());
    }

    private static void integer(JsonGenerator g, String name, Integer n) throws IOException {
        if (n == null) g.writeNullField(name);
        else g.writeNumberField(name, n);
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal n) throws IOException {
        if (n == null) g.writeNullField(name);
        else g.writeNumberField(name, n);
    }
}
