package dev.dashgen.site;

import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code lanes/<lane>.html}: every task of one lane as a table, in pages of {@code board.page_size} rows. */
final class LanePages implements PageKind {

    /** A link to one page of a lane list. */
    record PageLink(int number, String url, boolean current) {}

    /** Everything one page of a lane list reads: the agents are the lane's, for its filter. */
    record Key(Chrome.SiteMeta meta, Lane lane, String label, int total, List<TaskView> rows, List<PageLink> pages,
               List<String> agents) {}

    static String url(Lane lane, int page) {
        return "lanes/" + lane.id() + (page == 1 ? "" : "-" + page) + ".html";
    }

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.LANES);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        for (Lane lane : ctx.full() ? EnumSet.allOf(Lane.class) : ctx.delta().lanes()) {
            int pages = render(ctx, lane, out);
            if (ctx.previous() != null) {
                for (int p = pages + 1; p <= pageCount(ctx.previous(), lane); p++) out.remove(url(lane, p));
            }
        }
    }

    private static int pageCount(SiteModel m, Lane lane) {
        int size = m.config().board().pageSize();
        return Math.max(1, (m.lane(lane).size() + size - 1) / size);
    }

    /** Renders every page of {@code lane} (only those whose rows changed are made again); returns how many. */
    private static int render(PageContext ctx, Lane lane, PageOutput out) {
        SiteModel m = ctx.model();
        Chrome.SiteMeta meta = m.meta();
        String label = m.config().lanes().label(lane);
        List<TaskView> views = m.lane(lane);
        int size = m.config().board().pageSize();
        int pages = pageCount(m, lane);
        List<String> agents = new ArrayList<>();
        new java.util.TreeMap<>(m.agents()).forEach((agent, mine) -> {
            if (!mine.getOrDefault(lane, List.of()).isEmpty()) agents.add(agent);
        });
        for (int p = 1; p <= pages; p++) {
            int page = p;
            List<PageLink> links = new ArrayList<>();
            for (int q = 1; q <= pages; q++) links.add(new PageLink(q, url(lane, q).substring("lanes/".length()), q == page));
            List<TaskView> rows = views.subList(Math.min(views.size(), (p - 1) * size), Math.min(views.size(), p * size));
            Key key = new Key(meta, lane, label, views.size(), rows, links, agents);
            String path = url(lane, p);
            out.put(path, ctx.caches().pages.get(path, key, () -> {
                Map<String, Object> c = Chrome.context(meta, "../", label + (pages > 1 ? " (page " + page + " of " + pages + ")" : ""), "lanes");
                c.put("lane", lane.id());
                c.put("label", label);
                c.put("total", key.total());
                c.put("rows", Fragments.slot(0));
                c.put("count", rows.size());
                c.put("pages", key.pages());
                c.put("agents", agents);
                c.put("priorities", java.util.Arrays.stream(dev.dashgen.tasks.Priority.values()).map(dev.dashgen.tasks.Priority::id).toList());
                List<byte[]> items = new ArrayList<>(rows.size());
                for (TaskView v : rows) {
                    items.add(ctx.caches().rows.get(v.task().file(), List.of(meta, v), () -> {
                        Map<String, Object> r = Chrome.context(meta, "../", "", "lanes");
                        r.put("v", v);
                        return m.theme().render("lane-row", r);
                    }));
                }
                return Fragments.splice("lane", m.theme().render("lane", c), List.of(items));
            }));
        }
        return pages;
    }
}
