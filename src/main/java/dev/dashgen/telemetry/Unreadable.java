package dev.dashgen.telemetry;

/** The source is a database but cannot serve cost reports; the message completes "telemetry database 'x' …". */
final class Unreadable extends RuntimeException {

    Unreadable(String message) {
        super(message, null, false, false);
    }
}
