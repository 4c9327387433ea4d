package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import dev.dashgen.telemetry.TaskCosts.TaskWindow;
import dev.dashgen.telemetry.Telemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * The pure core of a build: {@link SiteInputs} to {@link Site}. No clock, no disk, no environment.
 * It remembers pages by the inputs they read, so building again after an edit re-renders only the
 * pages the edit touched; the bytes are the same as a fresh builder's.
 */
public final class SiteBuilder {
    private final Theme theme;
    private final PageMemo<Object, Content> pages = new PageMemo<>();
    private final ItemLists cards = new ItemLists();
    private final ItemLists laneRows = new ItemLists();
    private final LaneOrder laneOrder = new LaneOrder();
    private final AgentGroups agentGroups = new AgentGroups();
    private final PageMemo<Object, String> descriptions = new PageMemo<>();
    private final AgentsPage agents;
    private final TaskLines taskLines = new TaskLines();
    private final CostWindows costWindows = new CostWindows();
    private final PageMemo<Object, CostModel> costModels = new PageMemo<>();
    private Map<String, TaskView> lastViews = Map.of();
    private Instant lastNow;
    private Workspace lastWs;
    private Chrome.SiteMeta lastMeta;
    private Map<String, List<String>> lastFilesByIdMemo;
    private Set<String> lastOthers;
    private List<TaskView> lastViewList;
    private CostModel lastCosts;
    private Config lastConfig;
    private Site lastSite;

    public SiteBuilder(Theme theme) {
        this.theme = theme;
        this.agents = new AgentsPage(theme, pages, agentGroups);
    }

    public Site build(SiteInputs in) {
        try {
            return buildOrFail(in);
        } catch (RuntimeException | Error e) {
            // What is remembered of the last build must be of one build: start afresh next time.
            lastViews = Map.of();
            lastViewList = null;
            lastWs = null;
            lastMeta = null;
            lastSite = null;
            lastFilesByIdMemo = null;
            throw e;
        }
    }

    private Site buildOrFail(SiteInputs in) {
        Workspace ws = in.workspace();
        // Where the tasks differ from the last build's, when the model was patched: each pass below then
        // looks at those few indices rather than comparing 100,000 references again.
        int[] replacedTasks = replacedTasks(ws);
        // Cost per task depends on every task's active window, but only when there is telemetry to split.
        List<TaskWindow> windows = costWindows.of(ws, lastWs == null ? null : lastWs.tasks(), replacedTasks);
        Object costKey = in.telemetry() instanceof Telemetry.Available
                ? List.of(in.telemetry(), windows, in.config().budget(), in.now())
                : Arrays.asList(in.telemetry(), in.config().budget());
        // A new report for the same windows and now updates the last model's per-task costs.
        CostModel earlier = lastCosts;
        CostModel[] madeFrom = {null};
        CostModel costs = costModels.get("", costKey, () -> {
            madeFrom[0] = earlier;
            return CostModel.of(in, windows, earlier);
        });
        // Where tasks' costs differ from the last build's; null when any may.
        int[] costChanged = costs == lastCosts ? new int[0] : earlier != null && madeFrom[0] == earlier ? costs.changed() : null;
        Chrome.SiteMeta fresh = Chrome.meta(in, costs);
        // Every memo key holds the meta: the last build's very object makes each comparison an identity check.
        Chrome.SiteMeta meta = fresh.equals(lastMeta) ? lastMeta : fresh;
        Map<String, TaskView> previous = in.now().equals(lastNow) ? lastViews : Map.of();
        LongAdder known = new LongAdder();
        Queue<TaskView[]> changed = new ConcurrentLinkedQueue<>(); // {last, now}
        List<TaskView> views;
        List<TaskView> previousViews = lastViewList;
        int[] replacedViews = null;
        int[] linesChanged = null;
        // A patched model keeps its slug map and each task's index: then only replaced tasks, tasks whose cost
        // changed, and their dependents (whose open-dependency count may change) need a new look; the rest
        // keep their views.
        if (previous == lastViews && lastViewList != null && lastWs != null && ws.slugByFile() == lastWs.slugByFile()
                && replacedTasks != null && costChanged != null && in.config().equals(lastConfig)) {
            List<Integer> at = new ArrayList<>();
            views = patchedViews(in, ws, costs, replacedTasks, costChanged, changed, at);
            known.add(views.size());
            replacedViews = at.stream().mapToInt(Integer::intValue).toArray();
            // A task's line holds its exact cost, which can change while the view (to the cent) stays.
            linesChanged = union(replacedViews, costChanged);
        } else {
            views = IntStream.range(0, ws.tasks().size()).parallel().mapToObj(i -> {
                Task t = ws.tasks().get(i);
                TaskView last = previous.get(t.file());
                if (last != null) known.increment();
                TaskView v = TaskView.of(t, ws, in.config().lanes().label(t.lane()), in.now(), costs.shown(i), last);
                if (v != last) changed.add(new TaskView[] {last, v});
                return v;
            }).toList();
        }
        lastViewList = views;
        lastCosts = costs;
        lastConfig = in.config();
        // Files are unique within a build, so this says whether the last build had exactly these files.
        boolean sameFiles = known.sum() == views.size() && views.size() == previous.size();
        // Same files and the same ids (slugs are made from ids, and a patched model keeps its slug map).
        boolean sameIds = sameFiles && lastWs != null && ws.slugByFile() == lastWs.slugByFile();
        Set<String> affected = null;
        // Patching the last site: the same task files, at the same urls, and the same chrome on every page.
        boolean patch = false;
        if (meta.equals(lastMeta) && lastWs != null && previous == lastViews) {
            patch = sameIds && lastSite != null;
            affected = affected(views, changed, previous, ws, sameFiles, sameIds);
        } else {
            lastFilesByIdMemo = null; // the ids of the previous build are unknown from here on
        }
        Map<String, TaskView> byFile;
        if (sameFiles && previous == lastViews && previous instanceof HashMap) {
            byFile = previous; // the last build's map, which nothing reads any more, with the changed views put in
            for (TaskView[] pair : changed) byFile.put(pair[1].task().file(), pair[1]);
        } else {
            byFile = new HashMap<>();
            for (TaskView v : views) byFile.put(v.task().file(), v);
        }
        lastViews = byFile;
        lastNow = in.now();
        lastWs = ws;
        lastMeta = meta;
        Map<Lane, List<TaskView>> byLane = laneOrder.byLane(views, previousViews, replacedViews);

        Map<String, Content> files = new ConcurrentHashMap<>(2 * views.size() + 64);
        // A task page outside the affected set is the last build's: when patching it is not even looked at.
        Map<String, Content> taskPages = new ConcurrentHashMap<>(patch ? 64 : 2 * views.size());
        // tasks.json needs only the views and the costs: it is made on the other core while pages render.
        int[] linesToLook = linesChanged;
        CompletableFuture<Content> tasksJson = CompletableFuture.supplyAsync(
                () -> taskLines.file(views, costs, in.now(), previousViews, linesToLook));
        try {
            theme.assets().forEach((path, bytes) -> files.put(path, Content.of(bytes)));
            files.put("index.html", BoardPage.render(theme, cards, agentGroups, meta, in.config(), byLane, costs.notice()));
            if (costs.available()) {
                List<Object> reportKey = List.of(meta, costs.report(), costs.budget());
                files.put("costs.html", pages.get("costs.html", reportKey,
                        () -> Content.of(CostsPage.render(theme, meta, costs.report(), costs.budget()))));
                files.put("data/costs.json", pages.get("data/costs.json", reportKey,
                        () -> Content.of(CostData.json(costs.report(), costs.budget()))));
                files.put("data/costs-daily.csv", pages.get("data/costs-daily.csv", reportKey,
                        () -> Content.of(CostData.csv(costs.report()))));
            }
            Map<String, String> labels = new TreeMap<>();
            for (Lane lane : Lane.values()) labels.put(lane.id(), in.config().lanes().label(lane));
            agents.render(meta, costs, in.config().lanes().shown(), labels, byLane, files);
            byLane.forEach((lane, laneViews) ->
                    LanePage.render(theme, pages, laneRows, meta, lane, in.config().lanes().label(lane), laneViews, files));
            List<TaskView> toCheck = new ArrayList<>();
            if (patch) {
                for (String file : affected) {
                    TaskView v = byFile.get(file);
                    if (v != null) toCheck.add(v);
                }
            } else {
                for (TaskView v : views) {
                    Content same = affected != null && !affected.contains(v.task().file()) ? pages.peek(v.url()) : null;
                    if (same != null) taskPages.put(v.url(), same);
                    else toCheck.add(v);
                }
            }
            toCheck.parallelStream().forEach(v -> {
                TaskPage.Key key = TaskPage.key(meta, v, ws, byFile);
                taskPages.put(v.url(), pages.get(v.url(), key, () -> Content.of(TaskPage.render(theme, key, descriptions))));
            });
            files.put("problems.html", ProblemsPage.render(theme, pages, meta, ws.problems(), byFile));
            files.put("404.html", Content.of(theme.render("404", Chrome.context(meta, rootUrl(in.baseUrl()), "Not found", ""))));
        } catch (RuntimeException | Error e) {
            tasksJson.handle((content, failure) -> null).join(); // the next build must not meet it still running
            throw e;
        }
        files.put("data/tasks.json", joined(tasksJson));
        files.put("data/summary.json", Content.of(DataFiles.summary(ws, in.now(), costs, byLane)));
        files.put("data/problems.json", pages.get("data/problems.json", ws.problems(), () -> Content.of(DataFiles.problems(ws.problems()))));
        if (!sameFiles) { // tasks came or went: forget their pages
            Set<String> paths = new HashSet<>(files.keySet());
            paths.addAll(taskPages.keySet());
            pages.retain(paths);
            cards.retain(byFile.keySet());
            laneRows.retain(byFile.keySet());
            descriptions.retain(byFile.keySet());
            agents.retain(byFile.keySet());
            taskLines.retain(byFile.keySet());
        }
        return sorted(files, taskPages, patch);
    }

    /**
     * The last views with those of replaced tasks and their dependents (whose open-dependency count may
     * change) looked at again, and those of tasks whose cost changed: a cost shown by the very object the
     * view holds (the same cents) leaves the view as it was.
     */
    private List<TaskView> patchedViews(SiteInputs in, Workspace ws, CostModel costs, int[] replacedTasks,
                                        int[] costChanged, Queue<TaskView[]> changed, List<Integer> setAt) {
        List<Task> tasks = ws.tasks();
        SortedSet<Integer> redo = new TreeSet<>();
        for (int i : replacedTasks) {
            Task t = tasks.get(i);
            redo.add(i);
            for (Task d : ws.dependents().getOrDefault(t.id(), List.of())) {
                int at = ws.indexOf(d);
                if (at >= 0) redo.add(at);
            }
        }
        for (int i : costChanged) {
            TaskView last = lastViewList.get(i);
            if (tasks.get(i) != last.task() || costs.shown(i) != last.cost()) redo.add(i);
        }
        List<TaskView> views = new ArrayList<>(lastViewList);
        for (int i : redo) {
            Task t = tasks.get(i);
            TaskView last = lastViewList.get(i);
            TaskView v = TaskView.of(t, ws, in.config().lanes().label(t.lane()), in.now(), costs.shown(i), last);
            if (v != last) {
                views.set(i, v);
                changed.add(new TaskView[] {last, v});
                setAt.add(i); // ascending, as redo is
            }
        }
        return Collections.unmodifiableList(views);
    }

    /** Tidies what the last builds left for later (tasks.json's lines joined into runs); call when changes pause. */
    public void settle() {
        taskLines.settle();
    }

    /**
     * The indices at which {@code ws} holds other tasks than the last build's workspace, ascending; null when
     * there was none or the number of tasks changed.
     */
    private int[] replacedTasks(Workspace ws) {
        if (lastWs == null || lastWs.tasks().size() != ws.tasks().size()) return null;
        List<Task> tasks = ws.tasks();
        List<Task> before = lastWs.tasks();
        int[] at = new int[8];
        int n = 0;
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i) == before.get(i)) continue;
            if (n == at.length) at = Arrays.copyOf(at, 2 * n);
            at[n++] = i;
        }
        return Arrays.copyOf(at, n);
    }

    /** What {@code future} made, or its own failure rethrown as it was. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    /** The distinct elements of two ascending arrays, ascending. */
    private static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0, j = 0, n = 0;
        while (i < a.length || j < b.length) {
            int next = j == b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            if (i < a.length && a[i] == next) i++;
            if (j < b.length && b[j] == next) j++;
            out[n++] = next;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * The files in path order. When patching, the last site with the pages made this time put in, and the
     * pages other than task pages that the last build had and this one does not (a lane's second page, an
     * agent's page) taken out: neither sorting nor copying the ten thousand paths that stayed.
     */
    private Site sorted(Map<String, Content> others, Map<String, Content> taskPages, boolean patch) {
        Site site;
        if (patch) {
            List<String> gone = new ArrayList<>();
            for (String path : lastOthers) {
                if (!others.containsKey(path)) gone.add(path);
            }
            Map<String, Content> put = new HashMap<>(others);
            put.putAll(taskPages);
            site = Site.patched(lastSite, put, gone);
        } else {
            TreeMap<String, Content> sorted = new TreeMap<>(others);
            sorted.putAll(taskPages);
            site = Site.owning(sorted);
        }
        lastOthers = Set.copyOf(others.keySet());
        lastSite = site;
        return site;
    }

    /**
     * The task files whose page may differ from the last build: those whose view changed, and their
     * neighbours before and after (a page shows its dependencies' and dependents' titles and lanes).
     */
    private Set<String> affected(List<TaskView> views, Collection<TaskView[]> changed,
                                           Map<String, TaskView> previous, Workspace ws, boolean sameFiles,
                                           boolean sameIds) {
        Map<String, List<String>> filesById = sameIds && lastFilesByIdMemo != null ? lastFilesByIdMemo : filesById(views);
        Map<String, List<String>> lastFilesById = lastFilesByIdMemo != null ? lastFilesByIdMemo : filesById(previous.values());
        lastFilesByIdMemo = filesById;
        Set<String> affected = new HashSet<>();
        for (TaskView[] pair : changed) {
            neighbours(pair[1].task(), ws, filesById, affected);
            if (pair[0] != null) neighbours(pair[0].task(), lastWs, lastFilesById, affected);
        }
        if (!sameFiles) { // files that are gone: their neighbours lost a link
            Set<String> now = new HashSet<>();
            for (TaskView v : views) now.add(v.task().file());
            previous.forEach((file, old) -> {
                if (!now.contains(file)) neighbours(old.task(), lastWs, lastFilesById, affected);
            });
        }
        return affected;
    }

    /** Every file holding each id: with duplicate ids, each of their pages lists the id's dependents. */
    private static Map<String, List<String>> filesById(Collection<TaskView> views) {
        Map<String, List<String>> files = new HashMap<>();
        for (TaskView v : views) files.computeIfAbsent(v.task().id(), k -> new ArrayList<>(1)).add(v.task().file());
        return files;
    }

    private static void neighbours(Task t, Workspace ws, Map<String, List<String>> filesById,
                                   Set<String> out) {
        out.add(t.file());
        out.addAll(filesById.getOrDefault(t.id(), List.of()));
        for (String dep : t.dependencies()) out.addAll(filesById.getOrDefault(dep, List.of()));
        for (Task d : ws.dependents().getOrDefault(t.id(), List.of())) out.add(d.file());
    }

    /** A 404 page is served at any depth, so its links must be absolute when the public URL is known. */
    private static String rootUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return "";
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }


}
