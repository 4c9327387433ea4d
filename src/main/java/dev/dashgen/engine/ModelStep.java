package dev.dashgen.engine;

import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.DocumentRefs;
import dev.dashgen.portfolio.Portfolio;
import dev.dashgen.portfolio.TextLinks;
import dev.dashgen.site.Chrome;
import dev.dashgen.site.CostModel;
import dev.dashgen.site.Delta;
import dev.dashgen.site.Reads;
import dev.dashgen.site.SiteModel;
import dev.dashgen.site.TaskView;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import dev.dashgen.telemetry.TaskCosts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Derives a build's {@link SiteModel} from its inputs, and from the previous build's model and the change
 * where it can: after an edit only the replaced tasks, their dependents and the tasks whose cost moved get
 * new views, and lanes and agent lists are patched. Says in a {@link Delta} what differs.
 */
final class ModelStep {

    record Derived(SiteModel model, Delta delta) {}

    private ModelStep() {}

    static Derived next(SiteInputs in, Build previous, Scope scope) {
        if (previous == null || scope.fresh() || !sameFrame(previous.inputs(), in)) return fresh(in);
        if (scope.restructured()) return restructured(in, previous.model(), scope);
        return aligned(in, previous.model(), scope);
    }

    /**
     * What every page's chrome reads besides the model. A new config or theme comes as {@link Change.Everything};
     * this only guards against a caller that passed another {@code now}, config or base URL without saying so.
     */
    private static boolean sameFrame(SiteInputs a, SiteInputs b) {
        return a.config().equals(b.config()) && a.now().equals(b.now()) && a.version().equals(b.version())
                && java.util.Objects.equals(a.baseUrl(), b.baseUrl());
    }

    static Derived fresh(SiteInputs in) {
        Workspace ws = in.workspace();
        // The portfolio and the links in text depend on neither the costs nor each other: made beside them.
        CompletableFuture<Portfolio> portfolioMade = CompletableFuture.supplyAsync(() -> Portfolio.of(ws.tasks(), in.repository().specs()));
        CompletableFuture<TextLinks> linksMade = CompletableFuture.supplyAsync(() -> textLinks(in, ws));
        List<TaskCosts.TaskWindow> windows = CostModel.windows(ws);
        CostModel costs = CostModel.of(in.telemetry(), in.config().budget(), in.now(), windows);
        Portfolio portfolio = Futures.join(portfolioMade);
        List<TaskView> views = views(in, ws, costs, portfolio);
        Map<Lane, List<TaskView>> lanes = LaneLists.of(views);
        var agents = AgentLists.of(lanes);
        SiteModel model = new SiteModel(in.config(), ws, in.now(), in.baseUrl(), in.theme(), meta(in, costs), costs,
                windows, views, lanes, agents, in.repository(), new DocumentRefs.Result(in.documents(), List.of()),
                portfolio, Futures.join(linksMade), agentUrls(agents, costs), in.history(), null);
        return new Derived(model, Delta.everything());
    }

    private static List<TaskView> views(SiteInputs in, Workspace ws, CostModel costs, Portfolio portfolio) {
        return IntStream.range(0, ws.tasks().size()).parallel()
                .mapToObj(i -> view(in, ws, i, costs, portfolio)).toList();
    }

    private static TaskView view(SiteInputs in, Workspace ws, int i, CostModel costs, Portfolio portfolio) {
        Task t = ws.tasks().get(i);
        String spec = portfolio.specOf(t).map(s -> s.file().name()).orElse(null);
        return TaskView.of(ws, i, in.config().lanes().label(t.lane()), in.now(), costs.shown(i), spec);
    }

    /** Ids and configured patterns in text, linked to task pages and repository files: made when the ids may differ. */
    private static TextLinks textLinks(SiteInputs in, Workspace ws) {
        Map<String, String> urls = new HashMap<>(2 * ws.byId().size());
        for (int i = 0; i < ws.tasks().size(); i++) urls.putIfAbsent(ws.tasks().get(i).id(), "tasks/" + ws.slugs().get(i) + ".html");
        return new TextLinks(in.config().linkPatterns(), in.repository().files(), in.repository().repo().links(), urls);
    }

    /** Each agent's page, from the site root: agents with tasks or cost, slugs handed out in name order. */
    private static Map<String, String> agentUrls(Map<String, ?> agents, CostModel costs) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(agents.keySet());
        names.addAll(costs.agents());
        dev.dashgen.model.Slugs slugs = new dev.dashgen.model.Slugs();
        Map<String, String> urls = new HashMap<>();
        for (String name : names) urls.put(name, "agents/" + slugs.next(name, name) + ".html");
        return urls;
    }

    private static Chrome.SiteMeta meta(SiteInputs in, CostModel costs) {
        return Chrome.meta(in.config().title(), in.now(), in.workspace(), in.version(), costs);
    }

    /**
     * The task list kept its files and order: only the replaced tasks, their dependents (whose open-dependency
     * count follows their lane) and the tasks whose cost moved are looked at again.
     */
    private static Derived aligned(SiteInputs in, SiteModel before, Scope scope) {
        Workspace ws = in.workspace();
        BitSet replaced = scope.replaced();
        List<TaskCosts.TaskWindow> windows = before.windows();
        boolean windowsChanged = false;
        for (int i = replaced.nextSetBit(0); i >= 0; i = replaced.nextSetBit(i + 1)) {
            TaskCosts.TaskWindow w = CostModel.window(ws.tasks().get(i));
            if (w.equals(windows.get(i))) continue;
            if (!windowsChanged) windows = new ArrayList<>(windows);
            windows.set(i, w);
            windowsChanged = true;
        }
        CostModel costs = before.costs();
        BitSet redo = (BitSet) replaced.clone();
        BitSet lines = (BitSet) replaced.clone();
        if (scope.costs() || windowsChanged) {
            costs = before.costs().next(in.telemetry(), in.config().budget(), in.now(), windows, windowsChanged);
            int[] moved = costs.changed();
            if (moved == null) {
                redo.set(0, ws.tasks().size());
                lines.set(0, ws.tasks().size());
            } else {
                for (int i : moved) {
                    redo.set(i);
                    lines.set(i);
                }
            }
        }
        for (int i = replaced.nextSetBit(0); i >= 0; i = replaced.nextSetBit(i + 1)) {
            for (Task d : ws.dependents().getOrDefault(ws.tasks().get(i).id(), List.of())) redo.set(ws.indexOf(d));
        }
        // The change vouches that replaced tasks keep their specification (else the repository changed too).
        Portfolio portfolio = before.portfolio();
        if (!replaced.isEmpty()) {
            List<Task> was = new ArrayList<>();
            List<Task> is = new ArrayList<>();
            for (int i = replaced.nextSetBit(0); i >= 0; i = replaced.nextSetBit(i + 1)) {
                was.add(before.workspace().tasks().get(i));
                is.add(ws.tasks().get(i));
            }
            portfolio = portfolio.replacing(was, is);
        }
        List<TaskView> views = new ArrayList<>(before.views());
        List<TaskView> olds = new ArrayList<>();
        List<TaskView> news = new ArrayList<>();
        for (int i = redo.nextSetBit(0); i >= 0; i = redo.nextSetBit(i + 1)) {
            TaskView v = view(in, ws, i, costs, portfolio);
            TaskView old = views.get(i);
            if (v.equals(old)) continue;
            views.set(i, v);
            olds.add(old);
            news.add(v);
            lines.set(i);
        }
        Set<Lane> touchedLanes = EnumSet.noneOf(Lane.class);
        Map<Lane, List<TaskView>> lanes = olds.isEmpty() ? before.lanes()
                : LaneLists.patched(before.lanes(), olds, news, touchedLanes);
        var agents = olds.isEmpty() ? before.agents() : AgentLists.patched(before.agents(), olds, news);
        Chrome.SiteMeta meta = meta(in, costs);
        // Costs alone leave the stage dates: the engine then makes only the forecast again (FlowStep).
        boolean flowMoved = flowFieldsChanged(before.workspace(), ws, replaced);
        SiteModel model = new SiteModel(in.config(), ws, in.now(), in.baseUrl(), in.theme(), meta, costs, windows,
                views, lanes, agents, in.repository(), documents(in, before), portfolio, before.textLinks(),
                agentUrls(agents, costs), in.history(), flowMoved || scope.costs() ? null : before.flow());
        TreeSet<String> files = new TreeSet<>();
        for (TaskView v : news) files.add(v.task().file());
        Set<String> taskPages = new HashSet<>();
        for (int k = 0; k < olds.size(); k++) {
            neighbours(olds.get(k).task(), before.workspace(), taskPages);
            neighbours(news.get(k).task(), ws, taskPages);
        }
        Set<Reads> reads = EnumSet.noneOf(Reads.class);
        if (!files.isEmpty()) reads.addAll(EnumSet.of(Reads.TASK, Reads.LANES, Reads.TASKS));
        if (scope.costs()) reads.add(Reads.COSTS);
        if (scope.problems() || !ws.problems().equals(before.workspace().problems())) reads.add(Reads.PROBLEMS);
        if (!lines.isEmpty()) reads.add(Reads.TASKS);
        if (flowMoved) reads.add(Reads.FLOW);
        if (!replaced.isEmpty()) reads.add(Reads.PORTFOLIO);
        if (!model.agentUrls().equals(before.agentUrls())) reads.add(Reads.LANES);
        boolean full = !meta.equals(before.meta()) || !model.agentUrls().equals(before.agentUrls());
        Set<String> agentNames = new HashSet<>();
        for (int k = 0; k < olds.size(); k++) {
            if (olds.get(k).task().agent() != null) agentNames.add(olds.get(k).task().agent());
            if (news.get(k).task().agent() != null) agentNames.add(news.get(k).task().agent());
        }
        return new Derived(model, new Delta(full, reads, files, Set.of(), taskPages, touchedLanes, agentNames,
                lines, true));
    }

    /** The task list was made again: every view is made anew and compared with the previous one of its file. */
    private static Derived restructured(SiteInputs in, SiteModel before, Scope scope) {
        Derived fresh = fresh(in);
        SiteModel model = fresh.model();
        Workspace ws = model.workspace();
        TreeSet<String> files = new TreeSet<>();
        Set<String> taskPages = new HashSet<>();
        Set<String> agents = new HashSet<>();
        Set<Lane> lanes = EnumSet.noneOf(Lane.class);
        for (TaskView v : model.views()) {
            TaskView old = before.view(v.task().file());
            if (v.equals(old)) continue;
            files.add(v.task().file());
            note(v, ws, taskPages, agents, lanes);
            if (old != null) note(old, before.workspace(), taskPages, agents, lanes);
        }
        Set<String> removed = new HashSet<>();
        for (TaskView old : before.views()) {
            if (ws.indexOf(old.task().file()) >= 0) continue;
            removed.add(old.task().file());
            files.add(old.task().file());
            note(old, before.workspace(), taskPages, agents, lanes);
        }
        mentioning(before.workspace(), ws, taskPages);
        Set<Reads> reads = EnumSet.of(Reads.TASK, Reads.LANES, Reads.TASKS, Reads.COSTS, Reads.PROBLEMS, Reads.FILES,
                Reads.FLOW, Reads.PORTFOLIO);
        boolean full = !model.meta().equals(before.meta()) || !model.agentUrls().equals(before.agentUrls());
        return new Derived(model, new Delta(full, reads, files, removed, taskPages, lanes, agents, null, false));
    }

    /** Whether a replaced task differs in what flow metrics read of it (stage dates come from these). */
    private static boolean flowFieldsChanged(Workspace before, Workspace after, BitSet replaced) {
        for (int i = replaced.nextSetBit(0); i >= 0; i = replaced.nextSetBit(i + 1)) {
            Task was = before.tasks().get(i);
            Task is = after.tasks().get(i);
            if (was.lane() != is.lane() || was.status() != is.status() || !was.lifecycle().equals(is.lifecycle())
                    || !java.util.Objects.equals(was.agent(), is.agent())) {
                return true;
            }
        }
        return false;
    }

    /** The documents found, as the previous model had them when the inputs' set is the same. */
    private static DocumentRefs.Result documents(SiteInputs in, SiteModel before) {
        return in.documents().equals(before.documents().found()) ? before.documents()
                : new DocumentRefs.Result(in.documents(), List.of());
    }

    /**
     * Adds the task files whose description or result mentions an id that came or went: their text links
     * to task pages differ.
     */
    private static void mentioning(Workspace before, Workspace after, Set<String> taskPages) {
        Set<String> ids = new HashSet<>();
        for (String id : after.byId().keySet()) if (!before.byId().containsKey(id)) ids.add(id);
        for (String id : before.byId().keySet()) if (!after.byId().containsKey(id)) ids.add(id);
        if (ids.isEmpty()) return;
        for (Task t : after.tasks()) {
            for (String id : ids) {
                if (mentions(t.description(), id) || mentions(t.resultSummary(), id)) {
                    taskPages.add(t.file());
                    break;
                }
            }
        }
    }

    private static boolean mentions(String text, String id) {
        return text != null && text.contains(id);
    }

    private static void note(TaskView v, Workspace ws, Set<String> taskPages, Set<String> agents, Set<Lane> lanes) {
        neighbours(v.task(), ws, taskPages);
        if (v.task().agent() != null) agents.add(v.task().agent());
        lanes.add(v.task().lane());
    }

    /**
     * The task files whose page shows {@code t}: its own, the pages of the tasks it depends on (which list it
     * as a dependent), those that depend on it, and every other file with its id.
     */
    private static void neighbours(Task t, Workspace ws, Set<String> out) {
        out.add(t.file());
        out.addAll(ws.filesWithId(t.id()));
        for (String dep : t.dependencies()) out.addAll(ws.filesWithId(dep));
        for (Task d : ws.dependents().getOrDefault(t.id(), List.of())) out.add(d.file());
    }
}
