package dev.dashgen.metrics;

import java.util.Locale;

/** The forecast in one line, for the build's summary and the CI job summary (PRODUCT.md §4.4): the 85 % date and cost. */
public final class ForecastLine {

    private ForecastLine() {}

    /** {@code 85 % done by 2027-01-27 (92 open tasks); LLM cost p85 $45.61}, or why there is no forecast. */
    public static String of(FlowReport report) {
        if (report == null) return "no forecast";
        Forecast f = report.forecast();
        if (f == null) return "no forecast: " + report.noForecast();
        StringBuilder s = new StringBuilder();
        s.append(f.whenDone().p85() == null ? "85 % done: later than " + f.capDays() + " days from now"
                : "85 % done by " + f.whenDone().p85());
        s.append(String.format(Locale.ROOT, " (%,d open task%s)", f.open(), f.open() == 1 ? "" : "s"));
        Forecast.Cost cost = f.whenDone().cost();
        if (cost != null && cost.p85() != null) s.append("; LLM cost p85 ").append(Usd.format(cost.p85()));
        return s.toString();
    }
}
