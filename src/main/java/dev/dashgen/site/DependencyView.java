package dev.dashgen.site;

import dev.dashgen.portfolio.DocumentRefs;
import dev.dashgen.portfolio.RepoLinks;
import dev.dashgen.portfolio.RepoPath;
import dev.dashgen.tasks.Dependency;
import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One item of a task's {@code dependencies} as {@code templates/task-dependencies.peb} shows it (PRODUCT.md §2).
 *
 * @param kind        {@code task}, {@code document}, {@code web} or {@code note}
 * @param text        what the item shows: a task's title (its id when there is no such task), a document's path, a web
 *                    address, a note's text
 * @param url         where it links: a task page relative to the site root (prefix {@code root}), or an absolute repository or
 *                    web address ({@code external}); null when it links nowhere
 * @param state       {@code ok}; for a task {@code missing} (no such task); for a document {@code missing} (not found),
 *                    {@code outside} (outside the repository) or {@code unlinked} (found, but there is no repository URL)
 */
record DependencyView(String kind, String text, String url, boolean external, String id, String lane, String type,
                      String description, String note, String state) {

    private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    /**
     * @param viewById the view of the task with an id, null when there is none (e.g. {@code id -> viewsByFile.get(
     *                 ws.byId().get(id).file())} when the id names a task)
     * @param docs     which documents exist ({@link DocumentRefs#read})
     */
    static List<DependencyView> of(Task task, Function<String, TaskView> viewById, DocumentRefs.Result docs, RepoLinks links) {
        List<DependencyView> views = new ArrayList<>(task.references().size());
        for (Dependency d : task.references()) {
            if (d instanceof Dependency.TaskLink l) {
                TaskView v = viewById.apply(l.id());
                views.add(v == null
                        ? new DependencyView("task", l.id(), null, false, l.id(), null, l.type(), l.description(), l.note(),
                                l.noted() ? "reference" : "missing")
                        : new DependencyView("task", v.task().title(), v.url(), false, l.id(), v.laneLabel(), l.type(),
                                l.description(), l.note(), "ok"));
            } else if (d instanceof Dependency.DocumentRef r) {
                views.add(document(r, docs, links));
            } else if (d instanceof Dependency.WebLink w) {
                views.add(new DependencyView("web", w.url(), w.url(), true, null, null, null, null, w.note(), "ok"));
            } else if (d instanceof Dependency.Note n) {
                views.add(new DependencyView("note", n.text(), null, false, null, null, null, null, null, "ok"));
            }
        }
        return views;
    }

    private static DependencyView document(Dependency.DocumentRef r, DocumentRefs.Result docs, RepoLinks links) {
        RepoPath p = RepoPath.of(r.path());
        if (!p.inside()) return new DependencyView("document", r.path(), null, false, null, null, null, null, r.note(), "outside");
        if (!docs.found(r)) return new DependencyView("document", r.path(), null, false, null, null, null, null, r.note(), "missing");
        String url = links.view(p.path());
        if (url != null && p.fragment() != null && FRAGMENT.matcher(p.fragment()).matches()) url += "#" + p.fragment();
        return new DependencyView("document", r.path(), url, true, null, null, null, null, r.note(), url == null ? "unlinked" : "ok");
    }
}
