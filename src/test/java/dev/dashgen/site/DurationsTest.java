package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ages shown on cards and timelines. */
class DurationsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT0S, 0m", "PT59M, 59m", "PT1H, 1h", "PT47H59M, 47h", "PT48H, 2d", "P13D, 13d", "P14D, 2w", "P59D, 8w",
            "P60D, 2mo", "P729D, 24mo", "P730D, 2y", "-PT1M, in future"})
    void shortHumanDurations(String iso, String shown) {
        assertEquals(shown, Durations.of(Duration.parse(iso)));
    }

    @Test
    void sinceNothingIsEmpty() {
        assertEquals("", Durations.since(null, Instant.EPOCH));
        assertEquals("3d", Durations.since(Instant.parse("2026-11-21T12:00:00Z"), Instant.parse("2026-11-24T12:00:00Z")));
    }
}
