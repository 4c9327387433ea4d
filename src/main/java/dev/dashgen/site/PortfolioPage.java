package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.portfolio.Portfolio;
import dev.dashgen.portfolio.RepoLinks;
import dev.dashgen.portfolio.SpecFile;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code portfolio.html} (PRODUCT.md §4.2): initiatives → specifications → linked tasks, each with its progress as a
 * percentage and a lane-mix bar; status, priority, features as a checklist and a manual completion beside the
 * computed value; then the unlinked tasks by reason. Long task lists are cut on the page (the data file has them all).
 */
final class PortfolioPage implements PageKind {
    /** Linked tasks shown under one specification, and unlinked tasks under one reason. */
    static final int TASKS_SHOWN = 50;
    static final int UNLINKED_SHOWN = 100;

    /** One lane's share of a bar; {@code width} a CSS percentage. */
    record Mix(String lane, String label, int count, String width) {}

    record TaskRow(String id, String title, String url, String lane, String laneLabel, boolean finished) {}

    record SpecRow(String anchor, String file, String title, String url, String id, String status, String priority,
                   Integer completion, String progress, int tasks, int finished, List<Mix> mix, List<SpecFile.Feature> features,
                   List<TaskRow> taskRows, int more) {}

    record InitiativeRow(String anchor, String name, boolean named, String progress, int tasks, int finished, List<Mix> mix,
                         List<SpecRow> specs) {}

    record UnlinkedRow(String id, String title, String url, String specification) {}

    record UnlinkedGroup(String reason, String label, int total, List<UnlinkedRow> rows, int more) {}

    @Override
    public java.util.Set<Reads> reads() {
        return java.util.EnumSet.of(Reads.PORTFOLIO);
    }

    /** What the page shows: the rows and counts its template reads. */
    record View(List<InitiativeRow> initiatives, int specCount, int linkedTasks, int finishedTasks, String overall,
                List<UnlinkedGroup> unlinked, int unlinkedCount) {}

    /** {@code portfolio.html} and {@code data/portfolio.json}. */
    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        Chrome.SiteMeta meta = m.meta();
        // Keyed by what it shows: an edit to a task the page does not list, or to what it does not show of one, keeps it.
        View view = view(m.portfolio(), t -> m.view(t).url(), m::view, m.repository().repo().links(), m.config().lanes());
        out.put("portfolio.html", ctx.caches().pages.get("portfolio.html", List.of(meta, view),
                () -> Content.of(render(m.theme(), meta, view))));
        out.put(PortfolioData.PATH, ctx.caches().pages.get(PortfolioData.PATH, PortfolioData.shown(m.portfolio(), m.now()),
                () -> Content.of(PortfolioData.bytes(m.portfolio(), m.now()))));
    }

    /**
     * @param taskUrl a task's page relative to the site root ({@code tasks/<slug>.html}, from the workspace's slug)
     * @param links   where specification files are shown in the repository; without a web address, paths are text
     * @param lanes   the configured lane labels
     */
    static byte[] render(Theme theme, Chrome.SiteMeta meta, Portfolio portfolio, Function<Task, String> taskUrl,
                         Function<String, TaskView> viewOfFile, RepoLinks links, Config.Lanes lanes) {
        return render(theme, meta, view(portfolio, taskUrl, viewOfFile, links, lanes));
    }

    static byte[] render(Theme theme, Chrome.SiteMeta meta, View view) {
        Map<String, Object> c = Chrome.context(meta, "", "Portfolio", "portfolio");
        c.put("initiatives", view.initiatives());
        c.put("specCount", view.specCount());
        c.put("linkedTasks", view.linkedTasks());
        c.put("finishedTasks", view.finishedTasks());
        c.put("overall", view.overall());
        c.put("unlinked", view.unlinked());
        c.put("unlinkedCount", view.unlinkedCount());
        return theme.render("portfolio", c);
    }

    static View view(Portfolio portfolio, Function<Task, String> taskUrl, Function<String, TaskView> viewOfFile, RepoLinks links,
                     Config.Lanes lanes) {
        List<InitiativeRow> initiatives = new ArrayList<>();
        int specCount = 0;
        int linked = 0;
        int finished = 0;
        for (Portfolio.Initiative i : portfolio.initiatives()) {
            List<SpecRow> specs = new ArrayList<>();
            for (Portfolio.Spec s : i.specs()) specs.add(spec(s, taskUrl, links, lanes, specCount + specs.size()));
            specCount += specs.size();
            linked += i.tasks();
            finished += i.finished();
            initiatives.add(new InitiativeRow("initiative-" + initiatives.size(), i.name() == null ? "No initiative" : i.name(),
                    i.name() != null, percent(i.progress()), i.tasks(), i.finished(), mix(i.lanes(), i.tasks(), lanes), specs));
        }
        List<UnlinkedGroup> unlinked = new ArrayList<>();
        portfolio.unlinkedByReason().forEach((reason, list) -> {
            List<UnlinkedRow> rows = new ArrayList<>();
            for (Portfolio.Unlinked u : list.subList(0, Math.min(UNLINKED_SHOWN, list.size()))) {
                TaskView v = viewOfFile.apply(u.file());
                rows.add(new UnlinkedRow(u.id(), v.task().title(), v.url(), u.specification()));
            }
            unlinked.add(new UnlinkedGroup(reason.id(), reason.label(), list.size(), rows, list.size() - rows.size()));
        });
        return new View(initiatives, specCount, linked, finished, percent(Portfolio.percent(finished, linked)), unlinked,
                portfolio.unlinked().size());
    }

    private static SpecRow spec(Portfolio.Spec s, Function<Task, String> taskUrl, RepoLinks links, Config.Lanes lanes, int index) {
        SpecFile f = s.file();
        List<TaskRow> rows = new ArrayList<>();
        for (Task t : s.tasks().subList(0, Math.min(TASKS_SHOWN, s.tasks().size()))) {
            rows.add(new TaskRow(t.id(), t.title(), taskUrl.apply(t), t.lane().id(), lanes.label(t.lane()), Portfolio.finished(t)));
        }
        return new SpecRow("spec-" + index, f.file(), f.name(), links.view(f.file()), f.id(), f.status(), f.priority(),
                f.completion(), percent(s.progress()), s.tasks().size(), s.finished(), mix(s.lanes(), s.tasks().size(), lanes),
                f.features(), rows, s.tasks().size() - rows.size());
    }

    /** The lanes holding tasks, in lane order, with their share of the bar. */
    static List<Mix> mix(Map<Lane, Integer> counts, int total, Config.Lanes lanes) {
        List<Mix> mix = new ArrayList<>();
        if (total == 0) return mix;
        for (Lane lane : Lane.values()) {
            int n = counts.getOrDefault(lane, 0);
            if (n > 0) mix.add(new Mix(lane.id(), lanes.label(lane), n, String.format(Locale.ROOT, "%.2f", 100.0 * n / total)));
        }
        return mix;
    }

    private static String percent(Integer p) {
        return p == null ? "" : p + " %";
    }
}
