package dev.dashgen.site;

import dev.dashgen.metrics.BudgetView;
import dev.dashgen.model.Severity;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What every page shows around its content: site title, navigation, problem counter, build time. */
public final class Chrome {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    /**
     * The site-wide values of the layout, the same for every page of one build, and nothing more: every page
     * is re-rendered when they change. {@code banner} is the budget only while a banner shows (else null), so
     * a telemetry commit that leaves the budget under its warning level re-renders no page for it.
     */
    public record SiteMeta(String title, String now, String nowDisplay, long errors, long warnings, String version,
                    boolean costs, BudgetView banner) {}

    private Chrome() {}

    public static SiteMeta meta(String title, java.time.Instant now, dev.dashgen.model.Workspace ws, String version,
                                CostModel costs) {
        return new SiteMeta(title, now.toString(), now.atOffset(ZoneOffset.UTC).format(DISPLAY),
                ws.count(Severity.ERROR), ws.count(Severity.WARNING), version,
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
