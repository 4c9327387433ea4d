package dev.dashgen.snapshot;

import dev.dashgen.tasks.Lane;

/** A task that changed between two snapshots: {@code from} is null for a new task, {@code to} for a removed one. */
public record Change(String id, String title, String agent, Lane from, Lane to) {
}
