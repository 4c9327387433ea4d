package dev.dashgen.engine;

import dev.dashgen.site.Caches;
import dev.dashgen.site.Content;
import dev.dashgen.site.Delta;
import dev.dashgen.site.PageContext;
import dev.dashgen.site.PageKind;
import dev.dashgen.site.PageOutput;
import dev.dashgen.site.PagePlan;
import dev.dashgen.site.Site;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code next = build(inputs, previous, change)}: the one way a site is made, by {@code build} (with no
 * previous build) and by {@code serve} after every batch of changes. The model is derived incrementally
 * ({@link ModelStep}); each page kind of the {@link PagePlan} that reads something the change touched renders
 * what may differ; the rest of the previous site carries over. The engine owns the {@link Caches}; the
 * previous build is never changed, so a build that fails leaves it as it was; what it rendered on the way sits in
 * the caches under the inputs it was made from, where no other build can take it for something else.
 */
public final class Engine {
    private final Caches caches = new Caches();
    private final List<PageKind> plan;

    public Engine() {
        this(PagePlan.KINDS);
    }

    Engine(List<PageKind> plan) {
        this.plan = List.copyOf(plan);
    }

    /** A build from nothing: what the {@code build} command does. */
    public Build build(SiteInputs inputs) {
        return build(inputs, null, new Change.Everything());
    }

    public Build build(SiteInputs inputs, Build previous, Change change) {
        Scope scope = Scope.of(change);
        if (previous == null || scope.everything()) caches.reset();
        ModelStep.Derived derived = ModelStep.next(inputs, previous, scope);
        Delta delta = derived.delta();
        boolean full = delta.full() || previous == null;
        Map<PageKind, Object> kept = new HashMap<>();
        Map<String, Content> put = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (PageKind kind : plan) {
            Object before = previous == null ? null : previous.kept().get(kind);
            if (!full && !delta.touches(kind.reads())) {
                if (before != null) kept.put(kind, before);
                continue;
            }
            PageOutput out = new PageOutput();
            kind.render(new PageContext(derived.model(), full ? null : previous.model(), delta, caches, before), out);
            put.putAll(out.files());
            removed.addAll(out.removed());
            if (out.kept() != null) kept.put(kind, out.kept());
        }
        removed.removeAll(put.keySet());
        Site site;
        if (full) {
            site = Site.owning(new TreeMap<>(put));
        } else {
            // A page found in the caches under an equal key is the very content the previous site holds at that
            // path: the site carries it, and the writer need not look at it.
            put.entrySet().removeIf(e -> previous.site().get(e.getKey()) == e.getValue());
            site = Site.patched(previous.site(), put, removed);
        }
        if (previous != null && !delta.removed().isEmpty()) {
            caches.retain(new HashSet<>(derived.model().workspace().indexByFile().keySet()), site.paths());
        }
        return new Build(inputs, derived.model(), site, kept, full, new TreeSet<>(put.keySet()), removed);
    }

    /**
     * The same build with what page kinds keep made tidier once changes pause ({@link PageKind#settle}); its
     * files keep their bytes, so nothing needs writing.
     */
    public Build settle(Build build) {
        Map<PageKind, Object> kept = new HashMap<>();
        Map<String, Content> put = new HashMap<>();
        for (PageKind kind : plan) {
            Object before = build.kept().get(kind);
            if (before == null) continue;
            PageOutput out = new PageOutput();
            kind.settle(new PageContext(build.model(), null, Delta.everything(), caches, before), out);
            put.putAll(out.files());
            if (out.kept() != null) kept.put(kind, out.kept());
        }
        if (put.isEmpty()) return build;
        return new Build(build.inputs(), build.model(), Site.patched(build.site(), put, List.of()), kept, false,
                new TreeSet<>(), Set.of());
    }
}
