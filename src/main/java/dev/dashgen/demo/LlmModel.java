package dev.dashgen.demo;

/**
 * The models in the demo telemetry with their list prices in USD per 1,000 tokens and a latency
 * profile: a median for a short answer plus time per output token, as seen from an API client.
 */
enum LlmModel {
    CLAUDE_SONNET_4_5("claude-sonnet-4-5", 0.003, 0.015, 1400, 14, 0.020),
    CLAUDE_HAIKU_4_5("claude-haiku-4-5", 0.001, 0.005, 600, 6, 0.025),
    GPT_4O("gpt-4o", 0.0025, 0.010, 1100, 11, 0.030),
    GPT_4O_MINI("gpt-4o-mini", 0.00015, 0.0006, 500, 7, 0.025),
    GEMINI_2_5_PRO("gemini-2.5-pro", 0.00125, 0.010, 2000, 12, 0.045);

    final String id;
    final double inputPer1k;
    final double outputPer1k;
    final int baseLatencyMs;
    final int msPerOutputToken;
    final double errorRate;

    LlmModel(String id, double inputPer1k, double outputPer1k, int baseLatencyMs, int msPerOutputToken, double errorRate) {
        this.id = id;
        this.inputPer1k = inputPer1k;
        this.outputPer1k = outputPer1k;
        this.baseLatencyMs = baseLatencyMs;
        this.msPerOutputToken = msPerOutputToken;
        this.errorRate = errorRate;
    }

    /** Cost in USD rounded to six decimals, as loggers store it. */
    double cost(int promptTokens, int completionTokens) {
        double raw = promptTokens / 1000.0 * inputPer1k + completionTokens / 1000.0 * outputPer1k;
        return Math.round(raw * 1_000_000.0) / 1_000_000.0;
    }
}
