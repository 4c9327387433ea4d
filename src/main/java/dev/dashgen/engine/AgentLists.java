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
     * {@code agents} with the lists of each (agent, lane) pair in {@code touched} taken again from {@code lanes}
     *; the other lists stay as they were.
     */
    static Map<String, Map<Lane, List<TaskView>>> patched(Map<String, Map<Lane, List<TaskView>>> agents,
                                                            Map<Lane, List<TaskView>> lanes, Set<Pair> touched) {
        Map<String, Map<Lane, List<TaskView>>> next = new HashMap<>(agents);
        Map<String, Map<Lane, List<TaskView>>> changed = new HashMap<>();
        for (Pair p : touched) {
            List<TaskView> list = new ArrayList<>();
            for (TaskView v : lanes.get(p.lane())) {
                if (p.agent().equals(v.task().agent())) list.add(v);
            }
            Map<Lane, List<TaskView>> mine = changed.computeIfAbsent(p.agent(),
                    a -> new EnumMap<>(agents.getOrDefault(a, Map.of()).isEmpty() ? new EnumMap<>(Lane.class) : agents.get(a)));
            if (list.isEmpty()) mine.remove(p.lane());
            else mine.put(p.lane(), Collections.unmodifiableList(list));
        }
        changed.forEach((agent, mine) -> {
            if (mine.isEmpty()) next.remove(agent);
            else next.put(agent, Collections.unmodifiableMap(mine));
        });
        return next;
    }

    /** An agent's list in one lane. */
    record Pair(String agent, Lane lane) {}

    private static Map<Lane, List<TaskView>> freeze(Map<Lane, List<TaskView>> byLane) {
        Map<Lane, List<TaskView>> out = new EnumMap<>(Lane.class);
        byLane.forEach((lane, list) -> out.put(lane, Collections.unmodifiableList(list)));
        return Collections.unmodifiableMap(out);
    }
}
