package dev.dashgen.site;

import dev.dashgen.metrics.Usd;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.Timestamp;
import dev.dashgen.telemetry.TaskCosts;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A task as pages show it: display strings computed once per build, shared by board, lists and the task page. */
public record TaskView(Task task, String url, String laneLabel, Instant enteredLane, String age,
                       int openDependencies, List<Problem> problems, String labels, ShownCost cost, String spec) {

    /**
     * A task's cost as pages show it: to the cent. Pages key on views, so a view holding the exact amount
     * would re-render a task's page and card for every fraction of a cent a telemetry commit adds;
     * {@code data/tasks.json} takes the exact amount from the cost model instead.
     */
    public record ShownCost(String text, boolean estimated, boolean positive) {
        static ShownCost of(TaskCosts.TaskCost cost) {
            return cost == null ? null
                    : new ShownCost(Usd.format(cost.usd()), cost.estimated(), cost.usd().signum() > 0);
        }
    }

    /** Priority first, then oldest first (by creation), then id: the card order inside a lane. */
    public static final Comparator<TaskView> CARD_ORDER = (a, b) -> {
        // Written out rather than composed: every rebuild sorts every lane, and this is its inner loop.
        int c = a.task().priority().compareTo(b.task().priority());
        if (c == 0) c = nullsLast(created(a.task()), created(b.task()));
        return c != 0 ? c : idThenFile(a, b);
    };

    /** Newest completion first, for the Done and Error lanes. */
    public static final Comparator<TaskView> RECENT_FIRST = (a, b) -> {
        Instant x = a.enteredLane();
        Instant y = b.enteredLane();
        int c = x == null || y == null ? nullsLast(x, y) : y.compareTo(x);
        return c != 0 ? c : idThenFile(a, b);
    };

    private static int nullsLast(Instant a, Instant b) {
        if (a == null) return b == null ? 0 : 1;
        return b == null ? -1 : a.compareTo(b);
    }

    private static int idThenFile(TaskView a, TaskView b) {
        int c = a.task().id().compareTo(b.task().id());
        return c != 0 ? c : a.task().file().compareTo(b.task().file());
    }

    public TaskView {
        problems = List.copyOf(problems);
    }

    /** The view of the task at {@code index} of {@code ws}; {@code spec} is its specification's name, or null. */
    public static TaskView of(Workspace ws, int index, String laneLabel, Instant now, ShownCost cost, String spec) {
        Task t = ws.tasks().get(index);
        int open = openDependencies(t, ws);
        List<Problem> problems = ws.problemsOf(t.file());
        String url = "tasks/" + ws.slugs().get(index) + ".html";
        Instant entered = enteredLane(t);
        return new TaskView(t, url, laneLabel, entered, Durations.since(entered, now), open, problems,
                String.join(" ", t.tags()), cost, spec);
    }

    private static int openDependencies(Task t, Workspace ws) {
        int open = 0;
        java.util.Set<String> noted = null;
        for (String dep : t.dependencies()) {
            Task d = ws.byId().get(dep);
            if (d == null) {
                if (noted == null) noted = Workspace.notedOnly(t);
                if (!noted.contains(dep)) open++; // a dangling id still waits; a noted one names a record
            } else if (d.lane() != Lane.DONE && d.lane() != Lane.ARCHIVE) {
                open++;
            }
        }
        return open;
    }

    /** When the task entered its current lane, as far as its own timestamps tell. */
    static Instant enteredLane(Task t) {
        Task.Lifecycle l = t.lifecycle();
        return switch (t.lane()) {
            case INBOX -> first(l.created());
            case ASSIGNED -> first(l.assigned(), l.created());
            case IN_PROGRESS, BLOCKED -> first(l.started(), l.assigned(), l.created());
            case DONE, ERROR, ARCHIVE, FRIDGE -> first(l.completed(), l.started(), l.assigned(), l.created());
        };
    }

    private static Instant created(Task t) {
        Timestamp s = t.lifecycle().created();
        return s != null && s.readable() ? s.instant() : null;
    }

    private static Instant first(Timestamp... stamps) {
        for (Timestamp s : stamps) {
            if (s != null && s.readable()) return s.instant();
        }
        return null;
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == dev.dashgen.model.Severity.ERROR);
    }

    /** Non-zero cost, for cards (which show cost only when there is some). */
    public boolean showsCost() {
        return cost != null && cost.positive();
    }

    /** {@code $1.23}, or {@code ~$1.23} when estimated from the agent's active window. */
    public String costText() {
        if (cost == null) return "";
        return (cost.estimated() ? "~" : "") + cost.text();
    }

    /** The task's page name, unique in the site even when ids are not: the card's element id. */
    public String slug() {
        return url.substring("tasks/".length(), url.length() - ".html".length());
    }

    public String priority() {
        return task.priority().id();
    }

    public String lane() {
        return task.lane().id();
    }
}
