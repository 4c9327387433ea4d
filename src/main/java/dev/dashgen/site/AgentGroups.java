package dev.dashgen.site;

import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each lane's views by agent, in lane order, kept between builds: a lane whose views are of the same tasks
 * as last time, in the same places (a telemetry commit changes the cost dozens of cards show), is patched
 * where views were replaced rather than walked again, 30,000 cards at a time.
 */
final class AgentGroups {
    private final Map<Lane, List<TaskView>> from = new EnumMap<>(Lane.class);
    private final Map<Lane, Map<String, List<TaskView>>> groups = new EnumMap<>(Lane.class);

    Map<String, List<TaskView>> of(Lane lane, List<TaskView> views) {
        List<TaskView> before = from.get(lane);
        if (before == views) return groups.get(lane);
        Map<TaskView, TaskView> swaps = before == null || before.size() != views.size() ? null : swaps(before, views);
        Map<String, List<TaskView>> now = swaps == null ? grouped(views) : patched(groups.get(lane), swaps);
        from.put(lane, views);
        groups.put(lane, now);
        return now;
    }

    /** Old view to new where the lists differ, when each differs only by a view of the same task; else null. */
    private static Map<TaskView, TaskView> swaps(List<TaskView> before, List<TaskView> now) {
        Map<TaskView, TaskView> swaps = new IdentityHashMap<>();
        for (int i = 0; i < now.size(); i++) {
            TaskView was = before.get(i);
            TaskView is = now.get(i);
            if (was == is) continue;
            if (was.task() != is.task()) return null;
            swaps.put(was, is);
        }
        return swaps;
    }

    private static Map<String, List<TaskView>> patched(Map<String, List<TaskView>> last, Map<TaskView, TaskView> swaps) {
        Map<String, List<TaskView>> now = new HashMap<>(last);
        swaps.keySet().stream().map(v -> v.task().agent()).distinct().forEach(agent -> {
            if (agent == null) return;
            List<TaskView> list = new ArrayList<>(now.get(agent));
            for (int i = 0; i < list.size(); i++) {
                TaskView to = swaps.get(list.get(i));
                if (to != null) list.set(i, to);
            }
            now.put(agent, list);
        });
        return now;
    }

    private static Map<String, List<TaskView>> grouped(List<TaskView> views) {
        Map<String, List<TaskView>> byAgent = new HashMap<>();
        for (TaskView v : views) {
            if (v.task().agent() != null) byAgent.computeIfAbsent(v.task().agent(), a -> new ArrayList<>()).add(v);
        }
        return byAgent;
    }
}
