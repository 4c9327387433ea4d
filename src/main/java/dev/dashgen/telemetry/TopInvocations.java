package dev.dashgen.telemetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The most expensive invocations seen so far: cost descending, then row number, so ties are deterministic. */
final class TopInvocations {

    static final int SIZE = 10;

    record Entry(long rowId, long units, long second, int model, int agent, int tool, long prompt,
                 long completion, long tokens, long latencyMs, boolean error) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::units).reversed()
            .thenComparingLong(Entry::rowId);

    private final List<Entry> entries = new ArrayList<>(SIZE + 1);

    /** Could a row of this cost enter the list, whatever its number? Saves fetching the number of most rows. */
    boolean mayWant(long units) {
        return entries.size() < SIZE || units >= entries.get(SIZE - 1).units();
    }

    /** Could a row with this cost and number enter the list? */
    boolean wants(long units, long rowId) {
        if (entries.size() < SIZE) return true;
        Entry last = entries.get(SIZE - 1);
        return units > last.units() || units == last.units() && rowId < last.rowId();
    }

    void offer(Entry entry) {
        entries.add(entry);
        entries.sort(ORDER);
        if (entries.size() > SIZE) entries.remove(SIZE);
    }

    void merge(TopInvocations other) {
        for (Entry e : other.entries) {
            if (wants(e.units(), e.rowId())) offer(e);
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
