package dev.dashgen.site;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dashgen.portfolio.Portfolio;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.io.IOException;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data/portfolio.json} (PRODUCT.md §4.2), a public contract: {@code {schemaVersion, now, initiatives: [{name,
 * progress, tasks, finished, specs: [{file, id, title, status, priority, completion, progress, tasks, finished,
 * lanes: {lane: n}, taskIds}]}], unlinked: [{id, reason, specification}]}}. {@code progress} is a whole percentage
 * rounded down, null without tasks; {@code lanes} names every lane, in lane order; specifications without an
 * initiative sit under {@code name: null}; {@code reason} is {@code no_specification}, {@code not_found} or
 * {@code outside_repository}.
 */
final class PortfolioData {
    private PortfolioData() {}

    static final String PATH = "data/portfolio.json";

    /**
     * What the file shows of {@code portfolio} as of {@code now}, as a value to key the rendered file by: tasks count
     * by id, lane and whether finished, so an edit of other fields (a title) leaves it equal and the file as it was.
     */
    static List<Object> shown(Portfolio portfolio, Instant now) {
        List<Object> shown = new ArrayList<>();
        shown.add(now);
        for (Portfolio.Initiative i : portfolio.initiatives()) {
            shown.add(i.name());
            for (Portfolio.Spec s : i.specs()) shown.add(List.of(s.file(), ids(s.tasks()), s.finished(), s.lanes()));
        }
        shown.add(portfolio.unlinked());
        return shown;
    }

    /** The ids of {@code tasks} (an immutable list), read when compared: a key is made on every edit, compared once. */
    private static List<String> ids(List<Task> tasks) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                return tasks.get(index).id();
            }

            @Override
            public int size() {
                return tasks.size();
            }
        };
    }

    static byte[] bytes(Portfolio portfolio, Instant now) {
        return DataFiles.json(g -> {
            g.writeStringField("now", now.toString());
            g.writeArrayFieldStart("initiatives");
            for (Portfolio.Initiative i : portfolio.initiatives()) {
                g.writeStartObject();
                g.writeStringField("name", i.name());
                number(g, "progress", i.progress());
                g.writeNumberField("tasks", i.tasks());
                g.writeNumberField("finished", i.finished());
                g.writeArrayFieldStart("specs");
                for (Portfolio.Spec s : i.specs()) spec(g, s);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unlinked");
            for (Portfolio.Unlinked u : portfolio.unlinked()) {
                g.writeStartObject();
                g.writeStringField("id", u.id());
                g.writeStringField("reason", u.reason().id());
                g.writeStringField("specification", u.specification());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void spec(JsonGenerator g, Portfolio.Spec s) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", s.file().file());
        g.writeStringField("id", s.file().id());
        g.writeStringField("title", s.file().title());
        g.writeStringField("status", s.file().status());
        g.writeStringField("priority", s.file().priority());
        number(g, "completion", s.file().completion());
        number(g, "progress", s.progress());
        g.writeNumberField("tasks", s.tasks().size());
        g.writeNumberField("finished", s.finished());
        g.writeObjectFieldStart("lanes");
        for (Lane lane : Lane.values()) g.writeNumberField(lane.id(), s.lanes().getOrDefault(lane, 0));
        g.writeEndObject();
        g.writeArrayFieldStart("taskIds");
        for (Task t : s.tasks()) g.writeString(t.id());
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, Integer value) throws IOException {
        if (value == null) g.writeNullField(field);
        else g.writeNumberField(field, value);
    }
}
