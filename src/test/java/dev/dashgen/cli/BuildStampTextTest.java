package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dashgen.config.Config;
import dev.dashgen.config.ConfigParser;
import dev.dashgen.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build stamp takes in the config's values as text read by reflection: it must hold every value the records'
 * own {@code toString} holds, or a changed key could leave a build skipped.
 */
class BuildStampTextTest {

    private static ConfigParser.Result parse(String... lines) {
        return ConfigParser.parse(String.join("\n", lines) + "\n", "dashgen.yaml");
    }

    @Test
    void theDefaultsReadAsTheirRecordsWriteThemselves() {
        assertEquals(Config.DEFAULTS.toString(), BuildStamp.text(Config.DEFAULTS));
    }

    @Test
    void everyKeyOfAFullConfigReadsAsItsRecordsWriteThemselves() {
        Config c = parse("title: Team board", "work: work/collaboration", "telemetry: telemetry.db", "out: _site",
                "base_url: https://me.github.io/repo/", "exclude: [backups/**, old/**]",
                "lanes:", "  order: [blocked, inbox, in-progress, done]", "  labels: {inbox: Queue, in_progress: Doing}",
                "  hidden: [fridge]", "  wip_limits: {in_progress: 3, blocked: 1}", "  source: status",
                "budget: {monthly_usd: 250, warn_at: 0.75}", "theme: {templates: my/templates, assets: my/site}",
                "report_days: 30", "specs: docs/specs", "timezone: Europe/Paris",
                "board: {cards_per_lane: 50, page_size: 500}", "flow: {agent_wip_limit: 4}",
                "forecast: {window_days: 14, days_ahead: [3, 10], dates: [2027-01-31], seed: 7}").config();
        assertNotEquals(Config.DEFAULTS, c);
        assertEquals(c.toString(), BuildStamp.text(c));
    }

    @Test
    void aConfigProblemIsTakenInWithEveryPart() {
        List<Problem> problems = parse("budget: {monthly_usd: lots}").problems();
        assertEquals(1, problems.size());
        Problem p = problems.get(0);
        assertEquals("[Problem[file=" + p.file() + ", line=" + p.line() + ", column=" + p.column() + ", severity="
                + p.severity() + ", message=" + p.message() + "]]", BuildStamp.text(problems));
    }
}
