package dev.dashgen.demo;

import java.time.Instant;

/** A task's lane, agent and lifecycle before it gets a name; later instants are null where the lane has none yet. */
record PlannedTask(DemoLane lane, String agent, Instant created, Instant assigned, Instant started, Instant completed) {}
