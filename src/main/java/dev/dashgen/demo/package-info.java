/** The deterministic synthetic workspace behind {@code dashgen demo}: task files, a telemetry database, a config. */
package dev.dashgen.demo;
