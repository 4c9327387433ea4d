package dev.dashgen.site;

import dev.dashgen.model.Slugs;
import dev.dashgen.tasks.Lane;
import dev.dashgen.telemetry.AgentDailyCost;
import dev.dashgen.telemetry.Breakdown;
import dev.dashgen.telemetry.CostReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code agents.html} and {@code agents/<slug>.html}: each agent's tasks by lane next to its cost by day. */
final class AgentsPage {

    /** One agent in the overview: its task counts per lane and its cost (formatted; empty without telemetry). */
    record Summary(String name, String url, List<Integer> counts, int tasks, String cost, String invocations, String errors) {}

    /** One lane of an agent's page: where its tasks go ({@link Fragments#slot}) and how many there are. */
    record LaneTasks(String id, String label, String tasks, int count) {}

    /** One day of an agent's cost. */
    record Day(String date, String cost, String tokens, String invocations) {}

    private final Theme theme;
    private final PageMemo<Object, Content> memo;
    /** Each task's line on its agent's page. */
    private final ItemLists items = new ItemLists();
    /** Each lane's views by agent, by lane (shared with the board). */
    private final AgentGroups groups;
    /**
     * Each agent page without its task lists, by page: an edit that keeps the agent's counts splices new
     * items into the same skeleton rather than rendering a year of cost rows again.
     */
    private final PageMemo<Object, byte[]> skeletons = new PageMemo<>();

    /** {@code memo} holds whole pages (shared with the other pages, which the builder prunes). */
    AgentsPage(Theme theme, PageMemo<Object, Content> memo, AgentGroups groups) {
        this.theme = theme;
        this.memo = memo;
        this.groups = groups;
    }

    /** Forgets the items of task files no longer in the site. */
    void retain(java.util.Set<String> files) {
        items.retain(files);
    }

    void render(Chrome.SiteMeta meta, CostModel costs, List<Lane> lanes,
                Map<String, String> labels, Map<Lane, List<TaskView>> byLane, Map<String, Content> out) {
        // Grouped lane by lane, and remembered per lane: a lane whose views did not change is not walked again.
        Map<String, Map<Lane, List<TaskView>>> tasks = new java.util.HashMap<>();
        byLane.forEach((lane, views) -> groups.of(lane, views).forEach((agent, list) ->
                tasks.computeIfAbsent(agent, a -> new java.util.EnumMap<>(Lane.class)).put(lane, list)));
        CostReport r = costs.report();
        Map<String, Breakdown> usage = new TreeMap<>();
        if (r != null) r.byAgent().forEach(b -> usage.put(b.name(), b));
        TreeSet<String> names = new TreeSet<>(tasks.keySet());
        names.addAll(usage.keySet());
        Slugs slugs = new Slugs();
        List<Summary> summaries = new ArrayList<>();
        for (String name : names) {
            String url = "agents/" + slugs.next(name, name) + ".html";
            Map<Lane, List<TaskView>> mine = tasks.getOrDefault(name, Map.of());
            List<Integer> counts = lanes.stream().map(l -> mine.getOrDefault(l, List.of()).size()).toList();
            Breakdown b = usage.get(name);
            Summary s = new Summary(name, url, counts, mine.values().stream().mapToInt(List::size).sum(),
                    b == null ? (r == null ? "" : Usd.format(BigDecimal.ZERO)) : Usd.format(b.usage().cost()),
                    b == null ? "" : Numbers.count(b.usage().invocations()), b == null ? "" : Numbers.count(b.usage().errors()));
            summaries.add(s);
            List<AgentDailyCost> daily = r == null ? null : r.agentDaily().stream().filter(d -> d.agent().equals(name)).toList();
            out.put(url, memo.get(url, java.util.Arrays.asList(meta, s, mine, lanes, labels, daily),
                    () -> agentPage(meta, url, s, mine, labels, daily)));
        }
        out.put("agents.html", memo.get("agents.html", List.of(meta, summaries, lanes, labels, r != null), () -> {
            Map<String, Object> c = Chrome.context(meta, "", "Agents", "agents");
            c.put("agents", summaries);
            c.put("lanes", lanes.stream().map(l -> labels.get(l.id())).toList());
            c.put("hasCosts", r != null);
            return Content.of(theme.render("agents", c));
        }));
    }

    private Content agentPage(Chrome.SiteMeta meta, String url, Summary s, Map<Lane, List<TaskView>> mine,
                             Map<String, String> labels, List<AgentDailyCost> daily) {
        List<LaneTasks> byLane = new ArrayList<>();
        List<List<byte[]>> lists = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            List<TaskView> views = mine.getOrDefault(lane, List.of());
            if (views.isEmpty()) continue;
            byLane.add(new LaneTasks(lane.id(), labels.get(lane.id()), Fragments.slot(lists.size()), views.size()));
            lists.add(items.of(url + "#" + lane.id(), meta, views, v -> {
                Map<String, Object> item = Chrome.context(meta, "../", "", "agents");
                item.put("v", v);
                return theme.render("agent-task", item);
            }));
        }
        byte[] skeleton = skeletons.get(url, java.util.Arrays.asList(meta, s, byLane, daily), () -> {
            Map<String, Object> c = Chrome.context(meta, "../", s.name(), "agents");
            c.put("agent", s);
            c.put("lanes", byLane);
            List<Day> days = new ArrayList<>();
            Map<String, Object> chart = new LinkedHashMap<>();
            if (daily != null) {
                daily.forEach(d -> days.add(new Day(d.date().toString(), Usd.format(d.usage().cost()),
                        Numbers.count(d.usage().tokens()), Numbers.count(d.usage().invocations()))));
                chart.put("agentDaily", Map.of("labels", daily.stream().map(d -> d.date().toString()).toList(),
                        "cost", daily.stream().map(d -> d.usage().cost()).toList()));
            }
            c.put("hasCosts", daily != null);
            c.put("days", days);
            c.put("chartData", ChartJson.of(chart));
            return theme.render("agent", c);
        });
        return Fragments.splice("agent", skeleton, lists);
    }
}
