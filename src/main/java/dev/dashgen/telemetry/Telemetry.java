package dev.dashgen.telemetry;

import dev.dashgen.model.Problem;
import java.util.List;
import java.util.Objects;

/** What the telemetry source gave: a cost report with its data problems, or one line saying why there is none. */
public sealed interface Telemetry permits Telemetry.Available, Telemetry.Unavailable {

    record Available(CostReport report, List<Problem> problems) implements Telemetry {
        public Available {
            Objects.requireNonNull(report, "report");
            problems = List.copyOf(problems);
        }
    }

    record Unavailable(String reason) implements Telemetry {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
