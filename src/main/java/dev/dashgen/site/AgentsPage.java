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

    /**
     * One agent in the overview: its task counts per lane, its open work in progress (assigned, in progress,
     * blocked), the tasks it finished in the last 30 days, and its cost all told and this month (formatted; empty
     * without telemetry).
     */
    record Summary(String name, String url, List<Integer> counts, int tasks, int wip, int finished30, String cost,
                   String month, String invocations, String errors) {}

    /**
     * One lane of an agent's page: where its tasks go ({@link Fragments#slot}), how many there are and how many
     * show (as on the board; the rest are on the lane's pages, filtered by the agent), and where the rest are.
     */
    record LaneTasks(String id, String label, String tasks, int count, int shown, String moreUrl) {
        public int more() {
            return count - shown;
        }
    }

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
        List<Summary> summaries = new ArrayList<>();
        for (String name : new TreeSet<>(m.agentUrls().keySet())) {
            String url = m.agentUrl(name);
            Map<Lane, List<TaskView>> mine = m.agents().getOrDefault(name, Map.of());
            List<Integer> counts = lanes.stream().map(l -> mine.getOrDefault(l, List.of()).size()).toList();
            Breakdown b = usage.get(name);
            List<AgentDailyCost> daily = r == null ? null : r.agentDaily().stream().filter(d -> d.agent().equals(name)).toList();
            // Counting what an agent finished walks its finished tasks: done once per list of them, not per edit.
            int finished30 = ctx.caches().counts.get(name, List.of(mine.getOrDefault(Lane.DONE, List.of()),
                    mine.getOrDefault(Lane.ARCHIVE, List.of()), m.now()), () -> finishedSince(mine, m.now().minus(java.time.Duration.ofDays(30))));
            int wip = 0;
            for (Lane open : List.of(Lane.ASSIGNED, Lane.IN_PROGRESS, Lane.BLOCKED)) wip += mine.getOrDefault(open, List.of()).size();
            Summary s = new Summary(name, url, counts, mine.values().stream().mapToInt(List::size).sum(), wip, finished30,
                    b == null ? (r == null ? "" : Usd.format(BigDecimal.ZERO)) : Usd.format(b.usage().cost()),
                    r == null ? "" : Usd.format(thisMonth(daily, m.now())),
                    b == null ? "" : Numbers.count(b.usage().invocations()), b == null ? "" : Numbers.count(b.usage().errors()));
            summaries.add(s);
            var found = m.repository().profiles().of(name).orElse(null);
            // A profile's Markdown is rendered once, not on every edit of one of the agent's tasks.
            AgentProfileView profile = found == null ? null : ctx.caches().profiles.get(name,
                    List.of(found, m.repository().repo().links()), () -> AgentProfileView.of(found, m.repository().repo().links()));
            Map<Lane, List<TaskView>> shown = shown(m, mine);
            out.put(url, ctx.caches().pages.get(url, java.util.Arrays.asList(meta, s, shown, lanes, labels, daily, profile),
                    () -> agentPage(ctx, url, s, mine, shown, labels, daily, profile)));
        }
        if (ctx.previous() != null) {
            ctx.previous().agentUrls().values().forEach(url -> {
                if (!m.agentUrls().containsValue(url)) out.remove(url);
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

    /** Tasks finished (done or archived, not in error) at or after {@code since}, by their completion time. */
    private static int finishedSince(Map<Lane, List<TaskView>> mine, java.time.Instant since) {
        int n = 0;
        for (Lane lane : List.of(Lane.DONE, Lane.ARCHIVE)) {
            for (TaskView v : mine.getOrDefault(lane, List.of())) {
                var done = v.task().lifecycle().completed();
                if (dev.dashgen.portfolio.Portfolio.finished(v.task()) && done != null && done.readable()
                        && !done.instant().isBefore(since)) n++;
            }
        }
        return n;
    }

    /** An agent's cost in the calendar month (UTC) of {@code now}. */
    private static BigDecimal thisMonth(List<AgentDailyCost> daily, java.time.Instant now) {
        java.time.LocalDate today = now.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        BigDecimal sum = BigDecimal.ZERO;
        for (AgentDailyCost d : daily) {
            if (d.date().getYear() == today.getYear() && d.date().getMonth() == today.getMonth()) sum = sum.add(d.usage().cost());
        }
        return sum;
    }

    /**
     * The views an agent's page lists in each lane: as many as the board shows of a lane (Done: the most recent), so
     * the page stays light however many tasks the agent has.
     */
    private static Map<Lane, List<TaskView>> shown(SiteModel m, Map<Lane, List<TaskView>> mine) {
        Map<Lane, List<TaskView>> shown = new java.util.EnumMap<>(Lane.class);
        mine.forEach((lane, views) -> shown.put(lane, views.subList(0, Math.min(views.size(), BoardPage.limit(m.config(), lane)))));
        return shown;
    }

    private static Content agentPage(PageContext ctx, String url, Summary s, Map<Lane, List<TaskView>> mine,
                                     Map<Lane, List<TaskView>> shown, Map<String, String> labels, List<AgentDailyCost> daily,
                                     AgentProfileView profile) {
        Chrome.SiteMeta meta = ctx.meta();
        Theme theme = ctx.theme();
        List<LaneTasks> byLane = new ArrayList<>();
        List<List<byte[]>> lists = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            List<TaskView> views = shown.getOrDefault(lane, List.of());
            if (views.isEmpty()) continue;
            int count = mine.get(lane).size();
            String more = LanePages.url(lane, 1) + "?agent=" + java.net.URLEncoder.encode(s.name(), java.nio.charset.StandardCharsets.UTF_8);
            byLane.add(new LaneTasks(lane.id(), labels.get(lane.id()), Fragments.slot(lists.size()), count, views.size(), more));
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
        byte[] skeleton = ctx.caches().skeletons.get(url, java.util.Arrays.asList(meta, s, byLane, daily, profile), () -> {
            Map<String, Object> c = Chrome.context(meta, "../", s.name(), "agents");
            c.put("agent", s);
            c.put("profile", profile);
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
