package dev.dashgen.site;

import dev.dashgen.model.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code problems.html}: every problem with its place, linked to the task page when the file is a task. */
final class ProblemsPage implements PageKind {

    /** A problem and, when its file holds a task, that task's page. */
    record Row(Problem problem, String taskUrl) {}

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.PROBLEMS, Reads.TASKS);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        Chrome.SiteMeta meta = ctx.meta();
        // Rows link task pages, named by slug: the page reads the problems and the slugs.
        List<Object> key = List.of(meta, m.workspace().problems(), m.workspace().slugs());
        out.put("problems.html", ctx.caches().pages.get("problems.html", key, () -> {
            List<Row> rows = m.workspace().problems().stream().map(p -> {
                String file = m.workspace().taskFile(p.file());
                TaskView v = file == null ? null : m.view(file);
                return new Row(p, v == null ? null : v.url());
            }).toList();
            Map<String, Object> c = Chrome.context(meta, "", "Problems", "problems");
            c.put("rows", rows);
            return Content.of(ctx.theme().render("problems", c));
        }));
    }
}
