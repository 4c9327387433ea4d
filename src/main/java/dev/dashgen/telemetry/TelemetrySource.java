package dev.dashgen.telemetry;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * A telemetry source as the user named it: a file path or a JDBC URL. {@code name} is the text as given with any
 * password masked, used in messages and problem locations; {@code url} may hold the password and is only ever
 * handed to the driver; {@code file} is set when it can be checked before opening.
 */
record TelemetrySource(String name, String url, Path file, SqlDialect dialect) {

    private static final String SQLITE = "jdbc:sqlite:";

    /** Empty for a JDBC URL of an engine that is not supported. */
    static Optional<TelemetrySource> of(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE)) {
            String rest = source.substring(SQLITE.length());
            boolean plainPath = !rest.isEmpty() && !rest.startsWith("file:") && !rest.startsWith(":memory:");
            return Optional.of(new TelemetrySource(source, source, plainPath ? path(rest) : null, new SqliteDialect()));
        }
        if (PostgresUrl.accepts(source)) {
            return Optional.of(new TelemetrySource(PostgresUrl.display(source), source, null,
                    new PostgresDialect(System.getenv())));
        }
        if (lower.startsWith("jdbc:")) return Optional.empty();
        return Optional.of(new TelemetrySource(source, SQLITE + source, path(source), new SqliteDialect()));
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Why the file cannot be a database, before any driver gets to create or misread it; null when fine. */
    String fileProblem() {
        if (file == null) return null;
        if (!Files.exists(file)) return "not found";
        if (!Files.isRegularFile(file)) return "is not a file";
        if (!Files.isReadable(file)) return "is not readable";
        return null;
    }

    Connection open() throws SQLException {
        return dialect.open(url);
    }

    /** Never the URL: it may hold a password. */
    @Override
    public String toString() {
        return "TelemetrySource[" + name + "]";
    }
}
