package dev.dashgen.engine;

import dev.dashgen.site.Delta;
import dev.dashgen.site.PageKind;
import dev.dashgen.site.Site;
import dev.dashgen.site.SiteModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * One build, as the next one starts from it: its inputs, the model its pages show, the site, and what each
 * page kind kept. Also what it changed against the build before: {@code changed} are the paths rendered
 * anew (their bytes may still be the same), {@code removed} the paths gone; {@code full} when every path
 * was rendered; {@code deferredPaths} the files deferred kinds made. Immutable: a failed build leaves the previous one
 * as it was.
 */
public record Build(SiteInputs inputs, SiteModel model, Site site, Map<PageKind, Object> kept,
                    boolean full, SortedSet<String> changed, Set<String> removed, Deferred deferred,
                    Set<String> deferredPaths) {

    /**
     * What the deferred page kinds still have to render ({@link Engine#complete}): the change as the other kinds
     * saw it, the model they render against (null in a full build), and the flow report when a full build started
     * working it out beside its other pages (else null).
     */
    public record Deferred(Delta delta, SiteModel previous, java.util.concurrent.CompletableFuture<dev.dashgen.metrics.FlowReport> flow) {}
    public Build {
        kept = Collections.unmodifiableMap(new LinkedHashMap<>(kept));
        changed = Collections.unmodifiableSortedSet(changed);
        removed = Set.copyOf(removed);
        deferredPaths = Set.copyOf(deferredPaths);
    }

    /** The task files of this build, for pruning caches. */
    List<String> files() {
        return model.workspace().tasks().stream().map(t -> t.file()).toList();
    }
}
