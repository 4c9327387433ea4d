package dev.dashgen.site;

import dev.dashgen.model.Problem;
import java.util.List;
import java.util.Map;

/** {@code problems.html}: every problem with its place, linked to the task page when the file is a task. */
final class ProblemsPage {

    /** A problem and, when its file holds a task, that task's page. */
    record Row(Problem problem, String taskUrl) {}

    private ProblemsPage() {}

    static Content render(Theme theme, PageMemo<Object, Content> memo, Chrome.SiteMeta meta, List<Problem> problems,
                         Map<String, TaskView> viewsByFile) {
        List<Row> rows = problems.stream().map(p -> {
            TaskView v = viewsByFile.get(p.file());
            return new Row(p, v == null ? null : v.url());
        }).toList();
        return memo.get("problems.html", List.of(meta, rows), () -> {
            Map<String, Object> c = Chrome.context(meta, "", "Problems", "problems");
            c.put("rows", rows);
            return Content.of(theme.render("problems", c));
        });
    }
}
