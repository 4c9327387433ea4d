package dev.dashgen.site;

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
        // Tasks are listed by id and file, which an edit keeps: the file reads the history and which files there are.
        out.put(PATH, ctx.caches().pages.get(PATH, List.of(m.history(), m.workspace().indexByFile().keySet()),
                () -> Content.of(HistoryData.json(m.history(), m.workspace().tasks()))));
    }
}
