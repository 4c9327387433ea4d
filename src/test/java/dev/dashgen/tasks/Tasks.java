package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import java.util.List;

/** One-line helpers for parser tests: YAML lines in, a task or its problems out. */
final class Tasks {
    private Tasks() {}

    static ParsedFile parse(String file, String... lines) {
        return TaskParser.parse(String.join("\n", lines) + "\n", file, LaneSource.FOLDER);
    }

    static ParsedFile parseByStatus(String file, String... lines) {
        return TaskParser.parse(String.join("\n", lines) + "\n", file, LaneSource.STATUS);
    }

    static Task task(String file, String... lines) {
        ParsedFile parsed = parse(file, lines);
        assertNotNull(parsed.task(), () -> "no task from " + file + ": " + parsed.problems());
        return parsed.task();
    }

    /** The one problem whose message contains {@code fragment}; fails when there is none or more than one. */
    static Problem problem(ParsedFile parsed, String fragment) {
        List<Problem> found = parsed.problems().stream().filter(p -> p.message().contains(fragment)).toList();
        if (found.size() != 1) fail("expected one problem containing \"" + fragment + "\", got " + parsed.problems());
        return found.get(0);
    }

    static void assertProblem(ParsedFile parsed, Severity severity, int line, String fragment) {
        Problem p = problem(parsed, fragment);
        assertEquals(severity, p.severity(), p::toString);
        assertEquals(line, p.line(), p::toString);
        assertEquals(parsed.file(), p.file(), p::toString);
    }

    static void assertNoProblems(ParsedFile parsed) {
        assertTrue(parsed.problems().isEmpty(), () -> "unexpected problems: " + parsed.problems());
    }

    static String yaml(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
