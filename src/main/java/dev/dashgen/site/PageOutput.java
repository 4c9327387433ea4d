package dev.dashgen.site;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Where page kinds put what they render: files by path, paths that are gone, and what to keep for the next build. */
public final class PageOutput {
    private final Map<String, Content> files = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private Object kept;

    /** Safe from several threads: task pages render in parallel. */
    public void put(String path, Content content) {
        files.put(path, content);
    }

    public void put(String path, byte[] bytes) {
        put(path, Content.of(bytes));
    }

    /** A file the previous build had and this one does not. */
    public void remove(String path) {
        removed.add(path);
    }

    /** What the kind keeps for its next render ({@link PageContext#kept()}). */
    public void keep(Object kept) {
        this.kept = kept;
    }

    public Map<String, Content> files() {
        return files;
    }

    public Set<String> removed() {
        return removed;
    }

    public Object kept() {
        return kept;
    }
}
