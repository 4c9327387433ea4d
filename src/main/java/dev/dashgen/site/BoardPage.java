package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code index.html}: the Kanban board, one column per shown lane, filterable by agent, priority and text.
 * Each column shows its first {@code board.cards_per_lane} cards (Done its most recent, at most
 * {@value #RECENT_LIMIT}); the rest are one click away on the lane's own pages, so the board stays light
 * at any size.
 */
final class BoardPage implements PageKind {
    static final int RECENT_LIMIT = 100;

    /**
     * One column: where its cards go ({@link Fragments#slot}), how many it shows and has in all, and its WIP
     * limit if any.
     */
    record Column(String id, String label, int count, String cards, int shown, Integer wipLimit, boolean overLimit,
                  boolean collapsed, String listUrl) {
        public boolean truncated() {
            return shown < count;
        }

        public int more() {
            return count - shown;
        }
    }

    @Override
    public Set<Reads> reads() {
        return EnumSet.of(Reads.LANES, Reads.COSTS);
    }

    /** How many cards of {@code lane} the board shows at most. */
    static int limit(Config config, Lane lane) {
        int perLane = config.board().cardsPerLane();
        return lane == Lane.DONE ? Math.min(RECENT_LIMIT, perLane) : perLane;
    }

    @Override
    public void render(PageContext ctx, PageOutput out) {
        SiteModel m = ctx.model();
        Chrome.SiteMeta meta = m.meta();
        Config.Lanes lanes = m.config().lanes();
        List<Column> columns = new ArrayList<>();
        List<List<byte[]>> cards = new ArrayList<>();
        boolean truncated = false;
        for (Lane lane : lanes.shown()) {
            List<TaskView> all = m.lane(lane);
            List<TaskView> shown = all.size() > limit(m.config(), lane) ? all.subList(0, limit(m.config(), lane)) : all;
            truncated |= shown.size() < all.size();
            // Each card is remembered by its view, so an edit renders one card, not the board's hundreds.
            List<byte[]> column = new ArrayList<>(shown.size());
            for (TaskView v : shown) {
                String agentUrl = m.agentUrl(v.task().agent());
                column.add(ctx.caches().cards.get(v.task().file(), java.util.Arrays.asList(meta, v, agentUrl), () -> {
                    Map<String, Object> c = Chrome.context(meta, "", "", "board");
                    c.put("v", v);
                    c.put("agentUrl", agentUrl);
                    return m.theme().render("card", c);
                }));
            }
            cards.add(column);
            Integer limit = lanes.wipLimits().get(lane);
            columns.add(new Column(lane.id(), lanes.label(lane), all.size(), Fragments.slot(cards.size() - 1),
                    shown.size(), limit, limit != null && all.size() > limit, lane == Lane.FRIDGE, LanePages.url(lane, 1)));
        }
        TreeSet<String> agents = new TreeSet<>();
        m.agents().forEach((agent, mine) -> {
            for (Lane lane : lanes.shown()) {
                if (!mine.getOrDefault(lane, List.of()).isEmpty()) agents.add(agent);
            }
        });
        Map<String, Object> c = Chrome.context(meta, "", "Board", "board");
        c.put("columns", columns);
        c.put("truncated", truncated);
        c.put("costNotice", m.costs().notice());
        c.put("agents", List.copyOf(agents));
        c.put("priorities", Arrays.stream(Priority.values()).map(Priority::id).toList());
        out.put("index.html", Fragments.splice("board", m.theme().render("board", c), cards));
    }
}
