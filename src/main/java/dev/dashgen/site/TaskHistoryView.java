package dev.dashgen.site;

import dev.dashgen.history.Transition;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A task's transitions as {@code templates/task-history.peb} shows them: oldest first, each with the lane it came
 * from, the commit's short id and, when the repository's web address is known, a link to the commit.
 */
public final class TaskHistoryView {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    /**
     * One move. {@code from} is empty for the first one (the task's first appearance in history); {@code url} is null
     * without a repository address.
     */
    public record Row(String when, String iso, String from, String to, String commit, String shortCommit, String author,
                      String url) {}

    private TaskHistoryView() {}

    /** @param repoUrl config {@code repo_url} (or derived from the origin remote), or null: commits are shown unlinked */
    public static List<Row> rows(List<Transition> transitions, String repoUrl) {
        String base = repoUrl == null || repoUrl.isBlank() ? null : repoUrl.replaceAll("/+$", "");
        return rows(transitions, id -> base == null ? null : base + "/commit/" + id);
    }

    /** @param commitUrl a commit's page in the repository's web interface (null when unknown) */
    public static List<Row> rows(List<Transition> transitions, java.util.function.Function<String, String> commitUrl) {
        List<Row> rows = new ArrayList<>(transitions.size());
        String from = "";
        for (Transition t : transitions) {
            rows.add(new Row(t.at().atOffset(ZoneOffset.UTC).format(DISPLAY), t.at().toString(), from, t.lane(), t.commit(),
                    t.commit().substring(0, Math.min(7, t.commit().length())), t.author(),
                    commitUrl.apply(t.commit())));
            from = t.lane();
        }
        return rows;
    }
}
