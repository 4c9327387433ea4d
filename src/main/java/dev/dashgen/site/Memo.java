package dev.dashgen.site;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers a rendered value by the inputs it was rendered from, one entry per name (a page path or a task
 * file): a value is only ever returned for a key equal to the one it was made from, so whatever a failed or
 * interrupted build left here can never show in another. Keys are values (records), compared with
 * {@code equals}; the same object is equal without a look at its fields.
 */
final class Memo<K, V> {
    private record Entry<K, V>(K key, V value) {}

    private final Map<String, Entry<K, V>> entries = new ConcurrentHashMap<>();

    V get(String name, K key, Supplier<V> render) {
        Entry<K, V> e = entries.get(name);
        if (e != null && (e.key() == key || e.key().equals(key))) return e.value();
        V value = render.get();
        entries.put(name, new Entry<>(key, value));
        return value;
    }

    /** The value last made under {@code name}, whatever its key, or null: for a value made by changing it. */
    V peek(String name) {
        Entry<K, V> e = entries.get(name);
        return e == null ? null : e.value();
    }

    /** Forgets every name not in {@code names} (a hash set or map key set). */
    void retain(Set<String> names) {
        entries.keySet().retainAll(names);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
