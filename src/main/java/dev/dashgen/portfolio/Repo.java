package dev.dashgen.portfolio;

import dev.dashgen.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The repository a work tree lives in, read once per build: its root, the work tree's place in it, the {@code origin}
 * remote and the checked-out branch (read with JGit; no {@code git} binary), and the links they make.
 *
 * @param root       the repository root (PRODUCT.md §4.2), absolute
 * @param workPrefix the work tree relative to the root, {@code /}-separated ("" when the same folder)
 * @param origin     the {@code origin} remote's URL as configured, or null
 * @param ref        the branch HEAD is on (also before the first commit), the commit id when detached, or null outside Git
 * @param links      links into the repository's web pages; {@link RepoLinks#NONE} without a web address
 */
public record Repo(Path root, String workPrefix, String origin, String ref, RepoLinks links) {

    public Repo {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(workPrefix, "workPrefix");
        Objects.requireNonNull(links, "links");
    }

    /** Reads the repository around {@code workTree}; {@code repoUrl} (config {@code repo_url}) wins over the origin remote. */
    public static Repo read(Path workTree, String repoUrl) {
        Path root = RepoRoot.of(workTree);
        String origin = null;
        String ref = null;
        if (Files.exists(root.resolve(".git"))) {
            try (Repository repository = new FileRepositoryBuilder().setWorkTree(root.toFile()).setMustExist(true).build()) {
                origin = repository.getConfig().getString("remote", "origin", "url");
                ref = ref(repository);
            } catch (IOException | RuntimeException e) {
                // An unreadable .git leaves the site without links, never without a build.
            }
        }
        String web = repoUrl != null && !repoUrl.isBlank() ? repoUrl : RemoteUrl.webUrl(origin).orElse(null);
        return new Repo(root, RepoRoot.workPrefix(root, workTree), origin, ref, RepoLinks.of(web, ref));
    }

    public static Repo read(Path workTree, Config config) {
        return read(workTree, config.repoUrl());
    }

    /** The branch name; the commit id when HEAD is detached; the branch HEAD names before the first commit. */
    private static String ref(Repository repository) throws IOException {
        String full = repository.getFullBranch();
        if (full == null) return null;
        if (full.startsWith(Constants.R_HEADS)) return full.substring(Constants.R_HEADS.length());
        return full;
    }

    /** A task file's path (relative to the work tree) as a path from the repository root. */
    public String pathOf(String workFile) {
        return workPrefix.isEmpty() ? workFile : workPrefix + "/" + workFile;
    }
}
