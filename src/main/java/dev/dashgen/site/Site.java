package dev.dashgen.site;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A rendered site: output path (relative, {@code /}-separated) to bytes, in path order. */
public record Site(SortedMap<String, byte[]> files) {

    public Site {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
