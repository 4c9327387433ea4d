package dev.dashgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReplacedTest {

    @Test
    void readsAsTheMapWithItsValuesReplaced() {
        Map<String, Integer> base = Map.of("a", 1, "b", 2, "c", 3);
        Map<String, Integer> once = Replaced.of(base, Map.of("b", 20));
        Map<String, Integer> twice = Replaced.of(once, Map.of("c", 30, "b", 21));
        Map<String, Integer> expected = Map.of("a", 1, "b", 21, "c", 30);
        assertEquals(expected, twice);
        assertEquals(expected, new TreeMap<>(twice));
        assertEquals(expected.hashCode(), twice.hashCode());
        assertEquals(21, twice.get("b"));
        assertTrue(twice.containsKey("a"));
        assertFalse(twice.containsKey("z"));
        assertEquals(3, twice.size());
        assertEquals(Map.of("a", 1, "b", 20, "c", 3), once, "the earlier map is left as it was");
    }

    @Test
    void noChangesIsTheSameMapAndLongChainsOfChangesStayRight() {
        Map<Integer, Integer> base = new HashMap<>();
        for (int i = 0; i < 2000; i++) base.put(i, i);
        assertSame(base, Replaced.of(base, Map.of()));
        Map<Integer, Integer> map = base;
        for (int i = 0; i < 1000; i++) map = Replaced.of(map, Map.of(i, -i));
        for (int i = 0; i < 2000; i++) assertEquals(i < 1000 ? -i : i, map.get(i));
    }
}
