package dev.dashgen.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.metrics.BudgetView;
import dev.dashgen.tasks.Lane;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot's JSON file: written field by field in a fixed order with {@code \n} line ends, so the same report
 * gives the same bytes on every machine; and read back, strictly enough that a damaged file is named rather than
 * half-trusted. Money is USD with up to six decimals, as in {@code data/summary.json}.
 */
public final class ReportJson {
    public static final int SCHEMA_VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

    private ReportJson() {}

    /** Reading an earlier snapshot: the state it recorded, or why it cannot be used. */
    public sealed interface Read permits Read.Ok, Read.Damaged {
        record Ok(Snapshot snapshot) implements Read {}

        record Damaged(String reason) implements Read {}
    }

    public static byte[] write(Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(INDENT).withArrayIndenter(INDENT));
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("date", r.current().date().toString());
            g.writeStringField("now", r.current().now().toString());
            g.writeStringField("title", r.title());
            previous(g, r.previous());
            g.writeArrayFieldStart("skipped");
            for (Skipped s : r.skipped()) {
                g.writeStartObject();
                g.writeStringField("file", s.file());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("lanes");
            for (Map.Entry<Lane, Integer> e : r.current().laneCounts().entrySet()) g.writeNumberField(e.getKey().id(), e.getValue());
            g.writeEndObject();
            g.writeObjectFieldStart("problems");
            g.writeNumberField("error", r.errors());
            g.writeNumberField("warning", r.warnings());
            g.writeEndObject();
            cost(g, r.cost());
            budget(g, r.budget());
            changes(g, r.changes());
            g.writeArrayFieldStart("tasks");
            for (SnapshotTask t : r.current().tasks()) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("lane", t.lane().id());
                g.writeStringField("title", t.title());
                g.writeStringField("agent", t.agent());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void previous(JsonGenerator g, Snapshot previous) throws IOException {
        if (previous == null) {
            g.writeNullField("previous");
            return;
        }
        g.writeObjectFieldStart("previous");
        g.writeStringField("date", previous.date().toString());
        g.writeStringField("now", previous.now().toString());
        g.writeEndObject();
    }

    private static void cost(JsonGenerator g, CostFigures c) throws IOException {
        if (c == null) {
            g.writeNullField("cost");
            return;
        }
        g.writeObjectFieldStart("cost");
        g.writeNumberField("allTime", c.allTime());
        g.writeNumberField("month", c.month());
        g.writeNumberField("projectedMonth", c.projectedMonth());
        PeriodCost p = c.period();
        if (p == null) {
            g.writeNullField("period");
        } else {
            g.writeObjectFieldStart("period");
            g.writeStringField("from", p.from() == null ? null : p.from().toString());
            g.writeStringField("to", p.to().toString());
            g.writeNumberField("usd", p.usd());
            g.writeArrayFieldStart("byModel");
            for (PeriodCost.ModelCost m : p.byModel()) {
                g.writeStartObject();
                g.writeStringField("model", m.model());
                g.writeNumberField("usd", m.usd());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void budget(JsonGenerator g, BudgetView b) throws IOException {
        g.writeObjectFieldStart("budget");
        if (b.monthlyUsd() == null) g.writeNullField("monthlyUsd");
        else g.writeNumberField("monthlyUsd", BigDecimal.valueOf(b.monthlyUsd()));
        if (b.used() == null) g.writeNullField("used");
        else g.writeNumberField("used", b.used());
        g.writeStringField("state", b.state());
        g.writeEndObject();
    }

    private static void changes(JsonGenerator g, Changes c) throws IOException {
        if (c == null) {
            g.writeNullField("changes");
            return;
        }
        g.writeObjectFieldStart("changes");
        changeList(g, "new", c.added());
        changeList(g, "finished", c.finished());
        changeList(g, "moved", c.moved());
        changeList(g, "removed", c.removed());
        g.writeEndObject();
    }

    private static void changeList(JsonGenerator g, String name, List<Change> changes) throws IOException {
        g.writeArrayFieldStart(name);
        for (Change c : changes) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("title", c.title());
            g.writeStringField("agent", c.agent());
            g.writeStringField("from", c.from() == null ? null : c.from().id());
            g.writeStringField("to", c.to() == null ? null : c.to().id());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Reads the snapshot stored as {@code <date>.json}: its {@code now} must fall on {@code date}, so it sorts where its name says. */
    public static Read read(byte[] bytes, LocalDate date) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return new Read.Damaged("not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            return new Read.Damaged("cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) return new Read.Damaged("not a dashgen snapshot: the file is not a JSON object");
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isInt()) return new Read.Damaged("not a dashgen snapshot: no schemaVersion");
        if (version.asInt() != SCHEMA_VERSION) {
            return new Read.Damaged("schemaVersion " + version.asInt() + " is not one this dashgen reads (" + SCHEMA_VERSION + ")");
        }
        Instant now = instant(root.get("now")).orElse(null);
        if (now == null) return new Read.Damaged("\"now\" is missing or not an ISO-8601 instant");
        if (!new Snapshot(now, List.of()).date().equals(date)) {
            return new Read.Damaged("\"now\" " + now + " is not on " + date + ", the date in its file name");
        }
        JsonNode tasks = root.get("tasks");
        if (tasks == null || !tasks.isArray()) return new Read.Damaged("not a dashgen snapshot: no \"tasks\" list");
        List<SnapshotTask> list = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode t = tasks.get(i);
            JsonNode id = t.get("id");
            if (id == null || !id.isTextual()) return new Read.Damaged("task " + (i + 1) + " has no id");
            Optional<Lane> lane = t.hasNonNull("lane") ? Lane.parse(t.get("lane").asText()) : Optional.empty();
            if (lane.isEmpty()) return new Read.Damaged("task " + id.asText() + " has no known lane");
            list.add(new SnapshotTask(id.asText(), lane.get(), text(t.get("title")), text(t.get("agent"))));
        }
        return new Read.Ok(new Snapshot(now, list));
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node == null || !node.isTextual()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
