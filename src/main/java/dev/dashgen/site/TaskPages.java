package dev.dashgen.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.LinkableHtml;
import dev.dashgen.portfolio.RepoLinks;
import dev.dashgen.portfolio.TextLinks;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** {@code tasks/<slug>.html}: every field of one task, its Markdown, links both ways and its lifecycle. */
final class TaskPages implements PageKind {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A dependency or dependent: a link when the task exists, the bare id when it does not. */
    record Link(String id, String title, String url, String lane, boolean exists) {}

    /** One step of the lifecycle: the timestamp as shown, and the time since the previous step. */
    record Step(String label, String when, String iso, String after) {}

    /** A field dashgen does not interpret, shown as written. */
    record Field(String name, String value, boolean block) {}

    /** A link into the repository's web pages, or a path shown as text ({@code url} null). */
    record RepoLink(String text, String url) {}

    /**
     * Everything a task page reads: equal keys render equal bytes. {@code text} links ids in its text to task
     * pages and repository files; one serves a build, and the engine keeps it while the ids stay the same.
     */
    record Key(Chrome.SiteMeta meta, TaskView view, List<DependencyView> dependencies, List<Link> dependents,
               String agentUrl, RepoLink specification, RepoLink file, String editUrl, TextLinks text,
               List<TaskHistoryView.Row> history, boolean historyPresent, boolean historyShallow) {}

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.TASK);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        if (ctx.full()) {
            m.views().parallelStream().forEach(v -> {
                out.put(v.url(), page(ctx, v));
                ctx.progress().advance();
            });
            return;
        }
        Set<String> urls = new HashSet<>();
        for (String file : ctx.delta().taskPages()) {
            TaskView v = m.view(file);
            if (v != null) urls.add(v.url());
        }
        for (String file : ctx.delta().taskPages()) {
            TaskView old = ctx.previous().view(file);
            if (old != null && !urls.contains(old.url())) out.remove(old.url());
        }
        ctx.delta().taskPages().parallelStream().map(m::view).filter(Objects::nonNull)
                .forEach(v -> out.put(v.url(), page(ctx, v)));
    }

    private static Content page(PageContext ctx, TaskView v) {
        Key key = key(ctx.meta(), v, ctx.model());
        return ctx.caches().pages.get(v.url(), key, () -> Content.of(render(ctx, key)));
    }

    static Key key(Chrome.SiteMeta meta, TaskView view, SiteModel m) {
        Task t = view.task();
        Workspace ws = m.workspace();
        RepoLinks links = m.repository().repo().links();
        String path = m.repository().repo().pathOf(t.file());
        RepoLink spec = m.portfolio().specOf(t)
                .map(s -> new RepoLink(s.file().name(), links.view(s.file().file())))
                .orElse(t.specification() == null || t.specification().isBlank() ? null : new RepoLink(t.specification(), null));
        return new Key(meta, view, DependencyView.of(t, m::viewOf, m.documents(), links),
                ws.dependents().getOrDefault(t.id(), List.of()).stream().map(d -> link(m.view(d))).toList(),
                m.agentUrl(t.agent()), spec, new RepoLink(t.file(), links.view(path)), links.edit(path), m.textLinks(),
                TaskHistoryView.rows(m.history().of(t.file()), links::commit), m.history().present(), m.history().shallow());
    }

    private static byte[] render(PageContext ctx, Key key) {
        Task t = key.view().task();
        Map<String, Object> c = Chrome.context(key.meta(), "../", t.title(), "task");
        c.put("view", key.view());
        c.put("t", t);
        // A page re-rendered for a neighbour's sake keeps its own Markdown, the costliest part of it; ids in the
        // text are linked afresh, since the tasks they name may have come or gone.
        LinkableHtml html = ctx.caches().descriptions.get(t.file(), Objects.requireNonNullElse(t.description(), ""),
                () -> Markdown.render(t.description()));
        c.put("descriptionHtml", key.text().html(html, "../", t.id()));
        c.put("resultHtml", key.text().text(t.resultSummary(), "../", t.id()));
        c.put("dependencyForms", key.dependencies());
        c.put("dependents", key.dependents());
        c.put("agentUrl", key.agentUrl());
        c.put("specification", key.specification());
        c.put("file", key.file());
        c.put("editUrl", key.editUrl());
        c.put("historyRows", key.history());
        c.put("historyPresent", key.historyPresent());
        c.put("historyShallow", key.historyShallow());
        c.put("timeline", timeline(t.lifecycle()));
        c.put("fields", fields(t.extra()));
        return ctx.theme().render("task", c);
    }

    private static Link link(TaskView v) {
        return new Link(v.task().id(), v.task().title(), v.url(), v.laneLabel(), true);
    }

    static List<Step> timeline(Task.Lifecycle l) {
        List<Step> steps = new ArrayList<>();
        Timestamp previous = null;
        String[] labels = {"Created", "Assigned", "Started", "Completed"};
        Timestamp[] stamps = {l.created(), l.assigned(), l.started(), l.completed()};
        for (int i = 0; i < stamps.length; i++) {
            Timestamp s = stamps[i];
            if (s == null) continue;
            String after = previous != null && previous.readable() && s.readable()
                    ? Durations.of(Duration.between(previous.instant(), s.instant())) : "";
            steps.add(new Step(labels[i], s.display(), s.readable() ? s.instant().toString() : "", after));
            previous = s;
        }
        return steps;
    }

    private static List<Field> fields(Map<String, Object> extra) {
        List<Field> fields = new ArrayList<>();
        extra.forEach((name, value) -> {
            if (value instanceof Map || value instanceof List) {
                try {
                    fields.add(new Field(name, JSON.writeValueAsString(value), true));
                } catch (JsonProcessingException e) {
                    fields.add(new Field(name, String.valueOf(value), true));
                }
            } else {
                fields.add(new Field(name, value == null ? "" : String.valueOf(value), false));
            }
        });
        return fields;
    }
}
