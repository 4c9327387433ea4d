package dev.dashgen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dashgen.model.Problem;
import dev.dashgen.model.Severity;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.LaneSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PRODUCT.md §6: dashgen.yaml to values; bad and unknown keys are problems naming the closest key. */
class ConfigParserTest {

    private static ConfigParser.Result parse(String... lines) {
        return ConfigParser.parse(String.join("\n", lines) + "\n", "dashgen.yaml");
    }

    private static Config config(String... lines) {
        ConfigParser.Result r = parse(lines);
        assertEquals(List.of(), r.problems());
        return r.config();
    }

    private static Problem only(ConfigParser.Result r) {
        if (r.problems().size() != 1) fail("expected one problem, got " + r.problems());
        return r.problems().get(0);
    }

    @Test
    void anEmptyFileIsTheDefaults() {
        ConfigParser.Result r = ConfigParser.parse("", "dashgen.yaml");
        assertEquals(Config.DEFAULTS, r.config());
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("backups/**"), r.config().exclude());
        assertEquals(LaneSource.FOLDER, r.config().lanes().source());
        assertEquals(List.of(Lane.INBOX, Lane.ASSIGNED, Lane.IN_PROGRESS, Lane.BLOCKED, Lane.DONE, Lane.ERROR, Lane.FRIDGE),
                r.config().lanes().shown());
    }

    @Test
    void everyKeyIsRead() {
        Config c = config(
                "title: Team board", "work: work/collaboration", "telemetry: telemetry.db", "out: _site",
                "base_url: https://me.github.io/repo/", "exclude: [backups/**, old/**]",
                "lanes:", "  order: [blocked, inbox, in-progress, done]", "  labels: {inbox: Queue, in_progress: Doing}",
                "  hidden: [fridge]", "  wip_limits: {in_progress: 3, blocked: 1}", "  source: status",
                "budget: {monthly_usd: 250, warn_at: 0.75}", "theme: {templates: my/templates, assets: my/site}",
                "report_days: 30", "specs: docs/specs");
        assertEquals("Team board", c.title());
        assertEquals("work/collaboration", c.work());
        assertEquals("telemetry.db", c.telemetry());
        assertEquals("_site", c.out());
        assertEquals("https://me.github.io/repo/", c.baseUrl());
        assertEquals(List.of("backups/**", "old/**"), c.exclude());
        assertEquals(List.of(Lane.BLOCKED, Lane.INBOX, Lane.IN_PROGRESS, Lane.DONE), c.lanes().order());
        assertEquals("Queue", c.lanes().label(Lane.INBOX));
        assertEquals("Doing", c.lanes().label(Lane.IN_PROGRESS));
        assertEquals("Blocked", c.lanes().label(Lane.BLOCKED));
        assertEquals(List.of(Lane.FRIDGE), c.lanes().hidden());
        assertEquals(Map.of(Lane.IN_PROGRESS, 3, Lane.BLOCKED, 1), c.lanes().wipLimits());
        assertEquals(LaneSource.STATUS, c.lanes().source());
        assertEquals(250.0, c.budget().monthlyUsd());
        assertEquals(0.75, c.budget().warnAt());
        assertEquals("my/templates", c.themeTemplates());
        assertEquals("my/site", c.themeAssets());
        assertEquals(30, c.reportDays());
        assertEquals("docs/specs", c.specs());
    }

    @Test
    void shownLanesFollowTheOrderWithoutHiddenOnesOrTheArchive() {
        Config c = config("lanes:", "  order: [done, archive, inbox, fridge]", "  hidden: [fridge]");
        assertEquals(List.of(Lane.DONE, Lane.INBOX), c.lanes().shown());
    }

    @Test
    void aWarnAtPercentageIsAFraction() {
        assertEquals(0.8, config("budget:", "  warn_at: 80").budget().warnAt(), 1e-9);
    }

    @Test
    void anExcludeWrittenAsOneStringIsAList() {
        assertEquals(List.of("old/**"), config("exclude: old/**").exclude());
    }

    @ParameterizedTest(name = "{0} -> did you mean {1}")
    @CsvSource({"titel, title", "Title, title", "excludes, exclude", "lane, lanes", "budjet, budget", "report_day, report_days",
            "base-url, base_url", "themes, theme"})
    void anUnknownTopKeyNamesTheClosestKnownKey(String key, String closest) {
        Problem p = only(parse("title: x", key + ": y"));
        assertEquals(Severity.WARNING, p.severity());
        assertEquals("dashgen.yaml", p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().startsWith("unknown key \"" + key + "\"; did you mean \"" + closest + "\"?"), p::toString);
    }

    @ParameterizedTest(name = "{0}.{1} -> did you mean {2}")
    @CsvSource({"lanes, oder, order", "lanes, wip_limit, wip_limits", "lanes, lables, labels", "lanes, sources, source",
            "budget, monthly_usd_, monthly_usd", "budget, warnat, warn_at", "theme, template, templates"})
    void anUnknownNestedKeyNamesTheClosestKnownKey(String section, String key, String closest) {
        Problem p = only(parse("title: x", section + ":", "  " + key + ": 1"));
        assertEquals(2, p.line());
        assertTrue(p.message().startsWith("unknown key \"" + section + "." + key + "\"; did you mean \"" + closest + "\"?"), p::toString);
    }

    @Test
    void anUnknownKeyFarFromAnyListsTheKnownKeys() {
        Problem p = only(parse("colour: blue"));
        assertEquals("unknown key \"colour\" — known keys: title, work, telemetry, out, base_url, exclude, lanes, budget,"
                + " theme, report_days, specs, timezone, repo_url, links, board, flow, forecast, history", p.message());
    }

    @Test
    void anUnknownLaneNamesTheClosestLane() {
        ConfigParser.Result r = parse("lanes:", "  order: [inbox, in_progres, done]");
        Problem p = only(r);
        assertEquals(Severity.ERROR, p.severity());
        assertTrue(p.message().contains("lanes.order: unknown lane \"in_progres\"; did you mean \"in_progress\"?"), p::toString);
        assertEquals(List.of(Lane.INBOX, Lane.DONE), r.config().lanes().order());
    }

    @Test
    void anUnknownLaneInLabelsOrWipLimitsIsAProblem() {
        assertTrue(only(parse("lanes:", "  labels: {blockd: Stuck}")).message().contains("did you mean \"blocked\""));
        assertTrue(only(parse("lanes:", "  wip_limits: {progress: 2}")).message().contains("unknown lane \"progress\""));
    }

    @Test
    void aWipLimitMustBeAPositiveWholeNumber() {
        ConfigParser.Result r = parse("lanes:", "  wip_limits: {in_progress: 0, blocked: many, inbox: 5}");
        assertEquals(2, r.problems().size(), r.problems()::toString);
        assertTrue(r.problems().stream().allMatch(p -> p.severity() == Severity.ERROR && p.message().contains("WIP limit")));
        assertEquals(Map.of(Lane.INBOX, 5), r.config().lanes().wipLimits());
    }

    @Test
    void aBadLaneSourceIsAnErrorAndFolderStays() {
        ConfigParser.Result r = parse("lanes:", "  source: git");
        assertTrue(only(r).message().startsWith("lanes.source must be folder or status, not \"git\""));
        assertEquals(LaneSource.FOLDER, r.config().lanes().source());
    }

    @Test
    void badBudgetValuesAreErrors() {
        assertTrue(only(parse("budget:", "  monthly_usd: lots")).message().startsWith("budget.monthly_usd must be a number"));
        assertTrue(only(parse("budget:", "  warn_at: 150")).message().startsWith("budget.warn_at must be a fraction"));
        assertNull(parse("budget:", "  monthly_usd: -5").config().budget().monthlyUsd());
    }

    @Test
    void badReportDaysIsAnErrorOnItsLine() {
        ConfigParser.Result r = parse("title: x", "report_days: 0");
        assertEquals(2, only(r).line());
        assertEquals(90, r.config().reportDays());
    }

    @Test
    void aSectionThatIsNotAMappingIsAnError() {
        ConfigParser.Result r = parse("lanes: [inbox, done]");
        assertTrue(only(r).message().startsWith("lanes must be a mapping with keys order, labels, hidden, wip_limits, source"));
        assertEquals(Config.Lanes.DEFAULTS, r.config().lanes());
    }

    @Test
    void aListWhereOneValueBelongsIsAnError() {
        ConfigParser.Result r = parse("title: [a, b]");
        assertTrue(only(r).message().startsWith("title must be a single value"));
        assertEquals("dashgen", r.config().title());
    }

    @Test
    void brokenYamlIsOneErrorAndTheDefaults() {
        ConfigParser.Result r = parse("title: \"unclosed", "lanes: {");
        assertEquals(Config.DEFAULTS, r.config());
        assertEquals(Severity.ERROR, only(r).severity());
        assertEquals("dashgen.yaml", only(r).file());
    }

    @Test
    void aConfigThatIsNotAMappingIsAnError() {
        assertTrue(only(parse("- title: x")).message().startsWith("not a mapping"));
    }

    @Test
    void theFlowForecastBoardAndRepositoryKeysAreRead() {
        Config c = config("timezone: Europe/Berlin", "repo_url: https://github.com/me/repo",
                "links:", "  patterns:", "    'DDR-(\\d+)': 'docs/decisions/DDR-$1*.md'",
                "board: {cards_per_lane: 50, page_size: 500}", "flow: {agent_wip_limit: 3}",
                "forecast:", "  window_days: 14", "  dates: [10, 2027-01-31, '+3']", "  seed: 42", "history: off");
        assertEquals("Europe/Berlin", c.timezone());
        assertEquals("https://github.com/me/repo", c.repoUrl());
        assertEquals(List.of(new Config.LinkPattern("DDR-(\\d+)", "docs/decisions/DDR-$1*.md")), c.linkPatterns());
        assertEquals(new Config.Board(50, 500), c.board());
        assertEquals(3, c.flow().agentWipLimit());
        assertEquals(new Config.Forecast(14, List.of(10, 3), List.of(java.time.LocalDate.of(2027, 1, 31)), 42), c.forecast());
        assertEquals(false, c.history());
    }

    @Test
    void theNewKeysDefaultAsPRODUCTSays() {
        Config d = Config.DEFAULTS;
        assertEquals("UTC", d.timezone());
        assertNull(d.repoUrl());
        assertEquals(List.of(new Config.LinkPattern("ADR-(\\d+)", "docs/**/ADR-$1*.md")), d.linkPatterns());
        assertEquals(new Config.Board(200, 1000), d.board());
        assertNull(d.flow().agentWipLimit());
        assertEquals(new Config.Forecast(30, List.of(7, 14, 30), List.of(), 1), d.forecast());
        assertTrue(d.history());
    }

    @Test
    void badFlowForecastBoardAndRepositoryValuesAreErrorsOnTheirLines() {
        ConfigParser.Result zone = parse("title: x", "timezone: Mars/Olympus");
        assertEquals(2, only(zone).line());
        assertTrue(only(zone).message().startsWith("timezone \"Mars/Olympus\" is not a time zone"));
        assertEquals("UTC", zone.config().timezone());
        assertTrue(only(parse("board: {cards_per_lane: 0}")).message().startsWith("board.cards_per_lane must be a whole number"));
        assertTrue(only(parse("flow: {agent_wip_limit: many}")).message().startsWith("flow.agent_wip_limit must be a whole number"));
        assertTrue(only(parse("forecast: {dates: [soon]}")).message().startsWith("forecast.dates: \"soon\" is neither"));
        assertTrue(only(parse("forecast: {seed: 1.5}")).message().startsWith("forecast.seed must be a whole number"));
        assertTrue(only(parse("links: {patterns: {'ADR-(': 'x'}}")).message().startsWith("links.patterns: \"ADR-(\" is not a regular expression"));
        assertTrue(only(parse("history: sometimes")).message().startsWith("history must be on or off"));
        assertTrue(only(parse("forcast: {}")).message().contains("did you mean \"forecast\""));
    }
}
