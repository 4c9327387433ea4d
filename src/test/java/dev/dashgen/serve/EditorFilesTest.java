package dev.dashgen.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditorFilesTest {
    @Test
    void recognisesTheTempFilesEditorsWrite() {
        for (String name : List.of(".t-1.yaml.swp", ".t-1.yaml.swx", "t-1.yaml~", ".#t-1.yaml", "4913", "t-1.yaml.tmp", "X.TMP")) {
            assertTrue(EditorFiles.isTemp(name), name);
        }
    }

    @Test
    void leavesRealFilesAlone() {
        for (String name : List.of("t-1.yaml", "t-1.yml", "dashgen.yaml", "telemetry.db-wal", "49134.yaml", "swp.yaml", "style.css")) {
            assertFalse(EditorFiles.isTemp(name), name);
        }
    }
}
