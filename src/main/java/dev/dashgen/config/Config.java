package dev.dashgen.config;

import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.LaneSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dashgen.yaml} as values (PRODUCT.md §6). Paths are as written; the CLI resolves them
 * against the config file's folder. Null means "not set here": the command line or a default decides.
 */
public record Config(
        String title,
        String work,
        String telemetry,
        String out,
        String baseUrl,
        List<String> exclude,
        Lanes lanes,
        Budget budget,
        String themeTemplates,
        String themeAssets,
        int reportDays,
        String specs) {

    public static final List<String> DEFAULT_EXCLUDE = List.of("backups/**");
    public static final Config DEFAULTS = new Config("dashgen", null, null, null, null, DEFAULT_EXCLUDE,
            Lanes.DEFAULTS, Budget.NONE, null, null, 90, "specifications");

    public Config {
        exclude = List.copyOf(exclude);
    }

    /** Lane order, labels, which lanes show, WIP limits and where lanes come from. */
    public record Lanes(List<Lane> order, Map<Lane, String> labels, List<Lane> hidden,
                        Map<Lane, Integer> wipLimits, LaneSource source) {
        public static final Lanes DEFAULTS = new Lanes(
                List.of(Lane.INBOX, Lane.ASSIGNED, Lane.IN_PROGRESS, Lane.BLOCKED, Lane.DONE, Lane.ERROR, Lane.FRIDGE),
                Map.of(), List.of(), Map.of(), LaneSource.FOLDER);

        public Lanes {
            order = List.copyOf(order);
            labels = Collections.unmodifiableMap(labels.isEmpty() ? new EnumMap<>(Lane.class) : new EnumMap<>(labels));
            hidden = List.copyOf(hidden);
            wipLimits = Collections.unmodifiableMap(wipLimits.isEmpty() ? new EnumMap<>(Lane.class) : new EnumMap<>(wipLimits));
        }

        public String label(Lane lane) {
            return labels.getOrDefault(lane, lane.defaultLabel());
        }

        /** The lanes shown on the board, in order: the configured order minus hidden ones; archive never. */
        public List<Lane> shown() {
            return order.stream().filter(l -> !hidden.contains(l) && l != Lane.ARCHIVE).toList();
        }
    }

    /** Monthly budget in USD and the fraction (0–1) at which to warn; {@code monthlyUsd} null = no budget. */
    public record Budget(Double monthlyUsd, double warnAt) {
        public static final Budget NONE = new Budget(null, 0.8);
    }
}
