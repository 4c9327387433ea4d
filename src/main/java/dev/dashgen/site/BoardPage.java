package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code index.html}: the Kanban board, one column per shown lane, filterable by agent, priority and text. */
final class BoardPage {
    /** The Done lane shows its most recent cards; the full list is on the lane's own page. */
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
    }

    private BoardPage() {}

    static Content render(Theme theme, ItemLists cardLists, AgentGroups agentGroups, Chrome.SiteMeta meta, Config config,
                         Map<Lane, List<TaskView>> byLane, String costNotice) {
        Config.Lanes lanes = config.lanes();
        List<Column> columns = new ArrayList<>();
        List<List<byte[]>> cards = new ArrayList<>();
        for (Lane lane : lanes.shown()) {
            List<TaskView> all = byLane.getOrDefault(lane, List.of());
            List<TaskView> shown = lane == Lane.DONE && all.size() > RECENT_LIMIT ? all.subList(0, RECENT_LIMIT) : all;
            // Cards are rendered one by one and remembered, so an edit re-renders one card, not the board's thousands.
            cards.add(cardLists.of(lane.id(), meta, shown, v -> {
                Map<String, Object> c = Chrome.context(meta, "", "", "board");
                c.put("v", v);
                return theme.render("card", c);
            }));
            Integer limit = lanes.wipLimits().get(lane);
            columns.add(new Column(lane.id(), lanes.label(lane), all.size(), Fragments.slot(cards.size() - 1),
                    shown.size(), limit, limit != null && all.size() > limit, lane == Lane.FRIDGE, LanePage.url(lane, 1)));
        }
        TreeSet<String> agents = new TreeSet<>();
        for (Lane lane : lanes.shown()) agents.addAll(agentGroups.of(lane, byLane.getOrDefault(lane, List.of())).keySet());
        Map<String, Object> c = Chrome.context(meta, "", "Board", "board");
        c.put("columns", columns);
        c.put("costNotice", costNotice);
        c.put("agents", List.copyOf(agents));
        c.put("priorities", Arrays.stream(Priority.values()).map(Priority::id).toList());
        return Fragments.splice("board", theme.render("board", c), cards);
    }
}
