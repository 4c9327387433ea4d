package dev.dashgen.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The demo's Git history, planned: the commits that move each task file through the lane folders, at times that
 * agree with its YAML. A task is added to {@code inbox/} when created, moved to {@code assigned/<agent>/} when
 * assigned, to {@code done/<agent>/} when completed (or failed), archived on the first day of the next month, and
 * put in the fridge half-way between its last move and now. Each move lands a few minutes after the moment its
 * timestamp records (a commit follows the work), never after now. Pure: no clock, no disk, no random draws, so the
 * same workspace gives the same commits, and the files stay what they were before the demo had history.
 *
 * <p>One commit per move, except that a month's archiving is one commit; beyond {@code maxCommits} moves are
 * batched, consecutive in time, into at most that many commits, so a 100,000-task demo stays quick to write.
 */
final class DemoHistory {
    static final int MAX_COMMITS = 1000;
    static final int MIN_COMMITS = 20;
    /** Tree entries the commits may write in all: each commit rewrites the folders it touches, up to the whole tree. */
    private static final long ENTRY_BUDGET = 1_500_000;

    /**
     * How many commits a demo of {@code tasks} tasks gets at most: {@value #MAX_COMMITS} up to 1,500 tasks (a commit per
     * move for the bundled demo), fewer as the tree grows, down to {@value #MIN_COMMITS} from 75,000 tasks on.
     */
    static int maxCommits(int tasks) {
        return (int) Math.max(MIN_COMMITS, Math.min(MAX_COMMITS, ENTRY_BUDGET / Math.max(1, tasks)));
    }

    /** A person or agent making commits. */
    record Person(String name, String email) {}

    /** One file move inside the work tree; {@code from} null adds the file. {@code file} names the task by its final path. */
    record Move(String from, String to, String file) {}

    record Commit(Instant at, Person author, String message, List<Move> moves) {
        Commit {
            moves = List.copyOf(moves);
        }
    }

    static final List<Person> PEOPLE = List.of(new Person("Ada Lovelace", "ada@demo.example"),
            new Person("Grace Hopper", "grace@demo.example"), new Person("Alan Turing", "alan@demo.example"));
    static final Person SYNC = new Person("Board sync", "board-sync@demo.example");

    /** A move at a moment; {@code batch} non-null joins it with the neighbours of the same batch into one commit. */
    private record Event(Instant at, int order, Person author, Message message, Move move, String batch) {}

    /** A commit message, put into words only for a commit of its own: batched moves go without. */
    private record Message(String format, String name, String detail) {
        String text() {
            return String.format(java.util.Locale.ROOT, format, name, detail);
        }
    }

    private DemoHistory() {}

    /**
     * @param tasks task file path (relative to the work tree) → its plan, for every task file the demo writes in a lane folder
     * @param now   no commit is later than this
     */
    static List<Commit> plan(SortedMap<String, PlannedTask> tasks, Instant now, int maxCommits) {
        Map<String, Integer> names = new HashMap<>();
        for (String path : tasks.keySet()) names.merge(name(path), 1, Integer::sum);
        List<Event> events = new ArrayList<>();
        int order = 0;
        for (var e : tasks.entrySet()) {
            String path = e.getKey();
            // A file name two tasks share would make them one task in Git: such a file appears once, where it ends up.
            List<Event> own = names.get(name(path)) > 1 ? List.of(last(path, e.getValue(), now)) : route(path, e.getValue(), now);
            for (Event ev : own) events.add(new Event(ev.at(), order++, ev.author(), ev.message(), ev.move(), ev.batch()));
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order));
        List<List<Event>> groups = new ArrayList<>();
        for (Event ev : events) {
            List<Event> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && ev.batch() != null && ev.batch().equals(last.get(0).batch())) last.add(ev);
            else groups.add(new ArrayList<>(List.of(ev)));
        }
        if (groups.size() > maxCommits) {
            int per = (events.size() + maxCommits - 1) / maxCommits;
            groups = new ArrayList<>();
            for (int i = 0; i < events.size(); i += per) groups.add(events.subList(i, Math.min(events.size(), i + per)));
        }
        List<Commit> commits = new ArrayList<>(groups.size());
        for (List<Event> g : groups) {
            Event first = g.get(0);
            Event end = g.get(g.size() - 1);
            boolean one = g.size() == 1 || g.stream().allMatch(x -> first.batch() != null && first.batch().equals(x.batch()));
            commits.add(new Commit(end.at(), one ? first.author() : SYNC,
                    one ? first.message().text() : "Sync the board: " + g.size() + " task moves",
                    g.stream().map(Event::move).toList()));
        }
        return commits;
    }

    /** The moves of one task, oldest first, each at least a second after the one before. */
    private static List<Event> route(String path, PlannedTask t, Instant now) {
        String name = name(path);
        String top = path.substring(0, path.indexOf('/'));
        int h = name.hashCode();
        List<Event> out = new ArrayList<>();
        String inbox = "inbox/" + name;
        Person person = PEOPLE.get(Math.floorMod(h, PEOPLE.size()));
        Instant at = land(t.created(), h, 0, null, now);
        Message added = new Message("Add %s to the inbox", name, null);
        if (top.equals("inbox")) return List.of(event(at, person, added, null, path, path, null));
        out.add(event(at, person, added, null, inbox, path, null));
        String here = inbox;
        if (t.assigned() != null) {
            String assigned = top.equals("assigned") ? path : "assigned/" + t.agent() + "/" + name;
            at = land(t.assigned(), h, 1, at, now);
            Person lead = PEOPLE.get(Math.floorMod(h + 1, PEOPLE.size()));
            out.add(event(at, lead, new Message("Assign %s to %s", name, t.agent()), here, assigned, path, null));
            here = assigned;
        }
        if (t.completed() != null) {
            String done = top.equals("done") ? path : "done/" + t.agent() + "/" + name;
            at = land(t.completed(), h, 2, at, now);
            out.add(event(at, new Person(t.agent(), t.agent() + "@agents.demo.example"),
                    new Message("%2$s: " + (t.lane() == DemoLane.ERROR ? "failed" : "done") + " %1$s", name, t.agent()), here, done, path, null));
            here = done;
        }
        if (top.equals("archive")) {
            LocalDate month = LocalDate.ofInstant(t.completed(), ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
            Instant archived = month.atTime(9, 0).toInstant(ZoneOffset.UTC);
            if (archived.isAfter(now)) archived = now;
            if (archived.isBefore(at.plusSeconds(1))) archived = at.plusSeconds(1).isAfter(now) ? now : at.plusSeconds(1);
            String label = month.minusMonths(1).toString().substring(0, 7);
            out.add(event(archived, PEOPLE.get(1), new Message("Archive the work finished in %2$s", name, label), here, path, path,
                    "archive " + label));
        } else if (top.equals("fridge")) {
            Instant cold = at.plusSeconds(Math.max(1, ChronoUnit.SECONDS.between(at, now) / 2));
            if (cold.isAfter(now)) cold = now;
            out.add(event(cold, person, new Message("Put %s in the fridge", name, null), here, path, path, null));
        }
        return out;
    }

    /** A task whose file name another task shares: it appears once, at its last move, straight where it ends up. */
    private static Event last(String path, PlannedTask t, Instant now) {
        Instant when = t.completed() != null ? t.completed() : t.assigned() != null ? t.assigned() : t.created();
        return event(land(when, path.hashCode(), 3, null, now), SYNC, new Message("Add %s", path, null), null, path, path, null);
    }

    /** When a change made at {@code at} is committed: a few minutes later, after the task's previous commit, never after now. */
    private static Instant land(Instant at, int hash, int step, Instant previous, Instant now) {
        Instant t = at.plusSeconds(60L * (5 + Math.floorMod(hash * 31 + step, 50)));
        if (previous != null && !t.isAfter(previous)) t = previous.plusSeconds(1);
        return t.isAfter(now) ? now : t;
    }

    private static Event event(Instant at, Person who, Message message, String from, String to, String file, String batch) {
        return new Event(at, 0, who, message, new Move(from, to, file), batch);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
