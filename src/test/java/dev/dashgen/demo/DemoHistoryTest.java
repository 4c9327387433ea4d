package dev.dashgen.demo;

import static dev.dashgen.demo.TaskFiles.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The planned commits: in time order, never after now, every move kept when they are batched. */
class DemoHistoryTest {
    @Test
    void beyondTheLimitMovesAreBatchedNotDropped() {
        DemoWorkspace ws = DemoGenerator.generate(options(200, 0, 4, 2));
        List<DemoHistory.Commit> each = DemoHistory.plan(ws.plans(), TaskFiles.NOW, DemoHistory.MAX_COMMITS);
        List<DemoHistory.Commit> few = DemoHistory.plan(ws.plans(), TaskFiles.NOW, 10);
        assertTrue(few.size() <= 10, "at most 10: " + few.size());
        assertEquals(each.stream().flatMap(c -> c.moves().stream()).toList(), few.stream().flatMap(c -> c.moves().stream()).toList());
        assertTrue(each.size() > 400, "a commit per move: " + each.size());
        for (List<DemoHistory.Commit> commits : List.of(each, few)) {
            for (int i = 1; i < commits.size(); i++) assertFalse(commits.get(i).at().isBefore(commits.get(i - 1).at()));
            assertFalse(commits.get(commits.size() - 1).at().isAfter(TaskFiles.NOW));
        }
        assertEquals(DemoHistory.SYNC, few.get(0).author());
        assertTrue(each.stream().anyMatch(c -> c.message().startsWith("Archive the work finished in") && c.moves().size() > 1),
                "a month's archiving is one commit");
    }

    @Test
    void theLimitShrinksAsTheTreeGrows() {
        assertEquals(DemoHistory.MAX_COMMITS, DemoHistory.maxCommits(300));
        assertEquals(150, DemoHistory.maxCommits(10_000));
        assertEquals(DemoHistory.MIN_COMMITS, DemoHistory.maxCommits(100_000));
    }
}
