package dev.dashgen.site;

import dev.dashgen.tasks.Lane;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each lane's views in card order (Done and Error newest first, since their recent cards are what the
 * board shows). A rebuild after an edit starts from the last build's order: a lane whose views are the
 * very same keeps its sorted list (so everything keyed on it is recognised at once), a view of the same
 * task as before keeps its place, and a lane where a few views of other tasks came in is re-sorted from
 * the last order, which is nearly sorted already and costs about one comparison per card instead of a
 * full sort.
 */
final class LaneOrder {

    /** Beyond this many replaced views a lane is simply sorted again. */
    private static final int FEW = 8;

    private static final Lane[] LANES = Lane.values();

    private Map<Lane, List<TaskView>> lastUnsorted = new EnumMap<>(Lane.class);
    private Map<Lane, List<TaskView>> lastSorted = new EnumMap<>(Lane.class);
    private List<TaskView> lastViews = List.of();
    /** The lane of each of {@code lastViews}: a view still there is placed without reading it (100,000 reads). */
    private byte[] lastLanes = new byte[0];

    /**
     * {@code views} in workspace order; the result has a list (possibly empty) for every lane.
     * {@code previous} and {@code replaced}, when known, say that the views are {@code previous} but at
     * those indices: then only those are looked at.
     */
    Map<Lane, List<TaskView>> byLane(List<TaskView> views, List<TaskView> previous, int[] replaced) {
        int[] only = previous == lastViews ? replaced : null;
        Map<Lane, List<TaskView>> unsorted = views.size() == lastViews.size() && !lastUnsorted.isEmpty() ? replaced(views, only) : null;
        if (unsorted == null) unsorted = bucketed(views);
        lastViews = views;
        Map<Lane, List<TaskView>> sorted = new EnumMap<>(Lane.class);
        unsorted.forEach((lane, list) -> sorted.put(lane, sorted(lane, list)));
        lastUnsorted = unsorted;
        lastSorted = sorted;
        return sorted;
    }

    private Map<Lane, List<TaskView>> bucketed(List<TaskView> views) {
        Map<Lane, List<TaskView>> unsorted = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) unsorted.put(lane, new ArrayList<>());
        byte[] lanes = new byte[views.size()];
        boolean aligned = views.size() == lastViews.size();
        for (int i = 0; i < views.size(); i++) {
            TaskView v = views.get(i);
            Lane lane = aligned && lastViews.get(i) == v ? LANES[lastLanes[i]] : v.task().lane();
            lanes[i] = (byte) lane.ordinal();
            unsorted.get(lane).add(v);
        }
        lastLanes = lanes;
        return unsorted;
    }

    /**
     * The last build's lanes with views replaced by others in the same lane (an edit that moves no card
     * between lanes, or a commit that changes what cards show): untouched lanes keep their very list. Null
     * when that does not hold, or when more than a few views hold other tasks.
     */
    private Map<Lane, List<TaskView>> replaced(List<TaskView> views, int[] only) {
        Map<Lane, List<TaskView>> unsorted = new EnumMap<>(lastUnsorted);
        Map<Lane, Map<TaskView, TaskView>> swaps = new EnumMap<>(Lane.class);
        int replaced = 0;
        for (int k = 0, n = only == null ? views.size() : only.length; k < n; k++) {
            int i = only == null ? k : only[k];
            TaskView v = views.get(i);
            TaskView old = lastViews.get(i);
            if (v == old) continue;
            Lane lane = LANES[lastLanes[i]];
            if (v.task().lane() != lane) return null;
            if (v.task() == old.task()) { // the cost shown, say: thousands after a telemetry commit
                swaps.computeIfAbsent(lane, l -> new IdentityHashMap<>()).put(old, v);
                continue;
            }
            if (++replaced > FEW) return null;
            List<TaskView> list = copied(unsorted, lane);
            int at = indexOf(list, old);
            if (at < 0) return null;
            list.set(at, v);
        }
        swaps.forEach((lane, swap) -> swap(copied(unsorted, lane), swap));
        return unsorted;
    }

    /** {@code lane}'s list in {@code unsorted}, copied from the last build's first. */
    private List<TaskView> copied(Map<Lane, List<TaskView>> unsorted, Lane lane) {
        List<TaskView> list = unsorted.get(lane);
        if (list == lastUnsorted.get(lane)) unsorted.put(lane, list = new ArrayList<>(list));
        return list;
    }

    private static void swap(List<TaskView> list, Map<TaskView, TaskView> swap) {
        for (int i = 0; i < list.size(); i++) {
            TaskView to = swap.get(list.get(i));
            if (to != null) list.set(i, to);
        }
    }

    private static int indexOf(List<TaskView> list, TaskView v) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == v) return i;
        }
        return -1;
    }

    /**
     * {@code now} in card order. A view of the same task as the one it replaces keeps its place (the order
     * is the task's), so only views of other tasks call for sorting again.
     */
    private List<TaskView> sorted(Lane lane, List<TaskView> now) {
        Comparator<TaskView> order = lane == Lane.DONE || lane == Lane.ERROR ? TaskView.RECENT_FIRST : TaskView.CARD_ORDER;
        List<TaskView> before = lastUnsorted.get(lane);
        if (before == now) return lastSorted.get(lane);
        if (before == null || before.size() != now.size()) return sort(new ArrayList<>(now), order);
        Map<TaskView, TaskView> swaps = new IdentityHashMap<>();
        List<TaskView> gone = new ArrayList<>();
        List<TaskView> come = new ArrayList<>();
        for (int i = 0; i < now.size() && gone.size() <= FEW; i++) {
            TaskView was = before.get(i);
            TaskView is = now.get(i);
            if (is == was) continue;
            if (is.task() == was.task()) {
                swaps.put(was, is);
            } else {
                gone.add(was);
                come.add(is);
            }
        }
        if (gone.isEmpty() && swaps.isEmpty()) return lastSorted.get(lane);
        if (gone.size() > FEW) return sort(new ArrayList<>(now), order);
        List<TaskView> list = new ArrayList<>(lastSorted.get(lane));
        if (!swaps.isEmpty()) swap(list, swaps);
        for (int i = 0; i < list.size() && !gone.isEmpty(); i++) {
            for (int j = 0; j < gone.size(); j++) {
                if (list.get(i) == gone.get(j)) {
                    list.set(i, come.get(j)); // once: what comes in may be what another index let go
                    break;
                }
            }
        }
        return gone.isEmpty() ? Collections.unmodifiableList(list) : sort(list, order);
    }

    private static List<TaskView> sort(List<TaskView> list, Comparator<TaskView> order) {
        list.sort(order);
        return Collections.unmodifiableList(list);
    }
}
