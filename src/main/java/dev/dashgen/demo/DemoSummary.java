package dev.dashgen.demo;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link DemoWriter#write} wrote. {@code taskFilesPerFolder} counts {@code *.yaml}/{@code *.yml}
 * files per top-level folder of the work tree, {@code backups} included; {@code taskFiles} counts
 * only the folders dashgen reads. {@code brokenFiles} are relative to {@code workDir}.
 */
public record DemoSummary(Path dir, Path workDir, Path telemetry, Path config,
                          SortedMap<String, Integer> taskFilesPerFolder, int taskFiles,
                          List<String> brokenFiles, long invocations) {

    public DemoSummary {
        taskFilesPerFolder = Collections.unmodifiableSortedMap(new TreeMap<>(taskFilesPerFolder));
        brokenFiles = List.copyOf(brokenFiles);
    }
}
