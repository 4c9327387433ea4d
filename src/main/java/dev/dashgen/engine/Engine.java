package dev.dashgen.engine;

import dev.dashgen.model.Progress;
import dev.dashgen.site.Caches;
import dev.dashgen.site.Content;
import dev.dashgen.site.Delta;
import dev.dashgen.site.PageContext;
import dev.dashgen.site.PageKind;
import dev.dashgen.site.PageOutput;
import dev.dashgen.site.PagePlan;
import dev.dashgen.site.Site;
import dev.dashgen.site.SiteModel;
import dev.dashgen.metrics.FlowReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

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
    private final Progress progress;

    public Engine() {
        this(Progress.NONE);
    }

    /** {@code progress} hears how far a build has got, for a long build's progress line. */
    public Engine(Progress progress) {
        this(PagePlan.KINDS, progress);
    }

    Engine(List<PageKind> plan, Progress progress) {
        this.plan = List.copyOf(plan);
        this.progress = progress;
    }

    /** A build from nothing, deferred kinds included: what the {@code build} command does. */
    public Build build(SiteInputs inputs) {
        return complete(build(inputs, null, new Change.Everything()));
    }

    public Build build(SiteInputs inputs, Build previous, Change change) {
        Scope scope = Scope.of(change);
        if (previous == null || scope.everything()) caches.reset();
        if (previous == null) progress.phase("deriving the model", 0);
        ModelStep.Derived derived = ModelStep.next(inputs, previous, scope);
        Delta delta = derived.delta();
        boolean full = delta.full() || previous == null;
        if (previous == null) progress.phase("rendering pages", derived.model().views().size());
        // A whole site: the flow metrics are worked out beside the pages that do not need them.
        CompletableFuture<FlowReport> flow = full && derived.model().flow() == null && plan.stream().anyMatch(PageKind::deferred)
                ? CompletableFuture.supplyAsync(() -> FlowStep.report(derived.model(), null, delta, caches)) : null;
        Map<PageKind, Object> kept = new HashMap<>();
        List<PageKind> due = new ArrayList<>();
        for (PageKind kind : plan) {
            if (kind.deferred() || !full && !delta.touches(kind.reads())) {
                Object before = previous == null ? null : previous.kept().get(kind);
                if (before != null) kept.put(kind, before);
            } else {
                due.add(kind);
            }
        }
        // Kinds render side by side; their files are gathered in the plan's order.
        List<PageOutput> outputs = due.parallelStream().map(kind -> {
            PageOutput out = new PageOutput();
            Object before = previous == null ? null : previous.kept().get(kind);
            kind.render(new PageContext(derived.model(), full ? null : previous.model(), delta, caches, before, progress), out);
            return out;
        }).toList();
        Map<String, Content> put = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (int i = 0; i < due.size(); i++) {
            PageOutput out = outputs.get(i);
            put.putAll(out.files());
            removed.addAll(out.removed());
            if (out.kept() != null) kept.put(due.get(i), out.kept());
        }
        // Deferred kinds a previous build left undone see everything as changed.
        boolean catchUp = previous != null && previous.deferred() != null;
        removed.removeAll(put.keySet());
        Site site;
        Set<String> deferredPaths = previous == null ? Set.of() : previous.deferredPaths();
        if (full) {
            // Until the deferred kinds render again, their files are the previous build's.
            for (String path : deferredPaths) {
                Content carried = previous.site().get(path);
                if (carried != null) put.putIfAbsent(path, carried);
            }
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
        Build.Deferred deferred = new Build.Deferred(catchUp ? Delta.everything() : delta, full || catchUp ? null : previous.model(), flow);
        return new Build(inputs, derived.model(), site, kept, full, new TreeSet<>(put.keySet()), removed, deferred,
                deferredPaths);
    }

    /**
     * The same build with its deferred kinds rendered (flow metrics), after {@link #build(SiteInputs, Build, Change)}:
     * {@code serve} writes the pages an edit is about and tells the browsers before it calls this, then writes what
     * this adds. {@code changed} and {@code removed} are then this step's alone.
     */
    public Build complete(Build build) {
        if (build.deferred() == null) return build;
        Delta delta = build.deferred().delta();
        if (build.model().flow() == null) progress.phase("working out flow metrics and the forecast", 0);
        SiteModel model = build.model().flow() != null ? build.model()
                : build.model().withFlow(build.deferred().flow() != null ? Futures.join(build.deferred().flow()) : FlowStep.report(build.model(), build.deferred().previous(), delta, caches));
        Map<PageKind, Object> kept = new HashMap<>(build.kept());
        Map<String, Content> put = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (PageKind kind : plan) {
            if (!kind.deferred() || !delta.touches(kind.reads())) continue;
            PageOutput out = new PageOutput();
            kind.render(new PageContext(model, build.deferred().previous(), delta, caches, kept.get(kind), progress), out);
            put.putAll(out.files());
            removed.addAll(out.removed());
            if (out.kept() != null) kept.put(kind, out.kept());
        }
        removed.removeAll(put.keySet());
        Set<String> deferredPaths = new HashSet<>(build.deferredPaths());
        deferredPaths.removeAll(removed);
        deferredPaths.addAll(put.keySet());
        put.entrySet().removeIf(e -> build.site().get(e.getKey()) == e.getValue());
        Site site = put.isEmpty() && removed.isEmpty() ? build.site() : Site.patched(build.site(), put, removed);
        return new Build(build.inputs(), model, site, kept, false, new TreeSet<>(put.keySet()), removed, null, deferredPaths);
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
                new TreeSet<>(), Set.of(), build.deferred(), build.deferredPaths());
    }
}
