package dev.dashgen.serve;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Workspace;
import dev.dashgen.site.Site;
import dev.dashgen.site.SiteBuilder;
import dev.dashgen.site.SiteInputs;
import dev.dashgen.site.SiteWriter;
import dev.dashgen.site.Theme;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskReader;
import dev.dashgen.telemetry.Telemetry;
import dev.dashgen.telemetry.TelemetryFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Keeps a served site up to date: applies changed paths to the previous inputs (re-reading only
 * changed task files), rebuilds, and writes only the files whose bytes changed. The site it writes
 * equals a fresh {@code build} of the same inputs. Not thread-safe: one rebuild at a time.
 */
public final class Rebuilder {

    /** What one rebuild did: site paths written and removed, the problems now, task moves, and its time. */
    public record Result(List<String> written, List<String> removed, List<Problem> problems,
                         List<TaskMove> moves, long micros) {
        public Result {
            written = List.copyOf(written);
            removed = List.copyOf(removed);
            problems = List.copyOf(problems);
            moves = List.copyOf(moves);
        }
    }

    /** A task that appeared, moved between lanes or disappeared; {@code from} or {@code to} is null then. */
    public record TaskMove(String id, String title, String from, String to, String file) {}

    private final Supplier<Setup> setups;
    private Setup setup;
    private Theme theme;
    private SiteBuilder builder;
    private SiteWriter writer;
    private List<PathMatcher> excluded;
    private final SortedMap<String, ParsedFile> parsed = new TreeMap<>();
    private final SortedMap<String, String> unread = new TreeMap<>(); // rel path -> top folder
    private Workspace workspace;
    private Site site;
    private Telemetry telemetry;
    private TelemetryFeed feed;

    public Rebuilder(Supplier<Setup> setups) {
        this.setups = setups;
    }

    public Setup setup() {
        return setup;
    }

    public Site site() {
        return site;
    }

    /** Reads everything, builds and writes the whole site. */
    public Result initial() throws IOException {
        long start = System.nanoTime();
        reload();
        rescan();
        Workspace before = workspace;
        workspace = model();
        site = builder.build(inputs());
        SiteWriter.Result w = writer.write(site);
        return new Result(w.written(), w.removed(), workspace.problems(), moves(before, workspace), (System.nanoTime() - start) / 1000);
    }

    /**
     * Applies changed paths (absolute). The config file or a theme file reloads those; a work-tree path
     * re-reads just that file, or the folder under it. An empty collection means "rescan everything"
     * (after a watcher overflow). On failure the previous site stays as it was and the exception says why.
     */
    public Result rebuild(Collection<Path> changed) throws IOException {
        long start = System.nanoTime();
        patched = null;
        boolean full = changed.isEmpty();
        boolean themeChanged = false;
        boolean telemetryChanged = false;
        for (Path p : changed) {
            if (setup.configFile() != null && p.equals(setup.configFile())) full = true;
            else if (isUnder(p, setup.templates()) || isUnder(p, setup.assets())) themeChanged = true;
            else if (isTelemetry(p)) telemetryChanged = true;
        }
        Workspace before = workspace;
        Workspace next;
        if (full) {
            reload();
            rescan();
            next = model();
        } else {
            if (themeChanged) theme();
            // The model holds telemetry's problems; when those stay the same, a commit leaves it as it was.
            List<Problem> telemetryProblems = telemetryProblems();
            if (telemetryChanged) readTelemetry();
            next = applyEdits(new java.util.LinkedHashSet<>(changed), !telemetryProblems.equals(telemetryProblems()));
        }
        Site nextSite = builder.build(inputs(next));
        SiteWriter.Result w = writer.update(site, nextSite);
        workspace = next;
        site = nextSite;
        List<TaskMove> moves = patched != null ? moves(patched) : moves(before, next);
        return new Result(w.written(), w.removed(), next.problems(), moves, (System.nanoTime() - start) / 1000);
    }

    /**
     * Re-reads the changed work-tree files. When each was a task file before and after and the edit
     * leaves ids and dependencies alone (the usual edit: a title, a status, a description), the model
     * is patched in place of being rebuilt from every file.
     */
    private Workspace applyEdits(Collection<Path> changed, boolean structural) {
        patched = null;
        List<ParsedFile> before = new ArrayList<>();
        List<ParsedFile> after = new ArrayList<>();
        for (Path p : changed) {
            if (!isUnder(p, setup.work())) continue;
            String rel = setup.work().relativize(p).toString().replace('\\', '/');
            ParsedFile old = parsed.get(rel);
            apply(p);
            ParsedFile now = parsed.get(rel);
            if (old != null && now != null) {
                before.add(old);
                after.add(now);
            } else {
                structural = true;
            }
        }
        if (structural) return model();
        if (before.isEmpty()) return workspace;
        java.util.Optional<Workspace> next = workspace.replacing(before, after);
        if (next.isEmpty()) return model();
        patched = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) patched.add(new Task[] {before.get(i).task(), after.get(i).task()});
        return next.get();
    }

    /** The tasks a patched model replaced, before and after; null when the model was built whole. */
    private List<Task[]> patched;

    /** Deletes replaced files' old bytes; call after clients were told, since no page depends on them. */
    public void tidy() throws IOException {
        writer.deleteOldBytes();
    }

    /**
     * As {@link #tidy()}, writes the output manifest and tidies what the builder left for later: at 100,000
     * tasks that takes as long as a rebuild, so serve does it once changes pause.
     */
    public void finish() throws IOException {
        writer.finish();
        builder.settle();
    }

    private void reload() throws IOException {
        setup = setups.get();
        feed = setup.telemetry() == null ? null : new TelemetryFeed(setup.telemetry(), setup.config().reportDays());
        readTelemetry();
        excluded = TaskReader.matchers(setup.config().exclude());
        writer = writer == null || !setup.out().equals(writerOut) ? new SiteWriter(setup.out()) : writer;
        writerOut = setup.out();
        theme();
    }

    private Path writerOut;

    private void theme() throws IOException {
        theme = Theme.load(setup.templates(), setup.assets());
        builder = new SiteBuilder(theme);
    }

    private void rescan() throws IOException {
        parsed.clear();
        unread.clear();
        Path work = setup.work();
        if (!Files.isDirectory(work)) throw new IOException("work tree " + work + " is gone");
        try (Stream<Path> walk = Files.walk(work)) {
            walk.filter(Files::isRegularFile).forEach(this::apply);
        }
    }

    /** Re-reads one work-tree path: a file, a new folder (with what is already in it), or a deleted one. */
    private void apply(Path p) {
        String rel = setup.work().relativize(p).toString().replace('\\', '/');
        if (Files.isDirectory(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).forEach(this::apply);
            } catch (IOException e) {
                // the folder went away while being read; its own delete event follows
            }
            return;
        }
        if (!Files.exists(p)) {
            String prefix = rel + "/";
            parsed.keySet().removeIf(k -> k.equals(rel) || k.startsWith(prefix));
            unread.keySet().removeIf(k -> k.equals(rel) || k.startsWith(prefix));
            return;
        }
        switch (TaskReader.classify(rel, excluded)) {
            case TASK -> parsed.put(rel, TaskReader.readOne(setup.work(), rel, setup.config().lanes().source()));
            case UNREAD -> unread.put(rel, TaskReader.topFolder(rel));
            case IGNORED -> { }
        }
    }

    private Workspace model() {
        SortedMap<String, Integer> folders = new TreeMap<>();
        unread.values().forEach(top -> folders.merge(top, 1, Integer::sum));
        List<Problem> problems = new ArrayList<>(setup.configProblems());
        problems.addAll(TaskReader.unreadProblems(folders));
        problems.addAll(telemetryProblems());
        return Workspace.of(List.copyOf(parsed.values()), problems);
    }

    private List<Problem> telemetryProblems() {
        return telemetry instanceof Telemetry.Available a ? a.problems() : List.of();
    }

    private SiteInputs inputs() {
        return inputs(workspace);
    }

    private SiteInputs inputs(Workspace ws) {
        return new SiteInputs(ws, setup.config(), setup.now(), setup.version(), setup.baseUrl(), telemetry);
    }

    /** A commit of the telemetry service costs the rows it added, not a re-read of its history. */
    private void readTelemetry() {
        telemetry = feed == null ? null : feed.read(setup.now(), setup.telemetryHorizon());
    }

    /** The telemetry database or its {@code -wal} / {@code -journal} companions. */
    private boolean isTelemetry(Path p) {
        if (setup.telemetry() == null || setup.telemetry().startsWith("jdbc:")) return false;
        String db = Path.of(setup.telemetry()).toAbsolutePath().normalize().toString();
        String s = p.toAbsolutePath().normalize().toString();
        return s.equals(db) || s.equals(db + "-wal") || s.equals(db + "-journal");
    }

    private static boolean isUnder(Path p, Path dir) {
        return dir != null && p.startsWith(dir);
    }

    /** Moves among patched tasks: ids and files stay, so only a lane can change. */
    private static List<TaskMove> moves(List<Task[]> patched) {
        List<TaskMove> moves = new ArrayList<>();
        for (Task[] pair : patched) {
            Task o = pair[0];
            Task t = pair[1];
            if (o.lane() != t.lane()) moves.add(new TaskMove(t.id(), t.title(), o.lane().id(), t.lane().id(), t.file()));
        }
        moves.sort(java.util.Comparator.comparing(TaskMove::id));
        return moves;
    }

    /** Moves by task id: a file that changed folder keeps its id, so it is one move, not a delete and a create. */
    static List<TaskMove> moves(Workspace before, Workspace after) {
        List<TaskMove> moves = new ArrayList<>();
        if (before == null || before == after) return moves;
        Map<String, Task> old = before.byId();
        after.byId().forEach((id, t) -> {
            Task o = old.get(id);
            if (o == null) moves.add(new TaskMove(id, t.title(), null, t.lane().id(), t.file()));
            else if (o.lane() != t.lane()) moves.add(new TaskMove(id, t.title(), o.lane().id(), t.lane().id(), t.file()));
        });
        old.forEach((id, o) -> {
            if (!after.byId().containsKey(id)) moves.add(new TaskMove(id, o.title(), o.lane().id(), null, o.file()));
        });
        moves.sort(java.util.Comparator.comparing(TaskMove::id));
        return moves;
    }
}
