package dev.dashgen.telemetry;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything one pass over telemetry rows accumulates. Each worker fills its own tally from its chunks;
 * tallies then merge, and since every sum is an integer the result does not depend on how rows were
 * split or in which order chunks finished.
 */
final class Tally {

    static final int MESSAGE_LENGTH = 300;
    static final String NO_MESSAGE = "(no message)";

    record ErrorKey(int model, String message) {
    }

    final Cube cube = new Cube();
    final BucketCosts buckets = new BucketCosts();
    final LatencyHistogram modelLatency;
    final LatencyHistogram agentLatency;
    final LatencyHistogram toolLatency;
    final TopInvocations top = new TopInvocations();
    final BadRows bad = new BadRows();
    final Map<ErrorKey, long[]> errors = new HashMap<>();
    final Map<String, long[]> tasks = new HashMap<>();

    Tally(int modelCodes, int agentCodes, int toolCodes) {
        modelLatency = new LatencyHistogram(modelCodes);
        agentLatency = new LatencyHistogram(agentCodes);
        toolLatency = new LatencyHistogram(toolCodes);
    }

    void latency(int model, int agent, int tool, long ms) {
        int bucket = LatencyHistogram.bucket(ms);
        modelLatency.add(model, bucket);
        agentLatency.add(agent, bucket);
        toolLatency.add(tool, bucket);
    }

    /** Messages are grouped on their first {@value #MESSAGE_LENGTH} characters, trimmed. */
    void error(int model, String message) {
        String text = message == null ? "" : message.strip();
        if (text.length() > MESSAGE_LENGTH) text = text.substring(0, MESSAGE_LENGTH).strip();
        if (text.isEmpty()) text = NO_MESSAGE;
        errors.computeIfAbsent(new ErrorKey(model, text), k -> new long[1])[0]++;
    }

    void task(String taskId, long units) {
        tasks.computeIfAbsent(taskId, k -> new long[1])[0] += units;
    }

    void merge(Tally other) {
        cube.merge(other.cube);
        buckets.merge(other.buckets);
        modelLatency.merge(other.modelLatency);
        agentLatency.merge(other.agentLatency);
        toolLatency.merge(other.toolLatency);
        top.merge(other.top);
        bad.merge(other.bad);
        other.errors.forEach((k, v) -> errors.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        other.tasks.forEach((k, v) -> tasks.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }
}
