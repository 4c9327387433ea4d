package dev.dashgen.engine;

import dev.dashgen.site.TaskView;
import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each agent's views by lane, in lane order: what agent pages list and the board's agent filter offers. */
final class AgentLists {

    private AgentLists() {}

    static Map<String, Map<Lane, List<TaskView>>> of(Map<Lane, List<TaskView>> lanes) {
        Map<String, Map<Lane, List<TaskView>>> agents = new HashMap<>();
        lanes.forEach((lane, views) -> {
            for (TaskView v : views) {
                String agent = v.task().agent();
                if (agent == null) continue;
                agents.computeIfAbsent(agent, a -> new EnumMap<>(Lane.class)).computeIfAbsent(lane, l -> new ArrayList<>()).add(v);
            }
        });
        agents.replaceAll((agent, byLane) -> freeze(byLane));
        return agents;
    }

    /**
     * {@code agents} with each {@code before[i]} replaced by {@code after[i]} (views of the same task file), as
     * {@link LaneLists#patched} does for lanes: each view is taken out of its agent's list in its lane where the
     * lane's order puts it, and its successor put in where that order puts it. Lists not touched stay as they were.
     */
    static Map<String, Map<Lane, List<TaskView>>> patched(Map<String, Map<Lane, List<TaskView>>> agents,
                                                            List<TaskView> before, List<TaskView> after) {
        Map<String, Map<Lane, List<TaskView>>> next = new HashMap<>(agents);
        Map<String, Map<Lane, List<TaskView>>> copied = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            TaskView old = before.get(i);
            TaskView now = after.get(i);
            if (old.task().agent() != null) {
                List<TaskView> from = list(agents, copied, old.task().agent(), old.task().lane());
                int at = Collections.binarySearch(from, old, LaneLists.order(old.task().lane()));
                if (at < 0) throw new IllegalStateException("the view of " + old.task().file() + " is not in its agent's list");
                from.remove(at);
            }
            if (now.task().agent() != null) {
                List<TaskView> to = list(agents, copied, now.task().agent(), now.task().lane());
                int place = Collections.binarySearch(to, now, LaneLists.order(now.task().lane()));
                to.add(place < 0 ? -place - 1 : place, now);
            }
        }
        copied.forEach((agent, byLane) -> {
            Map<Lane, List<TaskView>> lists = new EnumMap<>(Lane.class);
            byLane.forEach((lane, list) -> {
                if (!list.isEmpty()) lists.put(lane, Collections.unmodifiableList(list));
            });
            if (lists.isEmpty()) next.remove(agent);
            else next.put(agent, Collections.unmodifiableMap(lists));
        });
        return next;
    }

    /** The agent's list in {@code lane} in {@code copied}, copied from {@code agents} (with its other lanes) first. */
    private static List<TaskView> list(Map<String, Map<Lane, List<TaskView>>> agents,
                                       Map<String, Map<Lane, List<TaskView>>> copied, String agent, Lane lane) {
        Map<Lane, List<TaskView>> mine = copied.computeIfAbsent(agent, a -> {
            Map<Lane, List<TaskView>> lists = new EnumMap<>(Lane.class);
            agents.getOrDefault(a, Map.of()).forEach((l, list) -> lists.put(l, new ArrayList<>(list)));
            return lists;
        });
        return mine.computeIfAbsent(lane, l -> new ArrayList<>());
    }

    private static Map<Lane, List<TaskView>> freeze(Map<Lane, List<TaskView>> byLane) {
        Map<Lane, List<TaskView>> out = new EnumMap<>(Lane.class);
        byLane.forEach((lane, list) -> out.put(lane, Collections.unmodifiableList(list)));
        return Collections.unmodifiableMap(out);
    }
}
