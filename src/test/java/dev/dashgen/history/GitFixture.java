package dev.dashgen.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real Git repository made in a test with JGit: write, move and delete files, then commit at a given time. */
final class GitFixture implements AutoCloseable {
    final Path root;
    final Git git;

    private GitFixture(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    static GitFixture init(Path root) throws GitAPIException, IOException {
        Files.createDirectories(root);
        return new GitFixture(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
    }

    GitFixture write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    GitFixture task(String path) throws IOException {
        return write(path, "id: " + History.taskName(path) + "\ntitle: " + History.taskName(path) + "\n");
    }

    GitFixture move(String from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(root.resolve(from), target);
        return this;
    }

    GitFixture copy(String from, String to) throws IOException {
        Path target = root.resolve(to);
        Files.createDirectories(target.getParent());
        Files.copy(root.resolve(from), target);
        return this;
    }

    GitFixture delete(String path) throws IOException {
        Files.delete(root.resolve(path));
        return this;
    }

    /** Stages everything (new, changed and deleted files) and commits it as {@code author} at {@code when}. */
    RevCommit commit(String author, String when) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent ident = new PersonIdent(author, author.toLowerCase(java.util.Locale.ROOT) + "@example.org",
                Instant.parse(when), ZoneOffset.UTC);
        return git.commit().setMessage("change by " + author).setAuthor(ident).setCommitter(ident).setSign(false)
                .setAllowEmpty(true).call();
    }

    /** Committed by {@code committer} at {@code committed}, authored by {@code author} at {@code authored}. */
    RevCommit commit(String author, String authored, String committer, String committed) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage("change by " + author)
                .setAuthor(new PersonIdent(author, "a@example.org", Instant.parse(authored), ZoneOffset.UTC))
                .setCommitter(new PersonIdent(committer, "c@example.org", Instant.parse(committed), ZoneOffset.UTC))
                .setSign(false).setAllowEmpty(true).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
