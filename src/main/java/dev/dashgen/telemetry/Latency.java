package dev.dashgen.telemetry;

/**
 * Latency percentiles by nearest rank (the value at rank ⌈p·n⌉ in sorted order), each within 0.5 % of
 * the exact value: below 256 ms they are exact, above they come from buckets 1/128 wide (see
 * {@link LatencyHistogram}).
 */
public record Latency(long p50Ms, long p95Ms) {
}
