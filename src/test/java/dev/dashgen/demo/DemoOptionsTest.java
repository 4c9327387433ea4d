package dev.dashgen.demo;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {
    private static final Instant NOW = TaskFiles.NOW;

    @Test
    void rejectsNegativeCounts() {
        assertEquals("tasks must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> new DemoOptions(-1, 0, 1, 0, NOW)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DemoOptions(0, -1, 1, 0, NOW));
        assertThrows(IllegalArgumentException.class, () -> new DemoOptions(5, 0, 1, -1, NOW));
    }

    @Test
    void brokenFilesAreSomeOfTheTaskFiles() {
        assertThrows(IllegalArgumentException.class, () -> new DemoOptions(3, 0, 1, 4, NOW));
        assertDoesNotThrow(() -> new DemoOptions(4, 0, 1, 4, NOW));
    }

    @Test
    void needsNow() {
        assertThrows(IllegalArgumentException.class, () -> new DemoOptions(1, 1, 1, 0, null));
    }

    @Test
    void acceptsZeroOfEverything() {
        assertDoesNotThrow(() -> new DemoOptions(0, 0, 0, 0, NOW));
    }
}
