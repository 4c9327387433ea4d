package dev.dashgen.site;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers rendered bytes by the inputs they were rendered from, so a rebuild re-renders only
 * pages whose inputs changed. Keys are values (records), compared with {@code equals}; an unchanged
 * page keeps the very same byte array, which the writer recognises without comparing bytes.
 */
final class PageMemo<K, V> {
    private record Entry<K, V>(K key, V value) {}

    private final Map<String, Entry<K, V>> entries = new ConcurrentHashMap<>();

    V get(String path, K key, Supplier<V> render) {
        Entry<K, V> e = entries.get(path);
        if (e != null && e.key().equals(key)) return e.value();
        V value = render.get();
        entries.put(path, new Entry<>(key, value));
        return value;
    }

    /** The value remembered for {@code path}, or null. */
    V peek(String path) {
        Entry<K, V> e = entries.get(path);
        return e == null ? null : e.value();
    }

    /** Forgets pages that the latest build no longer has; {@code paths} should be a hash set or map key set. */
    void retain(java.util.Set<String> paths) {
        entries.keySet().retainAll(paths);
    }
}
