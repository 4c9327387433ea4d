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

    final Cube byModel = new Cube();
    final Cube byAgent = new Cube();
    final Cube byTool = new Cube();
    final AgentBuckets buckets = new AgentBuckets();
    final LatencyHistogram modelLatency = new LatencyHistogram();
    final LatencyHistogram agentLatency = new LatencyHistogram();
    final LatencyHistogram toolLatency = new LatencyHistogram();
    final TopInvocations top = new TopInvocations();
    final BadRows bad = new BadRows();
    final Map<ErrorKey, long[]> errors = new HashMap<>();
    final Map<String, long[]> tasks = new HashMap<>();
    /** Rows read, good and bad: what an incremental read compares with the table to notice rows it missed. */
    long rows;

    /** One good row's usage, into all three cubes. */
    void usage(long day, boolean error, int model, int agent, int tool, long count, long units, long prompt,
               long completion, long tokens, long cacheRead, long cacheCreation) {
        long errors = error ? count : 0;
        byModel.add(day, model, count, errors, units, prompt, completion, tokens, cacheRead, cacheCreation);
        byAgent.add(day, agent, count, errors, units, prompt, completion, tokens, cacheRead, cacheCreation);
        byTool.add(0, tool, count, errors, units, prompt, completion, tokens, cacheRead, cacheCreation);
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
        byModel.merge(other.byModel);
        byAgent.merge(other.byAgent);
        byTool.merge(other.byTool);
        buckets.merge(other.buckets);
        modelLatency.merge(other.modelLatency);
        agentLatency.merge(other.agentLatency);
        toolLatency.merge(other.toolLatency);
        top.merge(other.top);
        bad.merge(other.bad);
        rows += other.rows;
        other.errors.forEach((k, v) -> errors.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        other.tasks.forEach((k, v) -> tasks.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }
}
