package dev.dashgen.serve;

import dev.dashgen.engine.Build;
import dev.dashgen.engine.Change;
import dev.dashgen.engine.Engine;
import dev.dashgen.engine.Inputs;
import dev.dashgen.engine.Project;
import dev.dashgen.engine.SiteInputs;
import dev.dashgen.model.Problem;
import dev.dashgen.model.Workspace;
import dev.dashgen.output.SiteWriter;
import dev.dashgen.site.Site;
import dev.dashgen.tasks.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps a served site up to date: the {@link Inputs} turn changed paths into the next inputs and the change,
 * the {@link Engine} builds from the last build and that change, and the writer writes only files whose bytes
 * changed. The site it writes equals a fresh {@code build} of the same inputs. Not thread-safe: one rebuild
 * at a time.
 */
public final class Rebuilder {

    /**
     * What one rebuild did: site paths written and removed, the problems now, task moves, and its time;
     * {@code deferred} for the pages it rendered after the reload ({@link #complete()}).
     */
    public record Result(List<String> written, List<String> removed, List<Problem> problems,
                         List<TaskMove> moves, long micros, boolean deferred) {
        public Result(List<String> written, List<String> removed, List<Problem> problems, List<TaskMove> moves, long micros) {
            this(written, removed, problems, moves, micros, false);
        }

        public Result {
            written = List.copyOf(written);
            removed = List.copyOf(removed);
            problems = List.copyOf(problems);
            moves = List.copyOf(moves);
        }
    }

    /** A task that appeared, moved between lanes or disappeared; {@code from} or {@code to} is null then. */
    public record TaskMove(String id, String title, String from, String to, String file) {}

    private final Inputs inputs;
    private final Engine engine = new Engine();
    private SiteWriter writer;
    private Build build;
    /** What a failed rebuild read but did not build: it goes into the next one with what comes then. */
    private Change pending;

    /** {@code live}: the clock telemetry rows are counted up to (see {@link Inputs}). */
    public Rebuilder(Supplier<Project> projects, Clock live) {
        this.inputs = new Inputs(projects, live);
    }

    public Project project() {
        return inputs.project();
    }

    public Site site() {
        return build.site();
    }

    /** The files the tasks name outside the folders serve follows: {@link Inputs#namedElsewhere()}. */
    public Set<Path> namedElsewhere() {
        return inputs.namedElsewhere();
    }

    /** Reads everything, builds and writes the whole site. */
    public Result initial() throws IOException {
        long start = System.nanoTime();
        Inputs.Update update = inputs.readAll();
        build = engine.complete(engine.build(update.inputs(), null, update.change()));
        writer = new SiteWriter(inputs.project().out());
        SiteWriter.Result w = writer.write(build.site());
        return new Result(w.written(), w.removed(), update.inputs().workspace().problems(), List.of(),
                (System.nanoTime() - start) / 1000);
    }

    /**
     * Applies changed paths (absolute); an empty collection means "read everything again" (after a watcher
     * overflow). On failure the previous build and site stay as they were and the exception says why.
     */
    public Result rebuild(Collection<Path> changed) throws IOException {
        return rebuild(changed, false);
    }

    /** As {@link #rebuild(Collection)}; {@code telemetry}: a telemetry server with no file to watch has new rows. */
    public Result rebuild(Collection<Path> changed, boolean telemetry) throws IOException {
        long start = System.nanoTime();
        Path out = inputs.project().out();
        Inputs.Update update = inputs.apply(changed, telemetry);
        Change change = pending == null ? update.change() : new Change.Several(List.of(pending, update.change()));
        pending = change;
        Build next = engine.build(update.inputs(), build, change);
        SiteWriter.Result w;
        if (!inputs.project().out().equals(out)) { // the config names another output folder
            writer = new SiteWriter(inputs.project().out());
            w = writer.write(next.site());
        } else {
            w = writer.update(build.site(), next.site(), next.changed(), next.removed(), next.full());
        }
        List<TaskMove> moves = moves(build.inputs(), next.inputs(), change);
        build = next;
        pending = null;
        return new Result(w.written(), w.removed(), next.inputs().workspace().problems(), moves,
                (System.nanoTime() - start) / 1000);
    }

    /**
     * Renders what the last rebuild deferred (flow metrics) and writes it: call once browsers were told of the rebuild,
     * so the pages an edit is about never wait for it. Empty written and removed lists when there was nothing to do.
     */
    public Result complete() throws IOException {
        long start = System.nanoTime();
        Build next = engine.complete(build);
        SiteWriter.Result w = next == build ? new SiteWriter.Result(List.of(), 0, List.of())
                : writer.update(build.site(), next.site(), next.changed(), next.removed(), false);
        build = next;
        return new Result(w.written(), w.removed(), next.inputs().workspace().problems(), List.of(),
                (System.nanoTime() - start) / 1000, true);
    }

    /** Deletes replaced files' old bytes; call after clients were told, since no page depends on them. */
    public void tidy() throws IOException {
        writer.deleteOldBytes();
    }

    /**
     * As {@link #tidy()}, writes the output manifest and tidies what the build keeps for the next one: at
     * 100,000 tasks that takes as long as a rebuild, so serve does it once changes pause.
     */
    public void finish() throws IOException {
        writer.finish();
        build = engine.settle(build);
    }

    /** Moves by task id: a file that changed folder keeps its id, so it is one move, not a delete and a create. */
    static List<TaskMove> moves(SiteInputs before, SiteInputs after, Change change) {
        List<TaskMove> moves = new ArrayList<>();
        Workspace was = before.workspace();
        Workspace is = after.workspace();
        List<Change> parts = new ArrayList<>();
        flatten(change, parts);
        if (parts.stream().anyMatch(c -> c instanceof Change.TasksAddedOrRemoved || c instanceof Change.Everything)) {
            Map<String, Task> old = was.byId();
            is.byId().forEach((id, t) -> move(old.get(id), t, moves));
            old.forEach((id, o) -> {
                if (!is.byId().containsKey(id)) moves.add(new TaskMove(id, o.title(), o.lane().id(), null, o.file()));
            });
        } else {
            // Tasks replaced in place keep their index: a move is a lane change at one of those.
            java.util.BitSet seen = new java.util.BitSet();
            for (Change c : parts) {
                if (!(c instanceof Change.TasksReplaced replaced)) continue;
                for (int i : replaced.indices()) {
                    if (!seen.get(i)) move(was.tasks().get(i), is.tasks().get(i), moves);
                    seen.set(i);
                }
            }
        }
        moves.sort(Comparator.comparing(TaskMove::id));
        return moves;
    }

    private static void flatten(Change change, List<Change> out) {
        if (change instanceof Change.Several several) several.changes().forEach(c -> flatten(c, out));
        else out.add(change);
    }

    private static void move(Task o, Task t, List<TaskMove> moves) {
        if (o == null) moves.add(new TaskMove(t.id(), t.title(), null, t.lane().id(), t.file()));
        else if (o.lane() != t.lane()) moves.add(new TaskMove(t.id(), t.title(), o.lane().id(), t.lane().id(), t.file()));
    }
}
