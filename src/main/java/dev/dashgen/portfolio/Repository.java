package dev.dashgen.portfolio;

import dev.dashgen.config.Config;
import dev.dashgen.model.Problem;
import dev.dashgen.tasks.Dependency;
import dev.dashgen.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the site reads of the repository around the work tree besides task files: where it is and its web
 * links, the specifications, the agent profiles, and its file list (what {@code links.patterns} link to).
 */
public record Repository(Repo repo, SpecReader.Specs specs, AgentProfiles.Profiles profiles, List<String> files) {

    public Repository {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(profiles, "profiles");
        files = List.copyOf(files);
    }

    /** Reads it; {@code tasks} name the specifications they link to, {@code out} is left out of the file list. */
    public static Repository read(Path work, Path out, Config config, Collection<Task> tasks) {
        Repo repo = Repo.read(work, config.repoUrl());
        return new Repository(repo, SpecReader.read(repo.root(), config.specs(), tasks), AgentProfiles.read(repo.root()),
                RepoFiles.list(repo.root(), out, linkFolders(config)));
    }

    /** No specifications, profiles or files: for a site built from task files alone. */
    public static Repository none(Path root) {
        return new Repository(new Repo(root, "", null, null, RepoLinks.NONE), SpecReader.Specs.NONE,
                AgentProfiles.Profiles.NONE, List.of());
    }

    /** The same repository with the specifications read again (a task now links another file). */
    public Repository withSpecs(Collection<Task> tasks, Config config) {
        return new Repository(repo, SpecReader.read(repo.root(), config.specs(), tasks), profiles, files);
    }

    /** The folders link patterns name files in: each glob up to its first wildcard ("" when it starts with one). */
    static List<String> linkFolders(Config config) {
        List<String> folders = new ArrayList<>();
        for (Config.LinkPattern p : config.linkPatterns()) {
            String glob = p.glob();
            int wild = glob.length();
            for (String w : List.of("*", "?", "[", "{", "$")) {
                int at = glob.indexOf(w);
                if (at >= 0) wild = Math.min(wild, at);
            }
            int slash = glob.lastIndexOf('/', wild);
            String folder = slash < 0 ? "" : glob.substring(0, slash);
            if (!folders.contains(folder)) folders.add(folder);
        }
        return folders;
    }

    /** Problems in specifications and agent profiles, naming files from the repository root. */
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(specs.problems());
        all.addAll(profiles.problems());
        return all;
    }

    /**
     * The folders whose files these are, for serve to watch: the specifications, the agent profiles, and the first
     * folder of each link pattern's glob.
     */
    public List<Path> folders(Config config) {
        return folders(repo.root(), config);
    }

    /** As {@link #folders(Config)}, for the repository at {@code root}. */
    public static List<Path> folders(Path root, Config config) {
        List<Path> folders = new ArrayList<>();
        folders.add(root.resolve(config.specs()).normalize());
        folders.add(root.resolve(".github/agents"));
        for (Config.LinkPattern p : config.linkPatterns()) {
            String glob = p.glob();
            int slash = glob.indexOf('/');
            String first = slash < 0 ? "" : glob.substring(0, slash);
            if (!first.isEmpty() && !first.contains("*") && !first.contains("$")) folders.add(root.resolve(first).normalize());
        }
        return folders.stream().distinct().toList();
    }

    /**
     * The documents and specifications {@code tasks} name (paths from the repository at {@code root}, as a build
     * looks them up) that lie neither in {@code work} nor in {@link #folders}: nothing follows those folders for them,
     * yet such a file appearing, changing or going changes a task's page or the portfolio.
     */
    public static List<String> namedElsewhere(Path root, Path work, Config config, Collection<Task> tasks) {
        List<Path> followed = new ArrayList<>();
        for (Path folder : folders(root, config)) followed.add(folder.toAbsolutePath().normalize());
        followed.add(work.toAbsolutePath().normalize());
        Path top = root.toAbsolutePath().normalize();
        // Many tasks name the same few files: each is resolved once (serve asks after every rebuild).
        Set<String> named = new HashSet<>();
        for (Task t : tasks) {
            if (t.specification() != null) named.add(t.specification());
            for (Dependency dep : t.references()) {
                if (dep instanceof Dependency.DocumentRef doc) named.add(doc.path());
            }
        }
        TreeSet<String> paths = new TreeSet<>();
        for (String name : named) {
            RepoPath path = RepoPath.of(name);
            if (!path.inside()) continue;
            Path file = top.resolve(path.path()).normalize();
            if (followed.stream().noneMatch(file::startsWith)) paths.add(path.path());
        }
        return List.copyOf(paths);
    }
}
