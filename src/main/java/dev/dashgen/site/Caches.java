package dev.dashgen.site;

import dev.dashgen.portfolio.LinkableHtml;
import java.util.Set;

/**
 * Every rendered piece kept from one build to the next, in one place: whole pages by path, and the pieces
 * long pages are put together from by task file (board cards, lane rows, agent-page items, lines of
 * {@code tasks.json}, rendered descriptions). Each is a {@link Memo}: keyed by the values it was made from,
 * so a build that failed half-way leaves nothing wrong behind. The engine owns one and prunes it.
 */
public final class Caches {
    final Memo<Object, Content> pages = new Memo<>();
    final Memo<Object, byte[]> cards = new Memo<>();
    final Memo<Object, byte[]> rows = new Memo<>();
    final Memo<Object, byte[]> agentItems = new Memo<>();
    final Memo<Object, byte[]> skeletons = new Memo<>();
    final Memo<Object, DataFiles.TaskLine> lines = new Memo<>();
    final Memo<String, LinkableHtml> descriptions = new Memo<>();
    final Memo<Object, AgentProfileView> profiles = new Memo<>();
    final Memo<Object, Integer> counts = new Memo<>();
    private final Memo<dev.dashgen.metrics.MonteCarlo.Inputs, dev.dashgen.metrics.Forecast> forecasts = new Memo<>();

    /** The forecast for {@code in}: the trials are run again only when their inputs differ from the last ones. */
    public dev.dashgen.metrics.Forecast forecast(dev.dashgen.metrics.MonteCarlo.Inputs in) {
        return forecasts.get("forecast", in, () -> dev.dashgen.metrics.MonteCarlo.run(in));
    }

    /** Forgets what belongs to task files and pages that are gone. */
    public void retain(Set<String> taskFiles, Set<String> paths) {
        pages.retain(paths);
        skeletons.retain(paths);
        cards.retain(taskFiles);
        rows.retain(taskFiles);
        agentItems.retain(taskFiles);
        lines.retain(taskFiles);
        descriptions.retain(taskFiles);
    }

    /** Forgets everything: after the theme or the config changed, nothing rendered before can be used again. */
    public void reset() {
        pages.clear();
        cards.clear();
        rows.clear();
        agentItems.clear();
        skeletons.clear();
        lines.clear();
        descriptions.clear();
        profiles.clear();
        counts.clear();
        forecasts.clear();
    }
}
