package dev.dashgen.site;

import java.util.Set;

/**
 * One kind of output file (the board, task pages, a data file…): what it reads, and how it is rendered.
 * The engine renders a kind when the change touched something it {@link #reads()}; a kind that makes many
 * files renders, outside a full build, only those {@link PageContext#delta()} names, and says which of its
 * files are gone. {@link PagePlan} lists every kind.
 */
public interface PageKind {

    /** What the files of this kind show besides every page's chrome. */
    Set<Reads> reads();

    /**
     * Whether the engine renders this kind after the others, once the pages an edit is about are written and the
     * browsers told (see {@code Engine#complete}): for kinds whose model costs more than an edit's budget.
     */
    default boolean deferred() {
        return false;
    }

    /** Puts this kind's files (all of them, or outside a full build those that may differ) into {@code out}. */
    void render(PageContext ctx, PageOutput out);

    /**
     * Once changes pause: tidies what this kind keeps for the next build ({@link PageOutput#keep}), putting any
     * file made anew from it, with the same bytes. Most kinds keep nothing and pass it on as it is.
     */
    default void settle(PageContext ctx, PageOutput out) {
        out.keep(ctx.kept());
    }
}
