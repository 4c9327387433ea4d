package dev.dashgen.telemetry;

/**
 * Dense numbering of {@code long} keys (0, 1, 2, … in order of first sight) with an open-addressing table:
 * the per-row hot path of a scan must not box keys into a HashMap. Owners keep their values in arrays
 * indexed by that number.
 */
final class LongIndex {

    private int[] table = new int[1 << 10];
    private long[] keys = new long[1 << 9];
    private int size;

    int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    /** The number of {@code key}, assigning the next one when it is new. */
    int add(long key) {
        int mask = table.length - 1;
        int slot = spread(key, mask);
        while (true) {
            int entry = table[slot];
            if (entry == 0) break;
            if (keys[entry - 1] == key) return entry - 1;
            slot = (slot + 1) & mask;
        }
        if (size == keys.length) keys = java.util.Arrays.copyOf(keys, size * 2);
        keys[size] = key;
        table[slot] = ++size;
        if (size * 2 > table.length) rehash();
        return size - 1;
    }

    /** The number of {@code key}, or -1. */
    int find(long key) {
        int mask = table.length - 1;
        int slot = spread(key, mask);
        while (true) {
            int entry = table[slot];
            if (entry == 0) return -1;
            if (keys[entry - 1] == key) return entry - 1;
            slot = (slot + 1) & mask;
        }
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(keys[i], mask);
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = i + 1;
        }
    }

    private static int spread(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
