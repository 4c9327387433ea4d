package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path globs as links.patterns writes them, .gitignore-style for {@code **}{@code /}. */
class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "docs/**/ADR-1*.md,      docs/ADR-12.md,            true",
            "docs/**/ADR-1*.md,      docs/a/b/ADR-1-x.md,       true",
            "docs/**/ADR-1*.md,      docs/a/ADR-1/x.md,         false",
            "docs/**/ADR-1*.md,      other/docs/ADR-1.md,       false",
            "docs/*.md,              docs/a/b.md,               false",
            "docs/?.md,              docs/a.md,                 true",
            "'docs/{adr,ddr}/*.md',  docs/ddr/x.md,             true",
            "'docs/{adr,ddr}/*.md',  docs/odr/x.md,             false",
            "docs/[ab].md,           docs/b.md,                 true",
            "docs/[!ab].md,          docs/b.md,                 false",
            "docs/\\*.md,            docs/*.md,                 true",
            "docs/\\*.md,            docs/x.md,                 false",
            "'a,b/*.md',             'a,b/c.md',                true",
            "**,                     any/thing.md,              true",
            "docs/(x)+.md,           docs/(x)+.md,              true",
    })
    void matches(String glob, String path, boolean expected) {
        assertEquals(expected, Glob.of(glob).matches(path));
    }
}
