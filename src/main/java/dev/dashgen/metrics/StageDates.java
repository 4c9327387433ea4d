package dev.dashgen.metrics;

import dev.dashgen.history.Transition;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Status;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A task's stage dates as calendar days, with the source of each (PRODUCT.md §4.4). Any date may be null.
 *
 * <p>How they are made, in order:
 * <ol>
 * <li>Git: the transitions replayed oldest first. Entering inbox/ sets arrived, assigned/ committed, done/ or
 *     archive/ finished, each only the first time; fridge and removal touch no stage. A move to a lane of an
 *     earlier stage than the lane the task was in (done → assigned, assigned → inbox, …) is a move back: it erases
 *     the later stages' Git dates, and YAML dates of those stages older than the move no longer count either (they
 *     describe the pass that was undone). So a reopened task is open again and, when finished anew, finishes then.</li>
 * <li>YAML: arrived {@code created}; committed {@code assigned_at}, else {@code started_at}; started
 *     {@code started_at}; finished {@code completed_at}. Unreadable timestamps are missing.</li>
 * <li>A date (Git or YAML) on a calendar day after today is missing, and named in {@code excluded} under its
 *     stage. A time later today than now is today.</li>
 * <li>Where both give a stage date, the earlier instant counts (a tie goes to Git); started has no Git source, and
 *     without {@code started_at} it is the committed date, with committed's source.</li>
 * <li>Finished exists only for a task whose lane is done, or archive without status error.</li>
 * <li>A skipped stage takes the date (and source) of the next stage that has one.</li>
 * </ol>
 * Dates that end up out of order are kept as they are; {@link #before} says which pairs are, and the metrics
 * needing those pairs leave the task out. So do the metrics needing a pair whose YAML dates are out of order
 * (PRODUCT.md §4.4), even where Git gives both stages earlier dates that are in order: {@link Dated#yaml}.
 */
public record StageDates(LocalDate arrived, LocalDate committed, LocalDate started, LocalDate finished,
                         Map<Stage, Source> sources) {

    public StageDates {
        sources = Collections.unmodifiableMap(sources.isEmpty() ? new EnumMap<>(Stage.class) : new EnumMap<>(sources));
    }

    public LocalDate get(Stage stage) {
        return switch (stage) {
            case ARRIVED -> arrived;
            case COMMITTED -> committed;
            case STARTED -> started;
            case FINISHED -> finished;
        };
    }

    /** True when both dates exist and {@code later}'s is before {@code earlier}'s: the dates are out of order. */
    public boolean before(Stage later, Stage earlier) {
        LocalDate a = get(earlier);
        LocalDate b = get(later);
        return a != null && b != null && b.isBefore(a);
    }

    /** Whether the task counts as finished (PRODUCT.md §4.4): its lane is done, or archive unless its status is error. */
    public static boolean finishes(Task task) {
        return task.lane() == Lane.DONE || task.lane() == Lane.ARCHIVE && task.status() != Status.ERROR;
    }

    /**
     * The stage dates of {@code task}, the dates set aside because they lie after {@code today}, and the days its YAML
     * timestamps give each stage on their own (that field alone; none filled in from another stage), by which the
     * YAML's own order is judged.
     */
    public record Dated(StageDates dates, List<Excluded> futureDates, StageDates yaml) {
        public Dated {
            futureDates = List.copyOf(futureDates);
        }
    }

    private static final String[] FIELDS = {"created", "assigned_at", "started_at", "completed_at"};

    public static Dated of(Task task, List<Transition> transitions, ZoneId zone, LocalDate today) {
        return new Dating(task, zone, today).run(transitions);
    }

    /** One task's computation. */
    private static final class Dating {
        private final Task task;
        private final ZoneId zone;
        private final LocalDate today;
        private final boolean finishes;
        private final Instant[] git = new Instant[4];
        private final String[] gitCommit = new String[4];
        private final Instant[] floor = new Instant[4];
        private final List<Excluded> future = new ArrayList<>();

        Dating(Task task, ZoneId zone, LocalDate today) {
            this.task = task;
            this.zone = zone;
            this.today = today;
            this.finishes = finishes(task);
        }

        Dated run(List<Transition> transitions) {
            replay(transitions);
            Instant[] at = new Instant[4];
            Source[] from = new Source[4];
            Task.Lifecycle l = task.lifecycle();
            Instant created = yaml(l.created(), 0, 0);
            Instant assigned = yaml(l.assigned(), 1, 1);
            Instant started = yaml(l.started(), 2, 2);
            Instant startedAsCommitted = yaml(l.started(), 1, -1);
            Instant completed = finishes ? yaml(l.completed(), 3, 3) : null;
            Instant[] yaml = {created, assigned != null ? assigned : startedAsCommitted, started, completed};
            for (int k = 0; k < 4; k++) {
                if (k == 3 && !finishes) continue;
                Instant g = gitDate(k);
                if (g != null && (yaml[k] == null || !yaml[k].isBefore(g))) {
                    at[k] = g;
                    from[k] = Source.GIT;
                } else if (yaml[k] != null) {
                    at[k] = yaml[k];
                    from[k] = Source.YAML;
                }
            }
            if (at[2] == null) {
                at[2] = at[1];
                from[2] = from[1];
            }
            for (int k = 2; k >= 0; k--) {
                if (at[k] == null) {
                    at[k] = at[k + 1];
                    from[k] = from[k + 1];
                }
            }
            Map<Stage, Source> sources = new EnumMap<>(Stage.class);
            for (int k = 0; k < 4; k++) if (from[k] != null) sources.put(Stage.values()[k], from[k]);
            Map<Stage, Source> fromYaml = new EnumMap<>(Stage.class);
            for (int k = 0; k < 4; k++) if (yaml[k] != null) fromYaml.put(Stage.values()[k], Source.YAML);
            return new Dated(new StageDates(day(at[0]), day(at[1]), day(at[2]), day(at[3]), sources), future,
                    new StageDates(day(yaml[0]), day(yaml[1]), day(yaml[2]), day(yaml[3]), fromYaml));
        }

        /** Git dates per stage: first entries since the last move back, which erases the stages after it. */
        private void replay(List<Transition> transitions) {
            int current = -1;
            for (Transition t : transitions) {
                int s = stage(t.lane());
                if (s < 0) continue;
                if (s < current) {
                    for (int k = s + 1; k < 4; k++) {
                        git[k] = null;
                        gitCommit[k] = null;
                        floor[k] = t.at();
                    }
                }
                if (git[s] == null) {
                    git[s] = t.at();
                    gitCommit[s] = t.commit();
                }
                current = s;
            }
        }

        private static int stage(String lane) {
            return switch (lane) {
                case "inbox" -> 0;
                case "assigned" -> 1;
                case "done", "archive" -> 3;
                default -> -1;
            };
        }

        private Instant gitDate(int k) {
            Instant g = git[k];
            if (g == null || !day(g).isAfter(today)) return g;
            future.add(new Excluded(task.id(), Stage.values()[k].id(), "Git: entered " + (k == 0 ? "inbox/" : k == 1
                    ? "assigned/" : "done/ or archive/") + " in commit " + gitCommit[k].substring(0, Math.min(7, gitCommit[k].length()))
                    + " on " + day(g) + ", after today (" + today + "); treated as missing"));
            return null;
        }

        /**
         * A YAML timestamp as a stage date: missing when unreadable, older than a move back of that stage, or after
         * today (then named once, under stage {@code named}; -1 names nothing, the field being named elsewhere).
         */
        private Instant yaml(Timestamp ts, int stage, int named) {
            if (ts == null || !ts.readable()) return null;
            Instant at = ts.instant();
            if (floor[stage] != null && at.isBefore(floor[stage])) return null;
            if (day(at).isAfter(today)) {
                if (named >= 0) {
                    future.add(new Excluded(task.id(), Stage.values()[named].id(), FIELDS[named] + " " + ts.raw()
                            + " is after today (" + today + "); treated as missing"));
                }
                return null;
            }
            return at;
        }

        private LocalDate day(Instant at) {
            return at == null ? null : LocalDate.ofInstant(at, zone);
        }
    }
}
