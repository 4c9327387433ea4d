package dev.dashgen.site;

import dev.dashgen.model.Severity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What every page shows around its content: site title, navigation, problem counter, build time. */
final class Chrome {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    /**
     * The site-wide values of the layout, the same for every page of one build, and nothing more: every page
     * is re-rendered when they change. {@code banner} is the budget only while a banner shows (else null), so
     * a telemetry commit that leaves the budget under its warning level re-renders no page for it.
     */
    record SiteMeta(String title, String now, String nowDisplay, long errors, long warnings, String version,
                    boolean costs, BudgetView banner) {}

    private Chrome() {}

    static SiteMeta meta(SiteInputs in, CostModel costs) {
        return new SiteMeta(in.config().title(), in.now().toString(),
                in.now().atOffset(ZoneOffset.UTC).format(DISPLAY),
                in.workspace().count(Severity.ERROR), in.workspace().count(Severity.WARNING), in.version(),
                costs.available(), costs.budget().banner() ? costs.budget() : null);
    }

    /** The context every template gets: {@code root} is the relative way back to the site root ("" or "../"). */
    static Map<String, Object> context(SiteMeta meta, String root, String pageTitle, String nav) {
        Map<String, Object> c = new HashMap<>();
        c.put("site", meta);
        c.put("root", root);
        c.put("pageTitle", pageTitle);
        c.put("nav", nav);
        return c;
    }
}
