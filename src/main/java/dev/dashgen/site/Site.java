package dev.dashgen.site;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rendered site: output path (relative, {@code /}-separated) to its {@link Content}, in path order.
 * A site made by patching the last one (an edit in {@code serve}) is that site's whole map plus the
 * pages put and taken out since: copying and walking 100,000 entries per edit was a fifth of an edit's
 * rebuild. Either way it never changes once made.
 */
public final class Site {
    /** Beyond this many patched paths, a patched site is made whole again. */
    private static final int MAX_PATCHED = 4096;

    /** The whole site this one patches, or null when this one is whole. */
    private final Site base;
    /** A whole site's files; a patched site's files put since {@code base}. */
    private final SortedMap<String, Content> own;
    /** A patched site's paths that {@code base} has and this one does not. */
    private final Set<String> removed;
    private final int size;
    private SortedMap<String, Content> contents;
    private SortedMap<String, byte[]> files;

    /** A copy of {@code files}: the site does not change when the map does. */
    public Site(SortedMap<String, byte[]> files) {
        TreeMap<String, Content> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, Content.of(bytes)));
        this.base = null;
        this.own = Collections.unmodifiableSortedMap(copy);
        this.removed = Set.of();
        this.size = copy.size();
    }

    private Site(Site base, SortedMap<String, Content> own, Set<String> removed) {
        this.base = base;
        this.own = Collections.unmodifiableSortedMap(own);
        this.removed = removed;
        int n = own.size();
        if (base != null) {
            n += base.size - removed.size();
            for (String path : own.keySet()) {
                if (base.own.containsKey(path)) n--;
            }
        }
        this.size = n;
    }

    /** How many files. */
    public int size() {
        return size;
    }

    /**
     * A site on the builder's own map, which it never changes after handing it over: copying ten
     * thousand entries again was a good part of a rebuild after an edit.
     */
    public static Site owning(TreeMap<String, Content> map) {
        return new Site(null, map, Set.of());
    }

    /** {@code last} with {@code put} put in (replacing what it had at those paths) and {@code gone} taken out. */
    public static Site patched(Site last, Map<String, Content> put, Collection<String> gone) {
        Site base = last.base == null ? last : last.base;
        TreeMap<String, Content> own = last.base == null ? new TreeMap<>() : new TreeMap<>(last.own);
        Set<String> removed = last.base == null ? new HashSet<>() : new HashSet<>(last.removed);
        for (String path : gone) {
            own.remove(path);
            if (base.own.containsKey(path)) removed.add(path);
        }
        own.putAll(put);
        removed.removeAll(put.keySet());
        if (own.size() + removed.size() > MAX_PATCHED) {
            TreeMap<String, Content> whole = new TreeMap<>(base.own);
            whole.keySet().removeAll(removed);
            whole.putAll(own);
            return owning(whole);
        }
        return new Site(base, own, Set.copyOf(removed));
    }

    /** The content at {@code path}, or null. */
    public Content get(String path) {
        if (base == null) return own.get(path);
        Content c = own.get(path);
        if (c != null || removed.contains(path)) return c;
        return base.own.get(path);
    }

    /** Whether this site holds its files itself rather than patching another (for tests of the limit). */
    boolean whole() {
        return base == null;
    }

    /** Every path, as a set to look paths up in. */
    public Set<String> paths() {
        return new HashSet<>(contents().keySet());
    }

    /** Each file's content, as the writer takes it. */
    public synchronized SortedMap<String, Content> contents() {
        if (contents == null) {
            if (base == null) {
                contents = own;
            } else {
                TreeMap<String, Content> whole = new TreeMap<>(base.own);
                whole.keySet().removeAll(removed);
                whole.putAll(own);
                contents = Collections.unmodifiableSortedMap(whole);
            }
        }
        return contents;
    }

    /** Each file's bytes, joined once on first use (for readers that want arrays: tests, tools). */
    public synchronized SortedMap<String, byte[]> files() {
        if (files == null) {
            TreeMap<String, byte[]> joined = new TreeMap<>();
            contents().forEach((path, content) -> joined.put(path, content.bytes()));
            files = Collections.unmodifiableSortedMap(joined);
        }
        return files;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Site s) || !contents().keySet().equals(s.contents().keySet())) return false;
        for (Map.Entry<String, Content> e : contents().entrySet()) {
            if (!e.getValue().sameBytes(s.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Content> e : contents().entrySet()) h += e.getKey().hashCode() ^ Long.hashCode(e.getValue().length());
        return h;
    }

    @Override
    public String toString() {
        return "Site" + contents().keySet();
    }
}
