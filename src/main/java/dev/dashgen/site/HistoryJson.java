package dev.dashgen.site;

import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code data/history.json}: every task's moves between lane folders from Git (PRODUCT.md §4.3); none outside Git. */
final class HistoryJson implements PageKind {
    static final String PATH = "data/history.json";

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.HISTORY, Reads.FILES);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        if (!m.history().present()) {
            if (ctx.previous() != null && ctx.previous().history().present()) out.remove(PATH);
            return;
        }
        // Tasks are listed by id and file, which the usual edit keeps; an edit that changes a task's id does not.
        List<String> listed = new ArrayList<>(2 * m.workspace().tasks().size());
        for (Task t : m.workspace().tasks()) {
            listed.add(t.id());
            listed.add(t.file());
        }
        out.put(PATH, ctx.caches().pages.get(PATH, List.of(m.history(), listed),
                () -> Content.of(HistoryData.json(m.history(), m.workspace().tasks()))));
    }
}
