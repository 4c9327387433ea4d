package dev.dashgen.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the cost pages show, computed once from the telemetry as of {@code now}. Money is USD in
 * micro-dollars (round to cents only for display). Lists are sorted: {@code daily} and
 * {@code agentDaily} by date then name, {@code monthly} by month, breakdowns and {@code errorsByModel}
 * by cost (errors) descending then name, {@code top} by cost descending; {@code agentSeries} and
 * {@code taskCosts} by name.
 *
 * @param total          all-time usage ({@code kpis.allTime} is its cost)
 * @param daily          the last {@code reportDays} UTC days (today included) by model, days without cost left out
 * @param agentDaily     the same days by agent
 * @param agentSeries    each agent's cost over time, for cost per task ({@link TaskCosts})
 * @param taskCosts      exact cost per {@code task_id}; empty when the table has no such column or it is never set
 * @param fromDailyCostsOnly there is no usable {@code invocations} table: no tokens by kind, errors, latency or top list
 */
public record CostReport(Instant now, int reportDays, boolean fromDailyCostsOnly, boolean hasCacheTokens,
                         Kpis kpis, Usage total, List<DailyCost> daily, List<MonthlyCost> monthly,
                         List<Breakdown> byModel, List<Breakdown> byAgent, List<Breakdown> byTool,
                         List<ModelErrors> errorsByModel, List<TopInvocation> top,
                         List<AgentDailyCost> agentDaily, List<AgentCostSeries> agentSeries,
                         SortedMap<String, BigDecimal> taskCosts) {

    /** How a missing (NULL) agent, model or tool name is shown. */
    public static final String NO_NAME = "(none)";

    public CostReport {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(kpis, "kpis");
        Objects.requireNonNull(total, "total");
        daily = List.copyOf(daily);
        monthly = List.copyOf(monthly);
        byModel = List.copyOf(byModel);
        byAgent = List.copyOf(byAgent);
        byTool = List.copyOf(byTool);
        errorsByModel = List.copyOf(errorsByModel);
        top = List.copyOf(top);
        agentDaily = List.copyOf(agentDaily);
        agentSeries = List.copyOf(agentSeries);
        taskCosts = Collections.unmodifiableSortedMap(new TreeMap<>(taskCosts));
    }

    /** Cost per task is exact (from {@code task_id}) rather than estimated from task windows. */
    public boolean hasTaskIds() {
        return !taskCosts.isEmpty();
    }

    public Optional<AgentCostSeries> series(String agent) {
        return agentSeries.stream().filter(s -> s.agent().equals(agent)).findFirst();
    }
}
