package dev.dashgen.metrics;

import static dev.dashgen.metrics.FlowTasks.dated;
import static dev.dashgen.metrics.FlowTasks.moves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.history.Transition;
import dev.dashgen.tasks.Task;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage dates from Git and YAML together: the earlier counts, moves back erase, the future is missing. */
class StageDatesTest {
    static final LocalDate TODAY = LocalDate.parse("2026-03-18");

    private static StageDates.Dated of(Task t, List<Transition> moves) {
        return StageDates.of(t, moves, ZoneOffset.UTC, TODAY);
    }

    private static String days(StageDates d) {
        return d.arrived() + " " + d.committed() + " " + d.started() + " " + d.finished();
    }

    @Test
    void theEarlierOfGitAndYamlCountsAndSaysWhereItCameFrom() {
        Task t = dated("done/a/x.yaml", "done", "2026-03-01T09:00:00Z", "2026-03-05T09:00:00Z", null, "2026-03-09T09:00:00Z");
        StageDates d = of(t, moves("inbox", "2026-03-02T10:00:00Z", "assigned", "2026-03-03T10:00:00Z",
                "done", "2026-03-10T10:00:00Z")).dates();
        assertEquals("2026-03-01 2026-03-03 2026-03-03 2026-03-09", days(d));
        assertEquals(Map.of(Stage.ARRIVED, Source.YAML, Stage.COMMITTED, Source.GIT, Stage.STARTED, Source.GIT,
                Stage.FINISHED, Source.YAML), d.sources());
    }

    @Test
    void gitAloneGivesEveryStageItHas() {
        Task t = dated("done/a/x.yaml", "done", null, null, null, null);
        StageDates d = of(t, moves("inbox", "2026-03-02T10:00:00Z", "done", "2026-03-04T10:00:00Z")).dates();
        assertEquals("2026-03-02 2026-03-04 2026-03-04 2026-03-04", days(d), "assigned/ skipped: committed is the finish");
        assertEquals(Source.GIT, d.sources().get(Stage.COMMITTED));
    }

    @Test
    void aReopenedTaskFinishesWhenItIsDoneAgain() {
        Task t = dated("done/a/x.yaml", "done", null, null, null, "2026-03-04T09:00:00Z");
        StageDates d = of(t, moves("inbox", "2026-03-01T10:00:00Z", "assigned", "2026-03-02T10:00:00Z",
                "done", "2026-03-04T10:00:00Z", "assigned", "2026-03-06T10:00:00Z", "done", "2026-03-09T10:00:00Z")).dates();
        assertEquals("2026-03-01 2026-03-02 2026-03-02 2026-03-09", days(d),
                "the first pass's completed_at is older than the move back and no longer counts");
        assertEquals(Source.GIT, d.sources().get(Stage.FINISHED));
    }

    @Test
    void aReopenedTaskStillOpenHasNoFinishAndKeepsItsCommitment() {
        Task t = dated("assigned/a/x.yaml", "in_progress", null, null, null, "2026-03-04T09:00:00Z");
        StageDates d = of(t, moves("inbox", "2026-03-01T10:00:00Z", "assigned", "2026-03-02T10:00:00Z",
                "done", "2026-03-04T10:00:00Z", "assigned", "2026-03-06T10:00:00Z")).dates();
        assertEquals("2026-03-01 2026-03-02 2026-03-02 null", days(d));
    }

    @Test
    void aTaskSentBackToTheInboxIsNoLongerCommitted() {
        Task t = dated("inbox/x.yaml", "new", "2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z", null);
        StageDates d = of(t, moves("inbox", "2026-03-01T10:00:00Z", "assigned", "2026-03-02T10:00:00Z",
                "inbox", "2026-03-05T10:00:00Z")).dates();
        assertEquals("2026-03-01 null null null", days(d));
    }

    @Test
    void fridgeAndRemovalTouchNoStage() {
        Task t = dated("assigned/a/x.yaml", "assigned", null, null, null, null);
        StageDates d = of(t, moves("inbox", "2026-03-01T10:00:00Z", "fridge", "2026-03-02T10:00:00Z",
                "removed", "2026-03-03T10:00:00Z", "assigned", "2026-03-07T10:00:00Z")).dates();
        assertEquals("2026-03-01 2026-03-07 2026-03-07 null", days(d));
    }

    @Test
    void aGitDateAfterTodayIsMissingAndNamed() {
        Task t = dated("done/a/x.yaml", "done", null, null, null, null);
        StageDates.Dated dated = of(t, moves("inbox", "2026-03-01T10:00:00Z", "done", "2026-03-19T01:00:00Z"));
        assertNull(dated.dates().finished());
        assertEquals(1, dated.futureDates().size());
        assertEquals("finished", dated.futureDates().get(0).metric());
        assertTrue(dated.futureDates().get(0).reason().contains("2026-03-19"), dated.futureDates().get(0).reason());
    }

    @Test
    void archivedWithStatusErrorIsNotFinished() {
        Task t = dated("archive/x.yaml", "error", "2026-03-01", null, null, "2026-03-03T10:00:00Z");
        assertNull(of(t, List.of()).dates().finished());
        assertTrue(StageDates.finishes(dated("archive/y.yaml", null, null, null, null, null)));
    }

    @Test
    void aDateOnlyTimestampIsMidnightUtc() {
        Task t = dated("inbox/x.yaml", "new", "2026-03-05", null, null, null);
        assertEquals(LocalDate.parse("2026-03-04"), StageDates.of(t, List.of(), java.time.ZoneId.of("America/New_York"), TODAY)
                .dates().arrived(), "PRODUCT.md §2: no zone means UTC");
    }
}
