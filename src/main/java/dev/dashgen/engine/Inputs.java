package dev.dashgen.engine;

import dev.dashgen.model.Problem;
import dev.dashgen.history.GitTree;
import dev.dashgen.history.History;
import dev.dashgen.history.HistoryException;
import dev.dashgen.history.HistoryReader;
import dev.dashgen.model.Progress;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.DocumentRefs;
import dev.dashgen.portfolio.Repository;
import dev.dashgen.tasks.Dependency;
import dev.dashgen.tasks.Task;
import dev.dashgen.site.Theme;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.TaskReader;
import dev.dashgen.telemetry.Telemetry;
import dev.dashgen.telemetry.TelemetryFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one input pipeline of every command: reads a {@link Project}'s config, task files, telemetry and theme
 * into {@link SiteInputs}, and (for {@code serve}) turns each batch of changed paths into the next inputs and
 * the {@link Change} that leads there. Re-reads only the files named; a config change resolves the project
 * again. Not thread-safe: one batch at a time.
 */
public final class Inputs {

    /** Inputs after a batch of changes, and what changed. */
    public record Update(SiteInputs inputs, Change change) {}

    private final Supplier<Project> projects;
    private final Clock live;
    private final Progress progress;
    private Project project;
    private Theme theme;
    private TelemetryFeed feed;
    private Telemetry telemetry;
    private List<PathMatcher> excluded;
    private final SortedMap<String, ParsedFile> parsed = new TreeMap<>();
    private final SortedMap<String, String> unread = new TreeMap<>(); // task file -> its top folder
    /** For each task file naming documents in its dependencies, those that exist (paths from the repository root). */
    private final SortedMap<String, SortedSet<String>> documents = new TreeMap<>();
    /** Task files naming documents, as parsed before the documents were looked up: to look them up again. */
    private final SortedMap<String, ParsedFile> naming = new TreeMap<>();
    private Repository repository;
    /** What {@link #namedElsewhere()} says, until the tasks name other files; null when not known yet. */
    private Set<Path> named;
    private History history = History.ABSENT;
    private SiteInputs current;

    /**
     * {@code projects} resolves the project (again after a config change). {@code live} is the clock a long-running
     * serve counts telemetry rows up to, while its {@code now} stays where it started; null for a one-shot command.
     */
    public Inputs(Supplier<Project> projects, Clock live) {
        this(projects, live, Progress.NONE);
    }

    /** {@code progress} hears how far a first read has got, for a long build's progress line. */
    public Inputs(Supplier<Project> projects, Clock live, Progress progress) {
        this.projects = projects;
        this.live = live;
        this.progress = progress;
    }

    /** The inputs of a one-shot command: read once. */
    public static SiteInputs read(Project project) throws IOException {
        return read(project, Progress.NONE);
    }

    public static SiteInputs read(Project project, Progress progress) throws IOException {
        return read(project, progress, () -> { });
    }

    /**
     * As {@link #read(Project, Progress)}, running {@code beforeFiles} once the telemetry and the history are being read
     * on their threads, before the first file of the work tree, the theme or the repository is.
     */
    public static SiteInputs read(Project project, Progress progress, BeforeFiles beforeFiles) throws IOException {
        Inputs inputs = new Inputs(() -> project, null, progress);
        inputs.beforeFiles = beforeFiles;
        return inputs.readAll().inputs();
    }

    /** What a build does between starting to read the telemetry and history and reading the files: look at them all. */
    @FunctionalInterface
    public interface BeforeFiles {
        void run() throws IOException;
    }

    private BeforeFiles beforeFiles = () -> { };

    public Project project() {
        return project;
    }

    public SiteInputs current() {
        return current;
    }

    /** The tasks and telemetry of a command that renders no site (check, snapshot). */
    public record Model(Workspace workspace, Telemetry telemetry) {}

    /** Reads the tasks and, with {@code telemetry}, the telemetry of {@code project}; no theme. */
    public static Model model(Project project, boolean telemetry) throws IOException {
        Inputs inputs = new Inputs(() -> project, null);
        inputs.project = project;
        inputs.readModel(telemetry, false);
        return new Model(inputs.model(), inputs.telemetry);
    }

    /** Reads everything: the first build, or again after a rescan. */
    public Update readAll() throws IOException {
        project = projects.get();
        // The Git history is read on a thread of its own while the task files are parsed.
        CompletableFuture<HistoryRead> reading = CompletableFuture.supplyAsync(this::historyRead,
                job -> new Thread(job, "history").start());
        readModel(true, true);
        progress.phase("reading Git history", 0);
        accept(Futures.join(reading));
        current = inputs(model());
        return new Update(current, new Change.Everything());
    }

    private SiteInputs inputs(Workspace ws) {
        SortedSet<String> found = new TreeSet<>();
        documents.values().forEach(found::addAll);
        return new SiteInputs(project.config(), ws, telemetry, theme, project.now(), project.version(), project.baseUrl(),
                repository, found, history);
    }

    /** Reads the project's task files, telemetry (unless not wanted) and theme (for a site). */
    private void readModel(boolean withTelemetry, boolean withTheme) throws IOException {
        excluded = TaskReader.matchers(project.config().exclude());
        feed = project.telemetry() == null || !withTelemetry ? null
                : new TelemetryFeed(project.telemetry(), project.config().reportDays(), project.nowFromClock());
        // The telemetry is aggregated (mostly inside SQLite) while the task files are parsed.
        CompletableFuture<Telemetry> reading = CompletableFuture.supplyAsync(this::readTelemetry,
                job -> new Thread(job, "telemetry").start());
        if (!Files.isDirectory(project.work())) throw new IOException("work tree " + project.work() + " is gone");
        beforeFiles.run();
        beforeFiles = () -> { };
        TaskReader.Result read = project.at() == null
                ? TaskReader.read(project.work(), project.config().exclude(), project.config().lanes().source(), progress)
                : TaskReader.read(tree(), project.config().exclude(), project.config().lanes().source());
        progress.phase("reading the telemetry, theme and repository", 0);
        if (withTheme) theme = Theme.load(project.templates(), project.assets());
        telemetry = reading.join();
        parsed.clear();
        unread.clear();
        documents.clear();
        naming.clear();
        for (ParsedFile f : read.files()) parsed.put(f.file(), withDocuments(f));
        unread.putAll(read.unread());
        repository = Repository.read(project.work(), project.out(), project.config(), tasks());
        named = null;
    }

    /** The work tree's files as of {@code --at}, from the commit's tree. */
    private SortedMap<String, byte[]> tree() throws IOException {
        try {
            return GitTree.files(project.work(), project.at());
        } catch (HistoryException e) {
            throw new InputError(true, e.getMessage());
        }
    }

    /**
     * The work tree's Git history (PRODUCT.md §4.3), read through the cache in the output folder's {@code .dashgen/};
     * absent outside Git or with history off. A repository that cannot be read is a warning, not a failed build.
     */
    private History readHistory() {
        progress.phase("reading Git history", 0);
        return accept(historyRead());
    }

    /** The history as read, and the warning that says why there is none when it cannot be read. */
    private record HistoryRead(History history, List<Problem> problems) {}

    private HistoryRead historyRead() {
        if (!project.config().history()) return new HistoryRead(History.ABSENT, List.of());
        try {
            return new HistoryRead(HistoryReader.read(project.work(), project.config().exclude(), project.at(),
                    project.out().resolve(".dashgen")).history(), List.of());
        } catch (HistoryException e) {
            throw new InputError(true, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new HistoryRead(History.ABSENT, List.of(Problem.warning(project.name(project.repoRoot().resolve(".git")), 0, 0,
                    "the Git history cannot be read (" + e.getMessage() + "); pages show no history and flow uses the"
                            + " task files' timestamps — check the repository, or set history: off")));
        }
    }

    private History accept(HistoryRead read) {
        historyProblems = read.problems();
        history = read.history();
        return history;
    }

    private List<Problem> historyProblems = List.of();

    /** Whether {@code p} is one of the Git files that say where HEAD is: serve reads the history again. */
    private boolean isGitHead(Path p) {
        Path git = project.repoRoot().resolve(".git");
        return project.config().history() && project.at() == null && p.startsWith(git);
    }

    private List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        for (ParsedFile f : parsed.values()) {
            if (f.task() != null) tasks.add(f.task());
        }
        return tasks;
    }

    /**
     * {@code f} with a warning for each document its dependencies name that is not in the repository (PRODUCT.md
     * §2), noting the ones that are, which its page links.
     */
    private ParsedFile withDocuments(ParsedFile f) {
        documents.remove(f.file());
        naming.remove(f.file());
        if (f.task() == null || f.task().references().stream().noneMatch(d -> d instanceof Dependency.DocumentRef)) return f;
        naming.put(f.file(), f);
        DocumentRefs.Result refs = DocumentRefs.read(List.of(f.task()), project.repoRoot());
        if (!refs.found().isEmpty()) documents.put(f.file(), refs.found());
        if (refs.problems().isEmpty()) return f;
        List<Problem> problems = new ArrayList<>(f.problems());
        problems.addAll(refs.problems());
        return new ParsedFile(f.file(), f.task(), problems);
    }

    /**
     * Applies a batch of changed paths (absolute): the config file resolves the project again and reads
     * everything; a theme file reloads the theme; the telemetry database folds in its new rows; a work-tree path
     * re-reads that file, or the folder under it. An empty batch means "read everything again" (after a
     * watcher overflow). On failure nothing was changed.
     */
    public Update apply(Collection<Path> paths) throws IOException {
        return apply(paths, false);
    }

    /** As {@link #apply(Collection)}; {@code polled}: the telemetry source (a server, polled) has new rows. */
    public Update apply(Collection<Path> paths, boolean polled) throws IOException {
        if (paths.isEmpty() && !polled || paths.stream().anyMatch(p -> p.equals(project.configFile()))) return readAll();
        boolean themeChanged = false;
        boolean telemetryChanged = polled;
        boolean repositoryChanged = false;
        boolean historyChanged = false;
        List<Path> folders = repository.folders(project.config());
        for (Path p : paths) {
            if (isGitHead(p)) historyChanged = true;
            else if (isUnder(p, project.templates()) || isUnder(p, project.assets())) themeChanged = true;
            else if (isTelemetry(p)) telemetryChanged = true;
            else if (!isUnder(p, project.work()) && (folders.stream().anyMatch(f -> isUnder(p, f)) || namedElsewhere().contains(p))) {
                repositoryChanged = true;
            }
        }
        Change change = null;
        if (themeChanged) {
            theme = Theme.load(project.templates(), project.assets());
            change = new Change.Everything();
        }
        Workspace ws = current.workspace();
        List<Problem> problemsBefore = telemetryProblems();
        if (telemetryChanged) {
            telemetry = readTelemetry();
            change = Change.both(change, feed.appendedLast() ? new Change.TelemetryAppended() : new Change.CostsChanged());
        }
        Edit edit = edit(new LinkedHashSet<>(paths), ws);
        if (edit.change() != null) {
            change = Change.both(change, edit.change());
            ws = edit.workspace();
            // A task that links another specification (or one that came or went) may bring a file into the portfolio.
            if (!repositoryChanged && !(edit.change() instanceof Change.TasksReplaced t && sameSpecifications(t, current.workspace(), ws))) {
                repository = repository.withSpecs(tasks(), project.config());
                named = null;
                change = Change.both(change, new Change.RepositoryChanged());
            }
        }
        if (historyChanged) {
            List<Problem> was = historyProblems;
            history = readHistory();
            if (!was.equals(historyProblems)) ws = ws.withReadProblems(was, historyProblems);
            change = Change.both(change, new Change.HistoryChanged());
        }
        if (repositoryChanged) {
            repository = Repository.read(project.work(), project.out(), project.config(), tasks());
            for (ParsedFile f : List.copyOf(naming.values())) parsed.put(f.file(), withDocuments(f));
            ws = model();
            change = Change.both(change, new Change.RepositoryChanged());
        }
        if (!problemsBefore.equals(telemetryProblems())) {
            // A workspace made again from every file has the new problems already.
            if (!(edit.change() instanceof Change.TasksAddedOrRemoved)) ws = ws.withReadProblems(problemsBefore, telemetryProblems());
            change = Change.both(change, new Change.ProblemsChanged());
        }
        current = inputs(ws);
        return new Update(current, change == null ? new Change.Several(List.of()) : change);
    }

    /**
     * The documents and specifications the tasks name outside the work tree and the repository's folders, as absolute
     * paths: serve follows them one by one ({@link Repository#namedElsewhere}).
     */
    public Set<Path> namedElsewhere() {
        if (named == null) {
            Set<Path> paths = new HashSet<>();
            Path root = project.repoRoot().toAbsolutePath();
            for (String path : Repository.namedElsewhere(root, project.work(), project.config(), tasks())) {
                paths.add(root.resolve(path).normalize());
            }
            named = Set.copyOf(paths);
        }
        return named;
    }

    private static boolean sameSpecifications(Change.TasksReplaced replaced, Workspace before, Workspace after) {
        for (int i : replaced.indices()) {
            if (!java.util.Objects.equals(before.tasks().get(i).specification(), after.tasks().get(i).specification())) return false;
        }
        return true;
    }



    /** The workspace after re-reading work-tree paths, and how it changed; a null change when it did not. */
    private record Edit(Workspace workspace, Change change) {}

    /**
     * Re-reads the changed work-tree files. When each was a task file before and after and the edit leaves
     * ids and dependencies alone (the usual edit: a title, a status, a description), the workspace is patched
     * and the change names the replaced tasks; otherwise it is made again from every file.
     */
    private Edit edit(Collection<Path> changed, Workspace ws) {
        List<ParsedFile> before = new ArrayList<>();
        List<ParsedFile> after = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        boolean structural = false;
        for (Path p : changed) {
            if (!isUnder(p, project.work())) continue;
            String rel = project.work().relativize(p).toString().replace('\\', '/');
            ParsedFile old = parsed.get(rel);
            boolean wasUnread = unread.containsKey(rel);
            Set<String> files = apply(p);
            touched.addAll(files);
            ParsedFile now = parsed.get(rel);
            if (old != null && now != null && files.size() == 1) {
                before.add(old);
                after.add(now);
            } else if (!files.isEmpty() || wasUnread != unread.containsKey(rel)) {
                structural = true;
            }
        }
        if (!structural && before.isEmpty()) return new Edit(ws, null);
        if (!structural) {
            Optional<Workspace> next = ws.replacing(before, after);
            if (next.isPresent()) {
                int[] indices = after.stream().mapToInt(f -> next.get().indexOf(f.file())).toArray();
                return new Edit(next.get(), new Change.TasksReplaced(indices));
            }
        }
        return new Edit(model(), new Change.TasksAddedOrRemoved(touched));
    }

    /**
     * Re-reads one work-tree path: a file, a new folder (with what is already in it), or a deleted one.
     * Returns the task and unread files it touched (relative to the work root).
     */
    private Set<String> apply(Path p) {
        String rel = project.work().relativize(p).toString().replace('\\', '/');
        Set<String> touched = new HashSet<>();
        if (Files.isDirectory(p)) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile).forEach(f -> touched.addAll(apply(f)));
            } catch (IOException | java.io.UncheckedIOException e) {
                // the folder went away while being read; its own delete event follows
            }
            return touched;
        }
        if (!Files.exists(p)) {
            String prefix = rel + "/";
            for (SortedMap<String, ?> map : List.of(parsed, unread, documents, naming)) {
                map.keySet().removeIf(k -> {
                    boolean gone = k.equals(rel) || k.startsWith(prefix);
                    if (gone) touched.add(k);
                    return gone;
                });
            }
            return touched;
        }
        switch (TaskReader.classify(rel, excluded)) {
            case TASK -> {
                parsed.put(rel, withDocuments(TaskReader.readOne(project.work(), rel, project.config().lanes().source())));
                touched.add(rel);
            }
            case UNREAD -> {
                unread.put(rel, TaskReader.topFolder(rel));
                touched.add(rel);
            }
            case IGNORED -> { }
        }
        return touched;
    }

    /** The workspace of the files read, with the problems found outside them. */
    private Workspace model() {
        List<Problem> problems = new ArrayList<>(project.configProblems());
        problems.addAll(repository.problems());
        problems.addAll(historyProblems);
        problems.addAll(TaskReader.unreadProblems(unread, project.prefix()));
        problems.addAll(telemetryProblems());
        return Workspace.of(List.copyOf(parsed.values()), problems, project.prefix());
    }

    /** The telemetry's problems, naming the database as every problem names its file. */
    private List<Problem> telemetryProblems() {
        if (!(telemetry instanceof Telemetry.Available a)) return List.of();
        String name = project.telemetryName();
        return a.problems().stream().map(p -> p.file().equals(project.telemetry()) ? p.at(name) : p).toList();
    }

    /**
     * Rows count up to now, or for a serve whose clock goes on, up to the clock's minute: its telemetry service
     * goes on writing rows dated by the clock while the pages keep the {@code now} serve started with.
     */
    private Telemetry readTelemetry() {
        if (feed == null) return null;
        Instant now = project.now();
        Instant horizon = live == null ? now : live.instant().truncatedTo(ChronoUnit.MINUTES);
        return feed.read(now, horizon.isAfter(now) ? horizon : now);
    }

    /** The telemetry database or its {@code -wal} (serve follows no other file of it). */
    private boolean isTelemetry(Path p) {
        if (project.telemetry() == null || project.telemetry().startsWith("jdbc:")) return false;
        String db = Path.of(project.telemetry()).toAbsolutePath().normalize().toString();
        String s = p.toAbsolutePath().normalize().toString();
        return s.equals(db) || s.equals(db + "-wal");
    }

    private static boolean isUnder(Path p, Path dir) {
        return dir != null && p.startsWith(dir);
    }
}
