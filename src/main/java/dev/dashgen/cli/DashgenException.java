package dev.dashgen.cli;

/** A user-facing failure: one line naming the file and what to do, and the exit code it ends with. */
public final class DashgenException extends RuntimeException {
    private final int exitCode;

    public DashgenException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DashgenException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
