package dev.dashgen.engine;

import dev.dashgen.site.TaskView;
import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each lane's views in card order (Done and Error newest first, since their recent cards are what the board
 * shows). After an edit the previous lists are patched: each replaced view is taken out where the order puts
 * it and its successor put in where the order puts that, so a lane of 60,000 cards costs two binary searches
 * per edit rather than a sort.
 */
final class LaneLists {

    private LaneLists() {}

    static Comparator<TaskView> order(Lane lane) {
        return lane == Lane.DONE || lane == Lane.ERROR ? TaskView.RECENT_FIRST : TaskView.CARD_ORDER;
    }

    /** Every lane's list (empty ones too), sorted from scratch. */
    static Map<Lane, List<TaskView>> of(List<TaskView> views) {
        Map<Lane, List<TaskView>> lanes = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) lanes.put(lane, new ArrayList<>());
        for (TaskView v : views) lanes.get(v.task().lane()).add(v);
        lanes.replaceAll((lane, list) -> {
            list.sort(order(lane));
            return Collections.unmodifiableList(list);
        });
        return lanes;
    }

    /**
     * {@code lanes} with each {@code before[i]} replaced by {@code after[i]} (views of the same task file);
     * the lanes touched are added to {@code touched}.
     */
    static Map<Lane, List<TaskView>> patched(Map<Lane, List<TaskView>> lanes, List<TaskView> before,
                                              List<TaskView> after, Set<Lane> touched) {
        Map<Lane, List<TaskView>> next = new EnumMap<>(lanes);
        Map<Lane, List<TaskView>> copied = new EnumMap<>(Lane.class);
        for (int i = 0; i < before.size(); i++) {
            TaskView old = before.get(i);
            TaskView now = after.get(i);
            List<TaskView> from = copy(next, copied, old.task().lane());
            int at = Collections.binarySearch(from, old, order(old.task().lane()));
            if (at < 0) throw new IllegalStateException("the view of " + old.task().file() + " is not in its lane");
            from.remove(at);
            List<TaskView> to = copy(next, copied, now.task().lane());
            int place = Collections.binarySearch(to, now, order(now.task().lane()));
            to.add(place < 0 ? -place - 1 : place, now);
            touched.add(old.task().lane());
            touched.add(now.task().lane());
        }
        copied.forEach((lane, list) -> next.put(lane, Collections.unmodifiableList(list)));
        return next;
    }

    private static List<TaskView> copy(Map<Lane, List<TaskView>> lanes, Map<Lane, List<TaskView>> copied, Lane lane) {
        return copied.computeIfAbsent(lane, l -> new ArrayList<>(lanes.get(l)));
    }
}
