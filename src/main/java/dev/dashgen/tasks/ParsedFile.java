package dev.dashgen.tasks;

import dev.dashgen.model.Problem;
import java.util.List;

/** What one task file yields: the task (null when the file could not be read as one) and its problems. */
public record ParsedFile(String file, Task task, List<Problem> problems) {
    public ParsedFile {
        problems = List.copyOf(problems);
    }
}
