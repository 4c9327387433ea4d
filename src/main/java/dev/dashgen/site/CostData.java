package dev.dashgen.site;

import dev.dashgen.metrics.BudgetView;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dashgen.telemetry.Breakdown;
import dev.dashgen.telemetry.CostReport;
import dev.dashgen.telemetry.DailyCost;
import dev.dashgen.telemetry.ModelErrors;
import dev.dashgen.telemetry.MonthlyCost;
import dev.dashgen.telemetry.TopInvocation;
import dev.dashgen.telemetry.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code data/costs.json} and {@code data/costs-daily.csv} (PRODUCT.md §4.1). Amounts are exact USD, not rounded to cents. */
final class CostData {
    private CostData() {}

    static byte[] json(CostReport r, BudgetView budget) {
        return DataFiles.json(g -> {
            g.writeStringField("now", r.now().toString());
            g.writeNumberField("reportDays", r.reportDays());
            g.writeBooleanField("fromDailyCostsOnly", r.fromDailyCostsOnly());
            g.writeObjectFieldStart("kpis");
            g.writeNumberField("allTime", r.kpis().allTime());
            g.writeNumberField("month", r.kpis().month());
            g.writeNumberField("today", r.kpis().today());
            g.writeNumberField("last7Days", r.kpis().last7Days());
            g.writeNumberField("last30Days", r.kpis().last30Days());
            g.writeNumberField("projectedMonth", r.kpis().projectedMonth());
            g.writeEndObject();
            DataFiles.budget(g, budget);
            g.writeArrayFieldStart("daily");
            for (DailyCost d : r.daily()) {
                g.writeStartObject();
                g.writeStringField("date", d.date().toString());
                g.writeStringField("model", d.model());
                g.writeNumberField("cost", d.usage().cost());
                g.writeNumberField("tokens", d.usage().tokens());
                g.writeNumberField("promptTokens", d.usage().promptTokens());
                g.writeNumberField("completionTokens", d.usage().completionTokens());
                g.writeNumberField("invocations", d.usage().invocations());
                g.writeEndObject();
            }
            g.writeEndArray();
            breakdowns(g, "byModel", "model", r.byModel());
            breakdowns(g, "byAgent", "agent", r.byAgent());
            breakdowns(g, "byTool", "tool", r.byTool());
            g.writeArrayFieldStart("errorsByModel");
            for (ModelErrors e : r.errorsByModel()) {
                g.writeStartObject();
                g.writeStringField("model", e.model());
                g.writeNumberField("invocations", e.invocations());
                g.writeNumberField("errors", e.errors());
                g.writeNumberField("rate", e.rate());
                g.writeArrayFieldStart("topMessages");
                for (ModelErrors.ErrorMessage m : e.topMessages()) {
                    g.writeStartObject();
                    g.writeStringField("message", m.message());
                    g.writeNumberField("count", m.count());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("top");
            for (TopInvocation t : r.top()) {
                g.writeStartObject();
                g.writeStringField("invocationId", t.invocationId());
                g.writeStringField("timestamp", t.timestamp().toString());
                g.writeStringField("model", t.model());
                g.writeStringField("agent", t.agent());
                g.writeStringField("tool", t.tool());
                g.writeNumberField("cost", t.cost());
                g.writeNumberField("promptTokens", t.promptTokens());
                g.writeNumberField("completionTokens", t.completionTokens());
                g.writeNumberField("tokens", t.tokens());
                g.writeNumberField("latencyMs", t.latencyMs());
                g.writeStringField("status", t.error() ? "error" : "success");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("monthly");
            for (MonthlyCost m : r.monthly()) {
                g.writeStartObject();
                g.writeStringField("month", m.month().toString());
                g.writeNumberField("cost", m.usage().cost());
                g.writeNumberField("tokens", m.usage().tokens());
                g.writeNumberField("invocations", m.usage().invocations());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void breakdowns(JsonGenerator g, String field, String key, List<Breakdown> rows) throws IOException {
        g.writeArrayFieldStart(field);
        for (Breakdown b : rows) {
            Usage u = b.usage();
            g.writeStartObject();
            g.writeStringField(key, b.name());
            g.writeNumberField("cost", u.cost());
            g.writeNumberField("tokens", u.tokens());
            g.writeNumberField("promptTokens", u.promptTokens());
            g.writeNumberField("completionTokens", u.completionTokens());
            g.writeNumberField("cacheReadTokens", u.cacheReadTokens());
            g.writeNumberField("cacheCreationTokens", u.cacheCreationTokens());
            g.writeNumberField("invocations", u.invocations());
            g.writeNumberField("errors", u.errors());
            if (b.latency() == null) {
                g.writeNullField("p50Ms");
                g.writeNullField("p95Ms");
            } else {
                g.writeNumberField("p50Ms", b.latency().p50Ms());
                g.writeNumberField("p95Ms", b.latency().p95Ms());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** {@code date,model,invocations,prompt_tokens,completion_tokens,cost_usd}; model names are quoted when they need it. */
    static byte[] csv(CostReport r) {
        StringBuilder s = new StringBuilder("date,model,invocations,prompt_tokens,completion_tokens,cost_usd\n");
        for (DailyCost d : r.daily()) {
            Usage u = d.usage();
            s.append(d.date()).append(',').append(field(d.model())).append(',').append(u.invocations()).append(',')
                    .append(u.promptTokens()).append(',').append(u.completionTokens()).append(',')
                    .append(u.cost().toPlainString()).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String s) {
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        // A leading = + - @ would make spreadsheets run a formula.
        String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
