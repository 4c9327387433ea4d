/** Reading the LLM telemetry database (all JDBC lives here) into pure cost aggregates, and cost per task. */
package dev.dashgen.telemetry;
