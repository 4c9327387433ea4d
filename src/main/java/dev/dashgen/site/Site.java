package dev.dashgen.site;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rendered site: output path (relative, {@code /}-separated) to its {@link Content}, in path order. */
public final class Site {
    private final SortedMap<String, Content> contents;
    private SortedMap<String, byte[]> files;

    /** A copy of {@code files}: the site does not change when the map does. */
    public Site(SortedMap<String, byte[]> files) {
        TreeMap<String, Content> copy = new TreeMap<>();
        files.forEach((path, bytes) -> copy.put(path, Content.of(bytes)));
        this.contents = Collections.unmodifiableSortedMap(copy);
    }

    private Site(TreeMap<String, Content> owned) {
        this.contents = Collections.unmodifiableSortedMap(owned);
    }

    /**
     * A site on the builder's own map, which it never changes after handing it over: copying ten
     * thousand entries again was a good part of a rebuild after an edit.
     */
    static Site owning(TreeMap<String, Content> map) {
        return new Site(map);
    }

    /** Each file's content, as the writer takes it. */
    public SortedMap<String, Content> contents() {
        return contents;
    }

    /** Each file's bytes, joined once on first use (for readers that want arrays: tests, tools). */
    public synchronized SortedMap<String, byte[]> files() {
        if (files == null) {
            TreeMap<String, byte[]> joined = new TreeMap<>();
            contents.forEach((path, content) -> joined.put(path, content.bytes()));
            files = Collections.unmodifiableSortedMap(joined);
        }
        return files;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Site s) || !contents.keySet().equals(s.contents.keySet())) return false;
        for (Map.Entry<String, Content> e : contents.entrySet()) {
            if (!e.getValue().sameBytes(s.contents.get(e.getKey()))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, Content> e : contents.entrySet()) h += e.getKey().hashCode() ^ Long.hashCode(e.getValue().length());
        return h;
    }

    @Override
    public String toString() {
        return "Site" + contents.keySet();
    }
}
