package dev.dashgen.site;

import dev.dashgen.metrics.BudgetView;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.Timestamp;
import dev.dashgen.telemetry.Kpis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The data files of PRODUCT.md §4.1, a public contract: written with Jackson's streaming
 * generator so 100,000 tasks never become a tree in memory. Field order is fixed.
 */
final class DataFiles {
    static final int SCHEMA_VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private DataFiles() {}

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] json(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** How {@code data/tasks.json} ends, after its last task line. */
    static final byte[] TASKS_TAIL = "\n]}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * How {@code data/tasks.json} begins, before its task lines. One task a line (each after a newline, and
     * a comma ending the line before), so that a change shows as a one-line diff.
     */
    static byte[] tasksHead(Instant now) {
        return ("{\"schemaVersion\":" + SCHEMA_VERSION + ",\"now\":\"" + now + "\",\"tasks\":[")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * One task of {@code data/tasks.json} as compact JSON, and where its cost sits in it: a telemetry commit
     * changes the cost of thousands of tasks and nothing else of theirs, and {@link #withCost} then swaps
     * those bytes instead of writing the whole line again.
     */
    record TaskLine(TaskView view, byte[] bytes, int costFrom, int costTo) {

        /** Whether {@code other}'s line differs from this one's at most in its cost. */
        boolean sameFields(TaskView other) {
            return view == other || view.task() == other.task() && view.url().equals(other.url())
                    && view.problems().size() == other.problems().size();
        }

        TaskLine withCost(TaskView other, dev.dashgen.telemetry.TaskCosts.TaskCost cost) {
            byte[] middle = cost(cost);
            byte[] out = new byte[costFrom + middle.length + bytes.length - costTo];
            System.arraycopy(bytes, 0, out, 0, costFrom);
            System.arraycopy(middle, 0, out, costFrom, middle.length);
            System.arraycopy(bytes, costTo, out, costFrom + middle.length, bytes.length - costTo);
            return new TaskLine(other, out, costFrom, costFrom + middle.length);
        }
    }

    /** A byte no JSON text of Jackson's holds outside this mark: it escapes control characters in strings. */
    private static final String COST_MARK = "\u0000";

    static TaskLine task(TaskView v, dev.dashgen.telemetry.TaskCosts.TaskCost cost) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            Task t = v.task();
            g.writeStartObject();
            g.writeStringField("id", t.id());
            g.writeStringField("title", t.title());
            g.writeStringField("lane", t.lane().id());
            g.writeStringField("status", t.status() == null ? null : t.status().id());
            g.writeStringField("priority", t.priority().id());
            g.writeStringField("agent", t.agent());
            g.writeStringField("file", t.file());
            g.writeStringField("url", v.url());
            instant(g, "created", t.lifecycle().created());
            instant(g, "assigned", t.lifecycle().assigned());
            instant(g, "started", t.lifecycle().started());
            instant(g, "completed", t.lifecycle().completed());
            g.writeArrayFieldStart("dependencies");
            for (String d : t.dependencies()) g.writeString(d);
            g.writeEndArray();
            g.writeFieldName("cost");
            g.writeRawValue(COST_MARK);
            g.writeNumberField("problems", v.problems().size());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] marked = out.toByteArray();
        int at = 0;
        while (marked[at] != 0) at++;
        TaskLine line = new TaskLine(v, marked, at, at + 1);
        return line.withCost(v, cost);
    }

    /**
     * A task's cost as {@code data/tasks.json} has it: null, or its amount and whether it is an estimate.
     * Written out rather than through a generator (the same bytes: Jackson writes a BigDecimal as its
     * {@code toString}): a telemetry commit asks for thousands.
     */
    private static byte[] cost(dev.dashgen.telemetry.TaskCosts.TaskCost cost) {
        if (cost == null) return NULL;
        return ("{\"usd\":" + cost.usd() + ",\"estimated\":" + cost.estimated() + "}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static final byte[] NULL = "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static void instant(JsonGenerator g, String field, Timestamp ts) throws IOException {
        g.writeStringField(field, ts == null || !ts.readable() ? null : ts.instant().toString());
    }

    static byte[] summary(Workspace ws, Instant now, CostModel costs, Map<Lane, List<TaskView>> byLane) {
        return json(g -> {
            g.writeStringField("now", now.toString());
            g.writeNumberField("tasks", ws.tasks().size());
            g.writeObjectFieldStart("lanes");
            for (Lane lane : Lane.values()) g.writeNumberField(lane.id(), byLane.getOrDefault(lane, List.of()).size());
            g.writeEndObject();
            g.writeObjectFieldStart("problems");
            g.writeNumberField("error", ws.count(Severity.ERROR));
            g.writeNumberField("warning", ws.count(Severity.WARNING));
            g.writeEndObject();
            if (costs.available()) {
                Kpis k = costs.report().kpis();
                g.writeObjectFieldStart("cost");
                g.writeNumberField("allTime", k.allTime());
                g.writeNumberField("month", k.month());
                g.writeNumberField("today", k.today());
                g.writeNumberField("last7Days", k.last7Days());
                g.writeNumberField("last30Days", k.last30Days());
                g.writeNumberField("projectedMonth", k.projectedMonth());
                g.writeEndObject();
            } else {
                g.writeNullField("cost");
            }
            budget(g, costs.budget());
        });
    }

    static void budget(JsonGenerator g, BudgetView b) throws IOException {
        g.writeObjectFieldStart("budget");
        if (b.monthlyUsd() == null) g.writeNullField("monthlyUsd");
        else g.writeNumberField("monthlyUsd", b.monthlyUsd());
        if (b.used() == null) g.writeNullField("used");
        else g.writeNumberField("used", b.used());
        g.writeNumberField("warnAt", b.warnAt());
        g.writeStringField("state", b.state());
        g.writeEndObject();
    }

    static byte[] problems(List<Problem> problems) {
        return json(g -> {
            g.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeStringField("file", p.file());
                g.writeNumberField("line", p.line());
                g.writeNumberField("column", p.column());
                g.writeStringField("severity", p.severity().label());
                g.writeStringField("message", p.message());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
