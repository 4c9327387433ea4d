package dev.dashgen.history;

/**
 * A request the repository cannot answer, said in one line a person can act on: a revision that names no
 * commit, or {@code --at} on a work tree outside Git. Not for broken repositories: those are I/O errors.
 */
public final class HistoryException extends Exception {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message) {
        super(message);
    }
}
