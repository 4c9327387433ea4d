package dev.dashgen.demo;

import java.util.List;

/** Who calls which tool on which model, how big the calls are and how they fail: the shape of the demo telemetry. */
final class TelemetryMix {
    static final List<String> TOOLS = List.of("chat", "code_review", "search", "summarize", "embed");
    static final int EMBED = 4;

    /** Share of calls per agent, in {@link TaskText#AGENTS} order. */
    static final int[] AGENT_WEIGHTS = {12, 22, 16, 14, 12, 8, 8, 8};
    static final double NO_AGENT = 0.015;

    /** Tool weights per agent (row 0: calls logged without an agent, then {@link TaskText#AGENTS} order). */
    static final int[][] TOOL_WEIGHTS = {
            {60, 5, 15, 10, 10},
            {50, 0, 20, 25, 5},
            {45, 20, 15, 5, 15},
            {50, 20, 15, 5, 10},
            {15, 70, 5, 10, 0},
            {20, 0, 40, 25, 15},
            {45, 5, 15, 35, 0},
            {50, 15, 25, 10, 0},
            {40, 30, 15, 10, 5}};

    /** Model weights per tool, in {@link LlmModel} order. */
    static final int[][] MODEL_WEIGHTS = {
            {35, 20, 20, 15, 10},
            {55, 5, 20, 0, 20},
            {10, 35, 10, 35, 10},
            {15, 35, 10, 30, 10},
            {0, 0, 0, 70, 30}};

    /** Median prompt and completion tokens per tool; embeddings produce no completion. */
    static final int[] PROMPT_MEDIAN = {1800, 5200, 900, 7000, 400};
    static final int[] COMPLETION_MEDIAN = {350, 700, 150, 450, 0};

    /** Error kinds: message, weight, whether the provider bills the prompt, latency (ms) or 0 for a normal one. */
    record Failure(String message, int weight, boolean billed, int latencyMs) {}

    static final List<Failure> FAILURES = List.of(
            new Failure("Rate limit exceeded: 429 Too Many Requests", 30, false, 250),
            new Failure("Request timed out after 60 s", 20, false, 60_000),
            new Failure("Upstream error: 503 Service Unavailable", 15, false, 400),
            new Failure("Context length exceeded: prompt is longer than the model's context window", 10, false, 150),
            new Failure("Invalid tool call: arguments are not valid JSON", 15, true, 0),
            new Failure("Response blocked by content filter", 10, true, 0));
    static final int[] FAILURE_WEIGHTS = FAILURES.stream().mapToInt(Failure::weight).toArray();

    /** Calls per hour of day (UTC): a working-hours hump over a quiet night. */
    static final int[] HOUR_WEIGHTS = {1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 10, 10, 10, 9, 8, 6, 4, 3, 2, 1, 1};

    /** Activity per weekday, Monday first: agents run when people hand them work. */
    static final double[] WEEKDAY_WEIGHTS = {1.0, 1.05, 1.05, 1.0, 0.85, 0.3, 0.2};

    private TelemetryMix() {}
}
