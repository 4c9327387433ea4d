package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dashgen.config.Config;
import dev.dashgen.config.ConfigParser;
import dev.dashgen.engine.Engine;
import dev.dashgen.engine.SiteInputs;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.TaskParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Builds sites from YAML strings and reads their pages with jsoup and Jackson, so assertions stay one line. */
final class Sites {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Theme theme;

    private Sites() {}

    static synchronized Theme theme() {
        if (theme == null) {
            try {
                theme = Theme.load(null, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return theme;
    }

    static Config config(String... yamlLines) {
        ConfigParser.Result r = ConfigParser.parse(String.join("\n", yamlLines) + "\n", "dashgen.yaml");
        assertTrue(r.problems().isEmpty(), r.problems()::toString);
        return r.config();
    }

    /** Alternating path and YAML text. */
    static Map<String, String> files(String... pathAndText) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) files.put(pathAndText[i], pathAndText[i + 1]);
        return files;
    }

    static Workspace workspace(Config config, Map<String, String> files) {
        List<ParsedFile> parsed = new ArrayList<>();
        files.forEach((path, text) -> parsed.add(TaskParser.parse(text, path, config.lanes().source())));
        return Workspace.of(parsed, List.of());
    }

    static Site build(String... pathAndText) {
        return build(Config.DEFAULTS, files(pathAndText));
    }

    static Site build(Config config, Map<String, String> files) {
        return build(inputs(workspace(config, files), config, NOW, null));
    }

    /** A fresh build of {@code in}, as the build command makes it. */
    static Site build(SiteInputs in) {
        return new Engine().build(in).site();
    }

    /** The inputs of a build without telemetry; the one place tests construct {@link SiteInputs}. */
    static SiteInputs inputs(Workspace ws, Config config, Instant now, String baseUrl) {
        return new SiteInputs(config, ws, null, theme(), now, "test", baseUrl);
    }

    static String text(Site site, String path) {
        byte[] bytes = site.files().get(path);
        assertNotNull(bytes, () -> path + " not in the site: " + site.files().keySet());
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static Document html(Site site, String path) {
        return Jsoup.parse(text(site, path));
    }

    static JsonNode json(Site site, String path) {
        try {
            return JSON.readTree(text(site, path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> texts(Document doc, String css) {
        return doc.select(css).eachText();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static List<String> htmlPages(Site site) {
        return site.files().keySet().stream().filter(p -> p.endsWith(".html")).toList();
    }

    private static final List<String> THEME_SCRIPTS = List.of("assets/app.js", "assets/charts.js", "assets/echarts.min.js", "assets/flow.js");

    /**
     * Nothing on the page runs or links to script except the theme's own: its one inline script, its script
     * files, and JSON data islands that are whole, valid JSON (so no value closed the script early); the
     * filter form's {@code onsubmit} is the only event handler.
     */
    static void assertNoActiveContent(Document doc, String page) {
        for (Element script : doc.select("script")) {
            boolean themeInline = !script.hasAttr("src") && script.data().startsWith("try{var t=localStorage.getItem(\"dashgen-theme\")");
            boolean file = THEME_SCRIPTS.stream().anyMatch(s -> script.attr("src").endsWith(s)) && script.data().isEmpty();
            boolean data = !script.hasAttr("src") && script.attr("type").equals("application/json") && isJson(script.data())
                    && !script.data().contains("<");
            assertTrue(themeInline || file || data, () -> page + ": foreign script " + script.outerHtml());
        }
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    assertTrue(e.is("form#filters") && name.equals("onsubmit"), () -> page + ": event handler on " + e.outerHtml());
                }
                if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")
                        || name.equals("xlink:href") || name.equals("srcset")) {
                    String v = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                    assertTrue(!v.startsWith("javascript:") && !v.startsWith("vbscript:") && !v.startsWith("data:"),
                            () -> page + ": active link in " + e.outerHtml());
                }
            }
        }
        assertTrue(doc.select("iframe, object, embed, base, frame, frameset, body style, body link, body meta, svg, math").isEmpty(),
                () -> page + ": active element " + doc.select("iframe, object, embed, base, frame, frameset, body style, body link, body meta, svg, math"));
    }

    static void assertNoActiveContent(Site site) {
        for (String page : htmlPages(site)) assertNoActiveContent(html(site, page), page);
    }
}
