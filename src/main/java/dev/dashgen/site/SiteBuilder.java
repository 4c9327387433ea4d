package dev.dashgen.site;

import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The pure core of a build: {@link SiteInputs} to {@link Site}. No clock, no disk, no environment.
 * It remembers pages by the inputs they read, so building again after an edit re-renders only the
 * pages the edit touched; the bytes are the same as a fresh builder's.
 */
public final class SiteBuilder {
    private final Theme theme;
    private final PageMemo<Object, byte[]> pages = new PageMemo<>();
    private final PageMemo<Object, String> cards = new PageMemo<>();

    public SiteBuilder(Theme theme) {
        this.theme = theme;
    }

    public Site build(SiteInputs in) {
        Workspace ws = in.workspace();
        CostModel costs = CostModel.of(in);
        Chrome.SiteMeta meta = Chrome.meta(in, costs);
        List<TaskView> views = ws.tasks().parallelStream()
                .map(t -> TaskView.of(t, ws, in.config().lanes().label(t.lane()), in.now(), costs.of(t))).toList();
        Map<String, TaskView> byFile = new HashMap<>();
        for (TaskView v : views) byFile.put(v.task().file(), v);
        Map<Lane, List<TaskView>> byLane = byLane(views);

        SortedMap<String, byte[]> files = new ConcurrentSkipListMap<>();
        theme.assets().forEach(files::put);
        files.put("index.html", BoardPage.render(theme, cards, meta, in.config(), byLane, costs.notice()));
        if (costs.available()) {
            files.put("costs.html", CostsPage.render(theme, meta, costs.report()));
            files.put("data/costs.json", CostData.json(costs.report(), costs.budget()));
            files.put("data/costs-daily.csv", CostData.csv(costs.report()));
        }
        Map<String, String> labels = new TreeMap<>();
        for (Lane lane : Lane.values()) labels.put(lane.id(), in.config().lanes().label(lane));
        AgentsPage.render(theme, meta, costs, in.config().lanes().shown(), labels, byLane, files);
        byLane.forEach((lane, laneViews) ->
                LanePage.render(theme, pages, meta, lane, in.config().lanes().label(lane), laneViews, files));
        views.parallelStream().forEach(v -> {
            TaskPage.Key key = TaskPage.key(meta, v, ws, byFile);
            files.put(v.url(), pages.get(v.url(), key, () -> TaskPage.render(theme, key)));
        });
        files.put("problems.html", ProblemsPage.render(theme, meta, ws.problems(), byFile));
        files.put("404.html", theme.render("404", Chrome.context(meta, rootUrl(in.baseUrl()), "Not found", "")));
        files.put("data/tasks.json", DataFiles.tasks(views, in.now()));
        files.put("data/summary.json", DataFiles.summary(ws, in.now(), costs));
        files.put("data/problems.json", DataFiles.problems(ws.problems()));
        pages.retain(files.keySet());
        cards.retain(byFile.keySet());
        return new Site(new TreeMap<>(files));
    }

    /** A 404 page is served at any depth, so its links must be absolute when the public URL is known. */
    private static String rootUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return "";
        return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** Each lane's views in card order; Done and Error newest first, since their recent cards are what the board shows. */
    private static Map<Lane, List<TaskView>> byLane(List<TaskView> views) {
        Map<Lane, List<TaskView>> byLane = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) byLane.put(lane, new ArrayList<>());
        for (TaskView v : views) byLane.get(v.task().lane()).add(v);
        byLane.forEach((lane, list) -> list.sort(lane == Lane.DONE || lane == Lane.ERROR
                ? TaskView.RECENT_FIRST : TaskView.CARD_ORDER));
        return byLane;
    }

}
