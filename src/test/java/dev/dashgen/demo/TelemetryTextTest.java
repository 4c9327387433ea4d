package dev.dashgen.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TelemetryTextTest {
    private static final long AT_16_51_44 = (16 * 3600 + 51 * 60 + 44) * 1_000_000L;

    @Test
    void isoIsPythonsIsoformat() {
        assertEquals("2026-11-24T16:51:44.779728+00:00", TelemetryText.iso("2026-11-24", AT_16_51_44 + 779_728));
        assertEquals("2026-11-24T16:51:44.000001+00:00", TelemetryText.iso("2026-11-24", AT_16_51_44 + 1));
    }

    @Test
    void isoLeavesOutAZeroFractionAsPythonDoes() {
        assertEquals("2026-11-24T16:51:44+00:00", TelemetryText.iso("2026-11-24", AT_16_51_44));
        assertEquals("2026-11-24T00:00:00+00:00", TelemetryText.iso("2026-11-24", 0));
    }

    @Test
    void spaceIsSqlitesCurrentTimestampForm() {
        assertEquals("2026-11-24 16:51:44", TelemetryText.space("2026-11-24", AT_16_51_44 + 999_999));
        assertEquals("2026-11-24 23:59:59", TelemetryText.space("2026-11-24", 86_400_000_000L - 1));
    }

    @Test
    void uuid7PutsTheTimeFirst() {
        assertEquals("019ab6c7-480b-7fff-bfff-ffffffffffff", TelemetryText.uuid7(1_764_003_104_779L, -1L, -1L));
        assertEquals("019ab6c7-480b-7000-8000-000000000000", TelemetryText.uuid7(1_764_003_104_779L, 0L, 0L));
    }
}
