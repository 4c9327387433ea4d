package dev.dashgen.site;

/**
 * What a page kind renders from: this build's model, the previous build's (null in a full build), what
 * differs between them, the caches, and what this kind kept from the previous build (null when nothing).
 */
public record PageContext(SiteModel model, SiteModel previous, Delta delta, Caches caches, Object kept,
                          dev.dashgen.model.Progress progress) {

    public PageContext(SiteModel model, SiteModel previous, Delta delta, Caches caches, Object kept) {
        this(model, previous, delta, caches, kept, dev.dashgen.model.Progress.NONE);
    }

    Theme theme() {
        return model.theme();
    }

    Chrome.SiteMeta meta() {
        return model.meta();
    }

    /** Whether every file of the kind is to be rendered. */
    boolean full() {
        return delta.full() || previous == null;
    }
}
