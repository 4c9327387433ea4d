package dev.dashgen.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A read-only map that is another with some values replaced, keys unchanged. The model after an edit
 * shares the last model's look-up maps this way instead of copying ten thousand entries; replacements
 * accumulate over edits and are folded into a plain copy once there are many.
 */
final class Replaced<K, V> extends AbstractMap<K, V> {

    private static final int FOLD_AT = 512;

    private final Map<K, V> base;
    private final Map<K, V> changes;

    private Replaced(Map<K, V> base, Map<K, V> changes) {
        this.base = base;
        this.changes = changes;
    }

    /** {@code map} with {@code changes} (keys of {@code map} only) replacing its values. */
    static <K, V> Map<K, V> of(Map<K, V> map, Map<K, V> changes) {
        if (changes.isEmpty()) return map;
        Map<K, V> base = map;
        Map<K, V> all = changes;
        if (map instanceof Replaced<K, V> r) {
            base = r.base;
            all = new HashMap<>(r.changes);
            all.putAll(changes);
        }
        if (all.size() < FOLD_AT) return new Replaced<>(base, all);
        Map<K, V> folded = new HashMap<>(base);
        folded.putAll(all);
        return folded;
    }

    @Override
    public V get(Object key) {
        return changes.containsKey(key) ? changes.get(key) : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return base.containsKey(key);
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<Entry<K, V>> entries = base.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        K key = entries.next().getKey();
                        return new SimpleImmutableEntry<>(key, get(key));
                    }
                };
            }

            @Override
            public int size() {
                return base.size();
            }
        };
    }
}
