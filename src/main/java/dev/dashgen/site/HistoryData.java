package dev.dashgen.site;

import dev.dashgen.history.History;
import dev.dashgen.history.Transition;
import dev.dashgen.tasks.Task;
import java.util.List;

/**
 * {@code data/history.json} (PRODUCT.md §4.3): {@code {schemaVersion, head, shallow, commits, tasks: [{id, file,
 * transitions: [{lane, at, commit, author}]}]}} for every task of the work tree in the order given, transitions oldest
 * first, {@code at} as an ISO-8601 instant. Written only when there is a history ({@link History#present()}).
 */
public final class HistoryData {
    private HistoryData() {}

    public static byte[] json(History history, List<Task> tasks) {
        if (!history.present()) throw new IllegalArgumentException("no history to write: outside Git or history off");
        return DataFiles.json(g -> {
            g.writeStringField("head", history.head());
            g.writeBooleanField("shallow", history.shallow());
            g.writeNumberField("commits", history.commits());
            g.writeArrayFieldStart("tasks");
            for (Task t : tasks) {
                g.writeStartObject();
                g.writeStringField("id", t.id());
                g.writeStringField("file", t.file());
                g.writeArrayFieldStart("transitions");
                for (Transition tr : history.of(t.file())) {
                    g.writeStartObject();
                    g.writeStringField("lane", tr.lane());
                    g.writeStringField("at", tr.at().toString());
                    g.writeStringField("commit", tr.commit());
                    g.writeStringField("author", tr.author());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
