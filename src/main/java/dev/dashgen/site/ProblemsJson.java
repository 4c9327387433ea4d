package dev.dashgen.site;

import java.util.EnumSet;
import java.util.Set;

/** {@code data/problems.json}: every problem with its file (from the repository root), line, column and message. */
final class ProblemsJson implements PageKind {

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.PROBLEMS);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        var problems = ctx.model().workspace().problems();
        out.put("data/problems.json", ctx.caches().pages.get("data/problems.json", problems,
                () -> Content.of(DataFiles.problems(problems))));
    }
}
