package dev.dashgen.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRODUCT.md §4.2: a specification file's front matter, or its first heading, and what is wrong with it. */
class SpecParserTest {
    private static final String FILE = "specifications/checkout/payments.md";

    private static SpecParser.Parsed parse(String... lines) {
        return SpecParser.parse(String.join("\n", lines) + "\n", FILE);
    }

    @Test
    void frontMatterGivesEveryField() {
        SpecParser.Parsed p = parse("---", "id: SPEC-007", "title: Card payments", "status: in progress", "initiative: Checkout revamp",
                "priority: high", "completion: 60", "features:", "  - {id: F1, title: Visa and Mastercard, status: done}",
                "  - id: F2", "    title: 3-D Secure", "    status: in_progress", "  - Refunds", "---", "", "# Ignored heading", "Body.");
        assertEquals(List.of(), p.problems());
        SpecFile s = p.spec();
        assertEquals(new SpecFile(FILE, "SPEC-007", "Card payments", "in progress", "Checkout revamp", "high",
                List.of(new SpecFile.Feature("F1", "Visa and Mastercard", "done"), new SpecFile.Feature("F2", "3-D Secure", "in_progress"),
                        new SpecFile.Feature(null, "Refunds", null)), 60, true), s);
        assertTrue(s.features().get(0).done());
        assertFalse(s.features().get(1).done());
    }

    @Test
    void withoutFrontMatterTheFirstHeadingIsTheTitleAndThereIsNoInitiative() {
        SpecParser.Parsed p = parse("Some preamble.", "", "```", "# not a heading: code", "```", "", "ADR-011: Use *Postgres* for `events`",
                "===============================", "", "## Context");
        assertEquals(List.of(), p.problems());
        assertEquals("ADR-011: Use Postgres for events", p.spec().title());
        assertNull(p.spec().initiative());
        assertFalse(p.spec().frontMatter());
    }

    @Test
    void frontMatterWithoutATitleFallsBackToTheHeadingAndAFileWithNeitherShowsItsPath() {
        assertEquals("Plan", parse("---", "initiative: Growth", "---", "# Plan").spec().title());
        SpecFile bare = parse("just text").spec();
        assertNull(bare.title());
        assertEquals(FILE, bare.name());
        assertEquals("Plan", SpecParser.parse("\uFEFF---\r\ntitle: Plan\r\n---\r\n", FILE).spec().title(), "BOM and CRLF");
        assertEquals("Plan", parse("---", "---", "# Plan").spec().title(), "empty front matter");
    }

    /**
     * Front matter broken in each way SnakeYAML reports: a warning at the file's line (where SnakeYAML stops: for an
     * unclosed quote, the closing fence), and the file by its path.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad indentation  | title: A\\n  status: draft\\n                  | 3 | mapping values are not allowed here",
            "unclosed quote   | title: \"Card payments\\nstatus: draft\\n       | 4 | while scanning a quoted scalar, found unexpected end of stream",
            "a tab            | title: A\\n\\tstatus: draft\\n                  | 3 | found character '\\t(TAB)' that cannot start any token",
            "not a mapping    | - title: A\\n- status: draft\\n                | 2 | not a mapping: it holds a list — front matter is a mapping",
            "a java tag       | title: !!java.io.File /etc/passwd\\n             | 2 | Global tag is not allowed: tag:yaml.org,2002:java.io.File — remove the tag: front matter holds plain values only",
    })
    void brokenFrontMatterIsAWarningWithTheLineAndSnakeYamlsMessage(String kind, String yaml, int line, String message) {
        String text = "---\n" + yaml.replace("\\n", "\n").replace("\\t", "\t") + "---\n# Title\n";
        SpecParser.Parsed p = SpecParser.parse(text, FILE);
        assertEquals(1, p.problems().size(), p.problems()::toString);
        Problem problem = p.problems().get(0);
        assertEquals(FILE, problem.file());
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals(line, problem.line(), problem::toString);
        assertTrue(problem.message().startsWith("front matter: "), problem::toString);
        assertTrue(problem.message().contains(message), problem::toString);
        assertEquals(SpecFile.byPath(FILE), p.spec());
    }

    @Test
    void unterminatedFrontMatterIsAWarningOnTheFirstLine() {
        SpecParser.Parsed p = parse("---", "title: A", "# Heading, but the front matter never ended");
        assertEquals(List.of(Problem.warning(FILE, 1, 1,
                "front matter opened with --- on line 1 is never closed — add a line with --- after its last field")), p.problems());
        assertEquals(SpecFile.byPath(FILE), p.spec());
    }

    @Test
    void fieldsOfTheWrongShapeAreWarningsOnTheirLines() {
        SpecParser.Parsed p = parse("---", "title: [a, b]", "completion: lots", "features: done", "initiative: Growth",
                "status: {a: b}", "---");
        assertEquals(List.of(
                "specifications/checkout/payments.md:2: warning: front matter: title should be a single value, not a list — write it as text",
                "specifications/checkout/payments.md:3: warning: front matter: completion \"lots\" is not a number from 0 to 100 — write e.g. completion: 60, or remove it",
                "specifications/checkout/payments.md:4: warning: front matter: features should be a list of {id, title, status} — write one item per line starting with \"- \"",
                "specifications/checkout/payments.md:6: warning: front matter: status should be a single value, not a mapping — write it as text"),
                p.problems().stream().sorted(Problem.ORDER).map(Problem::toString).toList());
        assertEquals("Growth", p.spec().initiative());
        assertNull(p.spec().completion());
    }

    @ParameterizedTest(name = "completion: {0}")
    @CsvSource(nullValues = "NULL", value = {"60, 60", "'75%', 75", "0, 0", "100, 100", "33.4, 33", "101, NULL", "-5, NULL"})
    void completionIsAPercentage(String written, Integer expected) {
        assertEquals(expected, parse("---", "completion: " + written, "---").spec().completion());
    }
}
