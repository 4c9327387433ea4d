package dev.dashgen.snapshot;

import dev.dashgen.telemetry.Breakdown;
import dev.dashgen.telemetry.CostReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What was spent between two moments, {@code from} (exclusive; null = since the telemetry began) and {@code to}
 * (inclusive). Computed as the difference of two all-time reports, one as of each moment: the telemetry leaves
 * out rows later than a report's {@code now}, so the difference is exactly the rows logged in the period, to the
 * second, and consecutive snapshots' periods add up to the all-time total with nothing counted twice or lost.
 */
public record PeriodCost(Instant from, Instant to, BigDecimal usd, List<ModelCost> byModel) {

    /** One model's cost in the period. */
    public record ModelCost(String model, BigDecimal usd) {}

    public PeriodCost {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(usd, "usd");
        byModel = List.copyOf(byModel);
    }

    /** {@code before} is the report as of the previous snapshot, or null for a first snapshot. */
    public static PeriodCost between(CostReport before, CostReport after) {
        Objects.requireNonNull(after, "after");
        Map<String, BigDecimal> earlier = new TreeMap<>();
        if (before != null) for (Breakdown b : before.byModel()) earlier.put(b.name(), b.usage().cost());
        List<ModelCost> byModel = new ArrayList<>();
        for (Breakdown b : after.byModel()) {
            BigDecimal spent = b.usage().cost().subtract(earlier.getOrDefault(b.name(), BigDecimal.ZERO));
            if (spent.signum() != 0) byModel.add(new ModelCost(b.name(), spent));
        }
        byModel.sort(Comparator.comparing(ModelCost::usd).reversed().thenComparing(ModelCost::model));
        BigDecimal total = after.kpis().allTime().subtract(before == null ? BigDecimal.ZERO : before.kpis().allTime());
        return new PeriodCost(before == null ? null : before.now(), after.now(), total, byModel);
    }
}
