package dev.dashgen.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rendered items of the lists that pages splice in ({@link Fragments}): board columns, lane pages,
 * an agent's lanes. Each list is remembered with the views it was made from. Next time, a view that is
 * the very object at the same place keeps its bytes, found by walking both lists side by side and
 * comparing references; only the others are looked up by task file (and rendered when their view or
 * the chrome changed). Looking each of ten thousand views up touches each one, a cache miss apiece on a
 * big heap, which was a good part of an edit's rebuild.
 */
final class ItemLists {
    /** A list as last made: under the same meta, these views gave these bytes. */
    private record Made(Chrome.SiteMeta meta, List<TaskView> views, List<byte[]> bytes) {}

    /** Below this many items to render, rendering in parallel costs more than it saves. */
    private static final int PARALLEL_FROM = 64;

    private final PageMemo<Object, byte[]> byFile = new PageMemo<>();
    private final Map<String, Made> lists = new HashMap<>();

    /** The bytes of each of {@code views}, in order; {@code list} names the list (a lane, an agent's lane). */
    List<byte[]> of(String list, Chrome.SiteMeta meta, List<TaskView> views, Function<TaskView, byte[]> render) {
        Made last = lists.get(list);
        if (last != null && last.views() == views && last.meta() == meta) return last.bytes();
        boolean aligned = last != null && last.meta() == meta;
        byte[][] bytes = new byte[views.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            TaskView v = views.get(i);
            if (aligned && i < last.views().size() && last.views().get(i) == v) bytes[i] = last.bytes().get(i);
            else missing.add(i);
        }
        (missing.size() >= PARALLEL_FROM ? missing.parallelStream() : missing.stream()).forEach(i -> {
            TaskView v = views.get(i);
            bytes[i] = byFile.get(v.task().file(), List.of(meta, v), () -> render.apply(v));
        });
        List<byte[]> made = Arrays.asList(bytes);
        lists.put(list, new Made(meta, views, made));
        return made;
    }

    /** Forgets the items of task files no longer in the site, and the lists they were in. */
    void retain(java.util.Set<String> files) {
        byFile.retain(files);
        lists.clear();
    }
}
