package dev.dashgen.site;

import java.util.EnumSet;
import java.util.Set;

/** {@code data/summary.json}: task counts per lane, problem counts, cost figures and the budget. */
final class SummaryJson implements PageKind {

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.TASKS, Reads.COSTS, Reads.PROBLEMS);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        out.put("data/summary.json", DataFiles.summary(m.workspace(), m.now(), m.costs(), m.lanes()));
    }
}
