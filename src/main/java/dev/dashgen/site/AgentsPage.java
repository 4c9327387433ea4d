package dev.dashgen.site;

import dev.dashgen.metrics.Numbers;
import dev.dashgen.metrics.Usd;
import dev.dashgen.model.Slugs;
import dev.dashgen.tasks.Lane;
import dev.dashgen.telemetry.AgentDailyCost;
import dev.dashgen.telemetry.Breakdown;
import dev.dashgen.telemetry.CostReport;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code agents.html} and {@code agents/<slug>.html}: each agent's tasks by lane next to its cost by day. */
final class AgentsPage implements PageKind {

    /** One agent in the overview: its task counts per lane and its cost (formatted; empty without telemetry). */
    record Summary(String name, String url, List<Integer> counts, int tasks, String cost, String invocations, String errors) {}

    /** One lane of an agent's page: where its tasks go ({@link Fragments#slot}) and how many there are. */
    record LaneTasks(String id, String label, String tasks, int count) {}

    /** One day of an agent's cost. */
    record Day(String date, String cost, String tokens, String invocations) {}

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.LANES, Reads.COSTS);
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        Chrome.SiteMeta meta = m.meta();
        List<Lane> lanes = m.config().lanes().shown();
        Map<String, String> labels = m.laneLabels();
        CostReport r = m.costs().report();
        Map<String, Breakdown> usage = new TreeMap<>();
        if (r != null) r.byAgent().forEach(b -> usage.put(b.name(), b));
        TreeSet<String> names = new TreeSet<>(m.agents().keySet());
        names.addAll(usage.keySet());
        List<Summary> summaries = new ArrayList<>();
        Set<String> urls = new java.util.HashSet<>();
        for (Map.Entry<String, String> agent : urls(names).entrySet()) {
            String name = agent.getKey();
            String url = agent.getValue();
            urls.add(url);
            Map<Lane, List<TaskView>> mine = m.agents().getOrDefault(name, Map.of());
            List<Integer> counts = lanes.stream().map(l -> mine.getOrDefault(l, List.of()).size()).toList();
            Breakdown b = usage.get(name);
            Summary s = new Summary(name, url, counts, mine.values().stream().mapToInt(List::size).sum(),
                    b == null ? (r == null ? "" : Usd.format(BigDecimal.ZERO)) : Usd.format(b.usage().cost()),
                    b == null ? "" : Numbers.count(b.usage().invocations()), b == null ? "" : Numbers.count(b.usage().errors()));
            summaries.add(s);
            List<AgentDailyCost> daily = r == null ? null : r.agentDaily().stream().filter(d -> d.agent().equals(name)).toList();
            out.put(url, ctx.caches().pages.get(url, java.util.Arrays.asList(meta, s, mine, lanes, labels, daily),
                    () -> agentPage(ctx, url, s, mine, labels, daily)));
        }
        if (ctx.previous() != null) {
            urls(agentNames(ctx.previous())).values().forEach(url -> {
                if (!urls.contains(url)) out.remove(url);
            });
        }
        out.put("agents.html", ctx.caches().pages.get("agents.html", List.of(meta, summaries, lanes, labels, r != null), () -> {
            Map<String, Object> c = Chrome.context(meta, "", "Agents", "agents");
            c.put("agents", summaries);
            c.put("lanes", lanes.stream().map(l -> labels.get(l.id())).toList());
            c.put("hasCosts", r != null);
            return Content.of(m.theme().render("agents", c));
        }));
    }

    /** Every agent with tasks or cost in {@code m}, in name order. */
    private static TreeSet<String> agentNames(SiteModel m) {
        TreeSet<String> names = new TreeSet<>(m.agents().keySet());
        if (m.costs().report() != null) m.costs().report().byAgent().forEach(b -> names.add(b.name()));
        return names;
    }

    /** Each agent's page, by name: slugs are handed out in name order. */
    private static Map<String, String> urls(TreeSet<String> names) {
        Slugs slugs = new Slugs();
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : names) urls.put(name, "agents/" + slugs.next(name, name) + ".html");
        return urls;
    }

    private static Content agentPage(PageContext ctx, String url, Summary s, Map<Lane, List<TaskView>> mine,
                                     Map<String, String> labels, List<AgentDailyCost> daily) {
        Chrome.SiteMeta meta = ctx.meta();
        Theme theme = ctx.theme();
        List<LaneTasks> byLane = new ArrayList<>();
        List<List<byte[]>> lists = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            List<TaskView> views = mine.getOrDefault(lane, List.of());
            if (views.isEmpty()) continue;
            byLane.add(new LaneTasks(lane.id(), labels.get(lane.id()), Fragments.slot(lists.size()), views.size()));
            List<byte[]> items = new ArrayList<>(views.size());
            for (TaskView v : views) {
                items.add(ctx.caches().agentItems.get(v.task().file(), List.of(meta, v), () -> {
                    Map<String, Object> item = Chrome.context(meta, "../", "", "agents");
                    item.put("v", v);
                    return theme.render("agent-task", item);
                }));
            }
            lists.add(items);
        }
        byte[] skeleton = ctx.caches().skeletons.get(url, java.util.Arrays.asList(meta, s, byLane, daily), () -> {
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
