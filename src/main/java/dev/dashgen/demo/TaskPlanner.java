package dev.dashgen.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides each task's lane, agent and timestamps. Lane counts are exact quotas; the timestamps
 * follow the lane (an inbox task is young, an archived one finished weeks ago), never lie after
 * {@code now} and never before the {@value #WINDOW_DAYS}-day window the demo spans.
 */
final class TaskPlanner {
    static final int WINDOW_DAYS = 120;
    private static final long DAY = 86_400;

    private final long now;
    private final long windowStart;
    private final Rand rand;

    private TaskPlanner(Instant now, Rand rand) {
        this.now = now.getEpochSecond();
        this.windowStart = this.now - WINDOW_DAYS * DAY;
        this.rand = rand;
    }

    /** {@code n} tasks, oldest first (ties keep lane order, so the result is deterministic). */
    static List<PlannedTask> plan(int n, Instant now, Rand rand) {
        TaskPlanner planner = new TaskPlanner(now, rand);
        int[] quotas = DemoLane.quotas(n);
        List<PlannedTask> tasks = new ArrayList<>(n);
        for (DemoLane lane : DemoLane.values()) {
            for (int i = 0; i < quotas[lane.ordinal()]; i++) {
                tasks.add(planner.task(lane, TaskText.agent(rand)));
            }
        }
        tasks.sort(Comparator.comparing(PlannedTask::created));
        return tasks;
    }

    private PlannedTask task(DemoLane lane, String agent) {
        return switch (lane) {
            case INBOX -> open(lane, agent, Math.min(rand.exponential(6), 60), 0);
            case ASSIGNED -> open(lane, agent, rand.uniform(0.3, 25), 1);
            case IN_PROGRESS -> open(lane, agent, rand.uniform(1, 30), 2);
            case BLOCKED -> open(lane, agent, rand.uniform(3, 45), 2);
            case FRIDGE -> open(lane, agent, rand.uniform(25, 118), rand.chance(0.2) ? 1 : 0);
            case DONE -> closed(lane, agent, rand.uniform(0, 95));
            case ERROR -> closed(lane, agent, rand.uniform(0, 30));
            case ARCHIVE -> closed(lane, agent, rand.uniform(35, 112));
        };
    }

    /** A task still open: created {@code ageDays} ago, then assigned ({@code stage >= 1}) and started ({@code stage 2}). */
    private PlannedTask open(DemoLane lane, String agent, double ageDays, int stage) {
        long created = daysAgo(ageDays);
        Long assigned = stage >= 1 ? created + (long) ((now - created) * rand.uniform(0.05, 0.5)) : null;
        Long started = stage >= 2 ? assigned + (long) ((now - assigned) * rand.uniform(0.1, 0.7)) : null;
        return new PlannedTask(lane, agent, at(created), at(assigned), at(started), null);
    }

    /** A finished task: completed {@code ageDays} ago after a lognormal lead time (median three days). */
    private PlannedTask closed(DemoLane lane, String agent, double ageDays) {
        long completed = daysAgo(ageDays);
        long created = Math.max(windowStart, completed - (long) (rand.lognormal(3, 0.9) * DAY));
        long assigned = created + (long) ((completed - created) * rand.uniform(0.02, 0.3));
        long started = assigned + (long) ((completed - assigned) * rand.uniform(0.05, 0.6));
        return new PlannedTask(lane, agent, at(created), at(assigned), at(started), at(completed));
    }

    private long daysAgo(double days) {
        return Math.max(windowStart, now - (long) (days * DAY));
    }

    private static Instant at(Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond);
    }
}
