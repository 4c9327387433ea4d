package dev.dashgen.demo;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A generated workspace, in memory except the invocations, which are produced on demand so ten
 * million of them never sit in memory at once.
 *
 * @param files              path relative to the work root → file text; task files, README.md, .gitkeep
 * @param latin1Files        paths whose text is written as ISO-8859-1 rather than UTF-8 (the non-UTF-8 broken file)
 * @param brokenFiles        path → how that task file is broken
 * @param taskFilesPerFolder top-level folder → number of {@code *.yaml}/{@code *.yml} files in it, backups included
 * @param taskFiles          task files in the folders dashgen reads: {@link DemoOptions#tasks()}
 * @param invocations        the telemetry rows, oldest first; each iteration regenerates the same rows
 * @param repositoryFiles    path relative to the demo folder (the repository root) → text: specifications, ADRs, agent profiles
 * @param plans              task file in a lane folder → the plan it was written from (its Git history follows it)
 */
public record DemoWorkspace(SortedMap<String, String> files, SortedSet<String> latin1Files,
                            SortedMap<String, BrokenKind> brokenFiles, SortedMap<String, Integer> taskFilesPerFolder,
                            int taskFiles, Invocations invocations, SortedMap<String, String> repositoryFiles,
                            SortedMap<String, PlannedTask> plans) {

    public DemoWorkspace {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        latin1Files = Collections.unmodifiableSortedSet(new TreeSet<>(latin1Files));
        brokenFiles = Collections.unmodifiableSortedMap(new TreeMap<>(brokenFiles));
        taskFilesPerFolder = Collections.unmodifiableSortedMap(new TreeMap<>(taskFilesPerFolder));
        repositoryFiles = Collections.unmodifiableSortedMap(new TreeMap<>(repositoryFiles));
        plans = Collections.unmodifiableSortedMap(new TreeMap<>(plans));
    }

    /** The bytes to write for {@code path}: UTF-8, except the files meant to be Latin-1. */
    public byte[] bytes(String path) {
        String text = files.get(path);
        if (text == null) throw new IllegalArgumentException("no such file in the demo workspace: " + path);
        return text.getBytes(latin1Files.contains(path) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
