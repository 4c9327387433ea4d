package dev.dashgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** PRODUCT.md §4: no id can become a file name that writes outside the output dir. */
class SlugsTest {
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..", ".", "/abs/path", "..\\..\\windows", "a/../../b", "CON", "con.txt",
            "index", "NUL", ".hidden", "-dash", "<script>alert(1)</script>", "emoji 🚀 id", "", " ",
            "ÄÖÜ", "a\u0000b", "%2e%2e%2f", "tasks/../../x"})
    void everySlugIsASafeFileName(String id) {
        String slug = new Slugs().next(id, "inbox/x.yaml");
        assertTrue(SAFE.matcher(slug).matches(), () -> "unsafe slug \"" + slug + "\" for " + id);
        assertFalse(slug.contains(".."), slug);
        assertFalse(Set.of("con", "prn", "aux", "nul", "index").contains(slug.split("\\.")[0]), slug);
    }

    @Test
    void aVeryLongIdIsCutToEightyCharacters() {
        everySlugIsASafeFileName("x".repeat(500));
        everySlugIsASafeFileName("../".repeat(500));
    }

    @Test
    void ordinaryIdsKeepTheirName() {
        assertEquals("t-12", Slugs.base("t-12"));
        assertEquals("fix-login-page", Slugs.base("Fix Login Page"));
        assertEquals("v1.2-release", Slugs.base("v1.2-release"));
    }

    @Test
    void idsThatFoldTogetherGetDistinctSlugs() {
        Slugs slugs = new Slugs();
        Set<String> seen = new HashSet<>();
        for (String id : new String[] {"T-1", "t-1", "t 1", "t/1", "t-1"}) {
            assertTrue(seen.add(slugs.next(id, "inbox/" + seen.size() + ".yaml")), seen::toString);
        }
    }

    @Test
    void longIdsKeepAHashSoTheyStayDistinct() {
        String a = Slugs.base("x".repeat(200) + "a");
        String b = Slugs.base("x".repeat(200) + "b");
        assertNotEquals(a, b);
        assertTrue(a.length() <= 80, a);
    }
}
