package dev.dashgen.telemetry;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One agent's task spans, with their boundaries put in sweep order once: a telemetry commit that changes
 * the agent's cost sweeps them again without sorting anything.
 */
final class AgentSplit {
    private final int[] windows; // span -> index of its window
    private final long[] starts;
    private final long[] ends;
    private final int[] edges; // span * 2 + 1 for its start, span * 2 for its end, in sweep order

    /** {@code windows}, {@code starts} and {@code ends} (epoch seconds, end ≥ start) are the spans, in window order. */
    AgentSplit(int[] windows, long[] starts, long[] ends) {
        this.windows = windows;
        this.starts = starts;
        this.ends = ends;
        Integer[] order = new Integer[2 * windows.length];
        int n = 0;
        for (int span = 0; span < windows.length; span++) {
            if (ends[span] == starts[span]) continue; // an empty span shares nothing
            order[n++] = 2 * span + 1;
            order[n++] = 2 * span;
        }
        // Ends before starts at the same second: a task ending as another begins never shares that instant.
        Arrays.sort(order, 0, n, Comparator.<Integer>comparingLong(this::second).thenComparingInt(e -> e & 1)
                .thenComparingInt(e -> e >> 1));
        edges = new int[n];
        for (int i = 0; i < n; i++) edges[i] = order[i];
    }

    int size() {
        return windows.length;
    }

    /** The window of span {@code span}. */
    int window(int span) {
        return windows[span];
    }

    /**
     * Each span's share of {@code series} (units; all 0 without a series). Sweeps the boundaries in time
     * order, keeping a running "cost per active task": each stretch between boundaries adds its cost divided
     * by the number of tasks active in it, and a span's share is that running value at its end minus at its
     * start, so the sweep stays linear however many tasks overlap.
     */
    double[] shares(AgentCostSeries series) {
        double[] shares = new double[windows.length];
        if (series == null) return shares;
        double[] atStart = new double[windows.length];
        double perTask = 0;
        int active = 0;
        long previous = Long.MIN_VALUE;
        double beforePrevious = 0;
        AgentCostSeries.Cursor cost = series.cursor(); // the boundaries come in time order
        for (int e : edges) {
            long second = second(e);
            double before = cost.unitsBefore(second);
            if (active > 0 && second > previous) perTask += (before - beforePrevious) / active;
            previous = second;
            beforePrevious = before;
            int span = e >> 1;
            if ((e & 1) == 1) {
                atStart[span] = perTask;
                active++;
            } else {
                shares[span] = perTask - atStart[span];
                active--;
            }
        }
        return shares;
    }

    private long second(int edge) {
        return (edge & 1) == 1 ? starts[edge >> 1] : ends[edge >> 1];
    }
}
