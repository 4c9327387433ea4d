package dev.dashgen.metrics;

import dev.dashgen.config.Config;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The monthly budget against this month's spend. {@code state}: {@code none} (no budget set),
 * {@code unknown} (no cost data), {@code ok}, {@code warn} (at or above {@code warn_at}) or {@code over}.
 */
public record BudgetView(Double monthlyUsd, BigDecimal used, double warnAt, String state, double fraction) {

    public static BudgetView of(Config.Budget budget, BigDecimal monthSpend) {
        if (budget.monthlyUsd() == null) return new BudgetView(null, monthSpend, budget.warnAt(), "none", 0);
        if (monthSpend == null) return new BudgetView(budget.monthlyUsd(), null, budget.warnAt(), "unknown", 0);
        double limit = budget.monthlyUsd();
        double fraction = limit == 0 ? (monthSpend.signum() > 0 ? Double.POSITIVE_INFINITY : 0)
                : monthSpend.divide(BigDecimal.valueOf(limit), MathContext.DECIMAL64).doubleValue();
        String state = monthSpend.compareTo(BigDecimal.valueOf(limit)) > 0 ? "over" : fraction >= budget.warnAt() ? "warn" : "ok";
        return new BudgetView(limit, monthSpend, budget.warnAt(), state, fraction);
    }

    /** Over the warning level (or over budget): every page shows a banner. */
    public boolean banner() {
        return state.equals("warn") || state.equals("over");
    }

    public boolean over() {
        return state.equals("over");
    }

    public String usedText() {
        return Usd.format(used);
    }

    public String limitText() {
        return monthlyUsd == null ? "" : Usd.format(BigDecimal.valueOf(monthlyUsd));
    }

    public long warnPercent() {
        return Math.round(warnAt * 100);
    }

    public long percent() {
        return Double.isInfinite(fraction) ? 999 : Math.round(fraction * 100);
    }
}
