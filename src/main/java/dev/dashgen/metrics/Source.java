package dev.dashgen.metrics;

import java.util.Locale;

/** Where a stage date came from: a commit that moved the file, or a timestamp in the task file. */
public enum Source {
    GIT, YAML;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
