package dev.dashgen.snapshot;

/** An earlier snapshot file that could not be used, with why; it is left exactly as it is. */
public record Skipped(String file, String reason) {
}
