package dev.dashgen.site;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rendered site: output path (relative, {@code /}-separated) to bytes, in path order. */
public final class Site {
    private final SortedMap<String, byte[]> files;

    /** A copy of {@code files}: the site does not change when the map does. */
    public Site(SortedMap<String, byte[]> files) {
        this(Collections.unmodifiableSortedMap(new TreeMap<>(files)), null);
    }

    private Site(SortedMap<String, byte[]> view, Void noCopy) {
        this.files = view;
    }

    /**
     * A site on the builder's own map, which it never changes after handing it over: copying ten
     * thousand entries again was a good part of a rebuild after an edit.
     */
    static Site owning(TreeMap<String, byte[]> map) {
        return new Site(Collections.unmodifiableSortedMap(map), null);
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && files.equals(s.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(files);
    }

    @Override
    public String toString() {
        return "Site" + files.keySet();
    }
}
