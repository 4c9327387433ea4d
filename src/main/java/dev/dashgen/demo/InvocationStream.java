package dev.dashgen.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Generates the invocations day by day, oldest first. The rows are spread over the last
 * {@value TaskPlanner#WINDOW_DAYS} days with a weekday rhythm, a working-hours hump and slow growth;
 * today only gets the part of the day before {@code now}, so no row lies in the future.
 */
final class InvocationStream implements Iterator<Invocation> {
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    /** Separates the telemetry's random stream from the task files', so changing one never shifts the other. */
    private static final long STREAM = 0x7E1E_7E7B_D0C5_1A7EL;

    private final Rand rand;
    private final int[] perDay;
    private final long firstDay;
    private final long elapsedToday;
    private int remaining;
    private int day = -1;
    private long[] offsets = new long[0];
    private int inDay;
    private String date;

    InvocationStream(long seed, int count, Instant now) {
        this.rand = new Rand(seed ^ STREAM);
        long nowMicros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1000);
        long today = Math.floorDiv(nowMicros, MICROS_PER_DAY);
        this.firstDay = today - TaskPlanner.WINDOW_DAYS + 1;
        this.elapsedToday = nowMicros - today * MICROS_PER_DAY;
        this.perDay = spread(count);
        this.remaining = count;
    }

    /** Rows per day: weights rounded cumulatively, so the days add up to exactly {@code count}. */
    private int[] spread(int count) {
        int days = TaskPlanner.WINDOW_DAYS;
        double[] cumulative = new double[days];
        double total = 0;
        for (int d = 0; d < days; d++) {
            int weekday = (int) Math.floorMod(firstDay + d + 3, 7L); // 1970-01-01 was a Thursday
            double share = d == days - 1 ? (double) elapsedToday / MICROS_PER_DAY : 1.0;
            total += TelemetryMix.WEEKDAY_WEIGHTS[weekday] * (0.7 + 0.3 * d / (days - 1)) * share;
            cumulative[d] = total;
        }
        int[] counts = new int[days];
        long previous = 0;
        for (int d = 0; d < days && total > 0; d++) {
            long upTo = Math.round(count * (cumulative[d] / total));
            counts[d] = (int) (upTo - previous);
            previous = upTo;
        }
        return counts;
    }

    @Override
    public boolean hasNext() {
        return remaining > 0;
    }

    @Override
    public Invocation next() {
        if (remaining <= 0) throw new NoSuchElementException();
        while (inDay == offsets.length) nextDay();
        remaining--;
        return row(offsets[inDay++]);
    }

    private void nextDay() {
        day++;
        long limit = day == perDay.length - 1 ? elapsedToday : MICROS_PER_DAY;
        offsets = new long[perDay[day]];
        for (int i = 0; i < offsets.length; i++) offsets[i] = offsetWithin(limit);
        Arrays.sort(offsets);
        inDay = 0;
        date = LocalDate.ofEpochDay(firstDay + day).toString();
    }

    /** Microseconds into the day, before {@code limit}, drawn with the working-hours hump. */
    private long offsetWithin(long limit) {
        for (int attempt = 0; attempt < 10; attempt++) {
            long offset = rand.weighted(TelemetryMix.HOUR_WEIGHTS) * MICROS_PER_HOUR + (long) (rand.uniform() * MICROS_PER_HOUR);
            if (offset < limit) return offset;
        }
        return (long) (rand.uniform() * limit);
    }

    private Invocation row(long offset) {
        long micros = (firstDay + day) * MICROS_PER_DAY + offset;
        int agent = rand.chance(TelemetryMix.NO_AGENT) ? -1 : rand.weighted(TelemetryMix.AGENT_WEIGHTS);
        int tool = rand.weighted(TelemetryMix.TOOL_WEIGHTS[agent + 1]);
        LlmModel model = LlmModel.values()[rand.weighted(TelemetryMix.MODEL_WEIGHTS[tool])];
        int prompt = clamp(rand.lognormal(TelemetryMix.PROMPT_MEDIAN[tool], 0.7), 20, 190_000);
        int completion = tool == TelemetryMix.EMBED ? 0 : clamp(rand.lognormal(TelemetryMix.COMPLETION_MEDIAN[tool], 0.8), 1, 16_000);
        int latency = clamp(rand.lognormal(model.baseLatencyMs, 0.45) + completion * model.msPerOutputToken + prompt / 50.0, 40, 120_000);
        String status = "success";
        String error = null;
        if (rand.chance(model.errorRate)) {
            TelemetryMix.Failure failure = TelemetryMix.FAILURES.get(rand.weighted(TelemetryMix.FAILURE_WEIGHTS));
            status = "error";
            error = failure.message();
            completion = 0;
            if (!failure.billed()) prompt = 0;
            if (failure.latencyMs() > 0) latency = failure.latencyMs() + rand.below(1000);
        }
        Invocation.TimestampForm form = Invocation.TimestampForm.values()[rand.weighted(85, 10, 5)];
        String timestamp = switch (form) {
            case ISO -> TelemetryText.iso(date, offset);
            case SPACE -> TelemetryText.space(date, offset);
            case EPOCH_SECONDS -> Long.toString(Math.floorDiv(micros, 1_000_000L));
        };
        String id = TelemetryText.uuid7(Math.floorDiv(micros, 1000L), rand.nextLong(), rand.nextLong());
        return new Invocation(id, micros, form, timestamp, agent < 0 ? null : TaskText.AGENTS.get(agent),
                TelemetryMix.TOOLS.get(tool), model.id, prompt, completion, prompt + completion,
                model.cost(prompt, completion), latency, status, error);
    }

    private static int clamp(double value, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }
}
