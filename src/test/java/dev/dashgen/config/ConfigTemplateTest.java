package dev.dashgen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The commented dashgen.yaml of {@code dashgen init}: every key, each at its default. */
class ConfigTemplateTest {

    private static ConfigParser.Result parse(String text) {
        ConfigParser.Result r = ConfigParser.parse(text, "dashgen.yaml");
        assertEquals(List.of(), r.problems());
        return r;
    }

    @Test
    void readsAsTheDefaults() {
        assertEquals(Config.DEFAULTS, parse(ConfigTemplate.text(false)).config());
    }

    @Test
    void withAThemeOnlyTheThemeFoldersAreSet() {
        Config c = parse(ConfigTemplate.text(true)).config();
        assertEquals("templates", c.themeTemplates());
        assertEquals("site", c.themeAssets());
        Config d = Config.DEFAULTS;
        assertEquals(new Config(d.title(), d.work(), d.telemetry(), d.out(), d.baseUrl(), d.exclude(), d.lanes(), d.budget(),
                "templates", "site", d.reportDays(), d.specs(), d.timezone(), d.repoUrl(), d.linkPatterns(), d.board(), d.flow(),
                d.forecast(), d.history()), c);
    }

    @Test
    void everyKeyTheParserKnowsIsShownWithAComment() {
        String text = ConfigTemplate.text(false);
        for (List<String> keys : List.of(ConfigParser.TOP_KEYS, ConfigParser.LANE_KEYS, ConfigParser.BUDGET_KEYS,
                ConfigParser.THEME_KEYS, ConfigParser.LINKS_KEYS, ConfigParser.BOARD_KEYS, ConfigParser.FLOW_KEYS,
                ConfigParser.FORECAST_KEYS)) {
            for (String key : keys) {
                assertTrue(Pattern.compile("(?m)^\\s*(# )?" + key + ":").matcher(text).find(), key);
            }
        }
        long comments = text.lines().filter(l -> l.strip().startsWith("#")).count();
        assertTrue(comments > 20, "explained, not bare: " + comments + " comment lines");
    }
}
