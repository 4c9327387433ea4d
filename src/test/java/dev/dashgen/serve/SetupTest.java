package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dashgen.config.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetupTest {
    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void telemetryCountsUpToTheClockToTheMinuteWhenNowCameFromIt() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T15:42:31.5Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-11-24T15:42:00Z"), setup(clock).telemetryHorizon());
    }

    @Test
    void aFixedNowIsItsOwnHorizon() {
        assertEquals(START, setup(null).telemetryHorizon());
        assertEquals(START, setup(Clock.fixed(START.minusSeconds(3600), ZoneOffset.UTC)).telemetryHorizon(),
                "a clock behind now never moves the horizon back");
    }

    private static Setup setup(Clock clock) {
        return new Setup(Path.of("work"), Path.of("out"), null, Config.DEFAULTS, List.of(), null, null, null, null, START,
                "test", clock);
    }
}
