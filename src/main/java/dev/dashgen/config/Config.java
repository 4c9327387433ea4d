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
        String specs,
        String timezone,
        String repoUrl,
        List<LinkPattern> linkPatterns,
        Board board,
        Flow flow,
        Forecast forecast,
        boolean history) {

    public static final List<String> DEFAULT_EXCLUDE = List.of("backups/**");
    public static final List<LinkPattern> DEFAULT_LINK_PATTERNS = List.of(new LinkPattern("ADR-(\\d+)", "docs/**/ADR-$1*.md"));
    public static final Config DEFAULTS = new Config("dashgen", null, null, null, null, DEFAULT_EXCLUDE,
            Lanes.DEFAULTS, Budget.NONE, null, null, 90, "specifications", "UTC", null, DEFAULT_LINK_PATTERNS,
            Board.DEFAULTS, Flow.DEFAULTS, Forecast.DEFAULTS, true);

    public Config {
        exclude = List.copyOf(exclude);
        linkPatterns = List.copyOf(linkPatterns);
    }

    /** The same config with another value for one key: for commands whose flags win over the file. */
    public Config withHistory(boolean on) {
        return new Config(title, work, telemetry, out, baseUrl, exclude, lanes, budget, themeTemplates, themeAssets,
                reportDays, specs, timezone, repoUrl, linkPatterns, board, flow, forecast, on);
    }

    /** {@code links.patterns}: ids in text matching {@code regex} link to the one repository file matching {@code glob} ({@code $1}… from the match). */
    public record LinkPattern(String regex, String glob) {}

    /** How many cards a board lane shows (Done: at most half as many, the most recent) and rows per lane page. */
    public record Board(int cardsPerLane, int pageSize) {
        public static final Board DEFAULTS = new Board(200, 1000);
    }

    /** {@code flow.agent_wip_limit}: open committed tasks an agent should hold at most; null = no limit. */
    public record Flow(Integer agentWipLimit) {
        public static final Flow DEFAULTS = new Flow(null);
    }

    /**
     * The Monte Carlo forecast: samples from the last {@code windowDays} whole days, {@code seed} for the trials,
     * and the "how many by" dates: days after today ({@code daysAhead}) and fixed dates.
     */
    public record Forecast(int windowDays, List<Integer> daysAhead, List<java.time.LocalDate> fixedDates, long seed) {
        public static final Forecast DEFAULTS = new Forecast(30, List.of(7, 14, 30), List.of(), 1);

        public Forecast {
            daysAhead = List.copyOf(daysAhead);
            fixedDates = List.copyOf(fixedDates);
        }
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
