package dev.dashgen.site;

import dev.dashgen.tasks.Lane;
import java.util.List;
import java.util.Map;

/** {@code lanes/<lane>.html}: every task of one lane as a table, in pages of {@value #PAGE_SIZE}. */
final class LanePage {
    static final int PAGE_SIZE = 1000;

    /** A link to one page of a lane list. */
    record PageLink(int number, String url, boolean current) {}

    private LanePage() {}

    static String url(Lane lane, int page) {
        return "lanes/" + lane.id() + (page == 1 ? "" : "-" + page) + ".html";
    }

    /** Everything one page of a lane list reads. */
    record Key(Chrome.SiteMeta meta, Lane lane, String label, int total, List<TaskView> rows, List<PageLink> pages) {}

    static void render(Theme theme, PageMemo<Object, Content> memo, ItemLists rowLists,
                       Chrome.SiteMeta meta, Lane lane, String label, List<TaskView> views, Map<String, Content> out) {
        int pages = Math.max(1, (views.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<PageLink> links = new java.util.ArrayList<>();
        for (int p = 1; p <= pages; p++) links.add(new PageLink(p, url(lane, p).substring("lanes/".length()), false));
        for (int p = 1; p <= pages; p++) {
            int page = p;
            List<TaskView> rows = pages == 1 ? views : List.copyOf(views.subList((p - 1) * PAGE_SIZE, Math.min(views.size(), p * PAGE_SIZE)));
            Key key = new Key(meta, lane, label, views.size(), rows,
                    links.stream().map(l -> new PageLink(l.number(), l.url(), l.number() == page)).toList());
            String path = url(lane, p);
            out.put(path, memo.get(path, key, () -> {
                Map<String, Object> c = Chrome.context(meta, "../", label + (pages > 1 ? " (page " + page + " of " + pages + ")" : ""), "lanes");
                c.put("lane", lane.id());
                c.put("label", label);
                c.put("total", key.total());
                c.put("rows", Fragments.slot(0));
                c.put("count", rows.size());
                c.put("pages", key.pages());
                return Fragments.splice("lane", theme.render("lane", c), List.of(rowLists.of(path, meta, rows, v -> {
                    Map<String, Object> r = Chrome.context(meta, "../", "", "lanes");
                    r.put("v", v);
                    return theme.render("lane-row", r);
                })));
            }));
        }
    }
}
