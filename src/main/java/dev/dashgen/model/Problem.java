package dev.dashgen.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A problem found in user data, pointing at a place: {@code inbox/t-12.yaml:7:3: message}.
 * Problems are values, never exceptions. {@code line} and {@code column} are 1-based; 0 means unknown.
 */
public record Problem(String file, int line, int column, Severity severity, String message) {

    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    /** The same problem, naming its file as {@code file}. */
    public Problem at(String file) {
        return new Problem(file, line, column, severity, message);
    }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.ERROR, message);
    }

    public static Problem warning(String file, int line, int column, String message) {
        return new Problem(file, line, column, Severity.WARNING, message);
    }

    /** {@code file:line:column} as far as it is known. */
    public String location() {
        if (line == 0) return file;
        if (column == 0) return file + ":" + line;
        return file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location() + ": " + severity.label() + ": " + message;
    }
}
