package dev.dashgen.portfolio;

import dev.dashgen.config.Config;
import dev.dashgen.model.Problem;
import dev.dashgen.tasks.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
}
