package dev.dashgen.engine;

import dev.dashgen.metrics.Flow;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.site.Caches;
import dev.dashgen.site.Delta;
import dev.dashgen.site.Reads;
import dev.dashgen.site.SiteModel;
import dev.dashgen.telemetry.TaskCosts;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The flow report of a model (PRODUCT.md §4.4): its tasks, history and costs; the trials kept while their inputs stay. */
final class FlowStep {

    private FlowStep() {}

    /**
     * The flow report of {@code m}. When the previous model had one and the change moved no flow field (only costs),
     * its stage dates still hold and only the forecast is made again: a telemetry commit re-costs tasks without
     * moving them.
     */
    static FlowReport report(SiteModel m, SiteModel previous, Delta delta, Caches caches) {
        Map<String, BigDecimal> costs = costs(m);
        if (previous != null && previous.flow() != null && !delta.touches(Reads.FLOW)) {
            return Flow.recost(previous.flow(), m.workspace().tasks(), m.config(), costs, caches::forecast);
        }
        return Flow.compute(m.workspace().tasks(), m.history(), m.now(), m.config(), costs, caches::forecast);
    }

    /** USD per task file, or null without telemetry. */
    private static Map<String, BigDecimal> costs(SiteModel m) {
        Map<String, BigDecimal> costs = null;
        if (m.costs().available()) {
            costs = new HashMap<>(2 * m.views().size());
            List<dev.dashgen.tasks.Task> tasks = m.workspace().tasks();
            for (int i = 0; i < tasks.size(); i++) {
                TaskCosts.TaskCost cost = m.costs().exact(i);
                if (cost != null) costs.put(tasks.get(i).file(), cost.usd());
            }
        }
        return costs;
    }
}
