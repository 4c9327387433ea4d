package dev.dashgen.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTest {

    @Test
    void noZoneMeansUtc() {
        assertEquals(Instant.parse("2026-11-24T16:51:44Z"), Timestamp.parse("2026-11-24 16:51:44").instant());
        assertEquals(Instant.parse("2026-11-24T16:51:00Z"), Timestamp.parse("2026-11-24T16:51").instant());
    }

    @Test
    void yamlTimestampWithAShortOffset() {
        assertEquals(Instant.parse("2001-12-15T02:59:43.10Z"), Timestamp.parse("2001-12-14 21:59:43.10 -5").instant());
    }

    @Test
    void offsetsWithAndWithoutColon() {
        assertEquals(Instant.parse("2026-11-24T11:21:44Z"), Timestamp.parse("2026-11-24T16:51:44+0530").instant());
        assertEquals(Instant.parse("2026-11-24T11:21:44Z"), Timestamp.parse("2026-11-24T16:51:44+05:30").instant());
    }

    @Test
    void surroundingBlanksAreIgnored() {
        Timestamp ts = Timestamp.parse("  2026-11-24  ");
        assertEquals("2026-11-24", ts.raw());
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), ts.instant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "24/11/2026", "2026-13-01", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+19:00",
            "1732467104", "2026-11-24T10:00:00 Europe/Paris"})
    void unreadableTextKeepsItsRawForm(String text) {
        Timestamp ts = Timestamp.parse(text);
        assertFalse(ts.readable());
        assertNull(ts.instant());
        assertEquals(text.strip(), ts.display());
    }

    @Test
    void displayIsUtcToTheMinute() {
        assertEquals("2026-11-24 16:51 UTC", Timestamp.parse("2026-11-24T18:51:59+02:00").display());
    }
}
