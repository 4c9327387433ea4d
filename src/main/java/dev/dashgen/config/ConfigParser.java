package dev.dashgen.config;

import dev.dashgen.model.Problem;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.YamlMapping;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/** Reads {@code dashgen.yaml}: bad or unknown values become problems (with the closest known key), never exceptions. */
public final class ConfigParser {

    public record Result(Config config, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    static final List<String> TOP_KEYS = List.of("title", "work", "telemetry", "out", "base_url", "exclude", "lanes",
            "budget", "theme", "report_days", "specs", "timezone", "repo_url", "links", "board", "flow", "forecast", "history");
    static final List<String> LANE_KEYS = List.of("order", "labels", "hidden", "wip_limits", "source");
    static final List<String> BUDGET_KEYS = List.of("monthly_usd", "warn_at");
    static final List<String> THEME_KEYS = List.of("templates", "assets");
    static final List<String> LINKS_KEYS = List.of("patterns");
    static final List<String> BOARD_KEYS = List.of("cards_per_lane", "page_size");
    static final List<String> FLOW_KEYS = List.of("agent_wip_limit");
    static final List<String> FORECAST_KEYS = List.of("window_days", "dates", "seed");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> lines;

    private ConfigParser(String file, Map<String, Integer> lines) {
        this.file = file;
        this.lines = lines;
    }

    public static Result parse(String text, String file) {
        if (text.isBlank()) return new Result(Config.DEFAULTS, List.of());
        YamlMapping.Result read = YamlMapping.parse(text, file, YamlMapping.Scalars.TYPED);
        if (read instanceof YamlMapping.Failed failed) {
            return new Result(Config.DEFAULTS, List.of(failed.problem()));
        }
        YamlMapping yaml = ((YamlMapping.Read) read).mapping();
        ConfigParser parser = new ConfigParser(file, yaml.lines());
        parser.problems.addAll(((YamlMapping.Read) read).problems());
        return new Result(parser.config(yaml.values()), parser.problems);
    }

    private Config config(Map<String, Object> v) {
        unknownKeys(v, TOP_KEYS, "");
        Config d = Config.DEFAULTS;
        Map<String, Object> theme = map(v, "theme", THEME_KEYS);
        return new Config(
                string(v, "title", d.title()), string(v, "work", null), string(v, "telemetry", null),
                string(v, "out", null), string(v, "base_url", null),
                v.containsKey("exclude") ? strings(v.get("exclude"), "exclude") : d.exclude(),
                lanes(map(v, "lanes", LANE_KEYS)), budget(map(v, "budget", BUDGET_KEYS)),
                string(theme, "templates", null), string(theme, "assets", null),
                reportDays(v.get("report_days")), string(v, "specs", d.specs()), timezone(v.get("timezone")),
                string(v, "repo_url", null), linkPatterns(map(v, "links", LINKS_KEYS).get("patterns")),
                board(map(v, "board", BOARD_KEYS)), flow(map(v, "flow", FLOW_KEYS)),
                forecast(map(v, "forecast", FORECAST_KEYS)), history(v.get("history")));
    }

    private String timezone(Object value) {
        if (value == null) return Config.DEFAULTS.timezone();
        try {
            return java.time.ZoneId.of(String.valueOf(value)).getId();
        } catch (java.time.DateTimeException e) {
            error("timezone", "timezone \"" + value + "\" is not a time zone — use an IANA name such as Europe/Berlin, or UTC");
            return Config.DEFAULTS.timezone();
        }
    }

    private List<Config.LinkPattern> linkPatterns(Object value) {
        if (value == null) return Config.DEFAULTS.linkPatterns();
        if (!(value instanceof Map<?, ?> map)) {
            error("links", "links.patterns must be a mapping of regex: path glob, e.g. {\"ADR-(\\\\d+)\": \"docs/**/ADR-$1*.md\"}");
            return Config.DEFAULTS.linkPatterns();
        }
        List<Config.LinkPattern> patterns = new ArrayList<>();
        map.forEach((regex, glob) -> {
            try {
                java.util.regex.Pattern.compile(String.valueOf(regex));
                if (glob == null || glob instanceof Map || glob instanceof List) {
                    error("links", "links.patterns: \"" + regex + "\" must map to one path glob");
                } else {
                    patterns.add(new Config.LinkPattern(String.valueOf(regex), String.valueOf(glob)));
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                error("links", "links.patterns: \"" + regex + "\" is not a regular expression (" + e.getDescription() + ")");
            }
        });
        return patterns;
    }

    private Config.Board board(Map<String, Object> v) {
        Config.Board d = Config.Board.DEFAULTS;
        return new Config.Board(whole(v.get("cards_per_lane"), "board", "board.cards_per_lane", 1, 100_000, d.cardsPerLane()),
                whole(v.get("page_size"), "board", "board.page_size", 1, 1_000_000, d.pageSize()));
    }

    private Config.Flow flow(Map<String, Object> v) {
        Object limit = v.get("agent_wip_limit");
        return new Config.Flow(limit == null ? null : whole(limit, "flow", "flow.agent_wip_limit", 1, 1_000_000, null));
    }

    private Config.Forecast forecast(Map<String, Object> v) {
        Config.Forecast d = Config.Forecast.DEFAULTS;
        int window = whole(v.get("window_days"), "forecast", "forecast.window_days", 1, 3650, d.windowDays());
        Object seedValue = v.get("seed");
        long seed = d.seed();
        if (integral(seedValue)) seed = ((Number) seedValue).longValue();
        else if (seedValue != null) error("forecast", "forecast.seed must be a whole number, not \"" + seedValue + "\"");
        List<Integer> ahead = d.daysAhead();
        List<java.time.LocalDate> fixed = d.fixedDates();
        if (v.containsKey("dates")) {
            ahead = new ArrayList<>();
            fixed = new ArrayList<>();
            Object dates = v.get("dates");
            for (Object date : dates instanceof List<?> list ? list : dates == null ? List.of() : List.of(dates)) {
                if (integral(date) && ((Number) date).longValue() >= 1 && ((Number) date).longValue() <= 3650) {
                    ahead.add(((Number) date).intValue());
                } else if (date instanceof java.util.Date when) {
                    fixed.add(when.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
                } else {
                    String text = String.valueOf(date).strip();
                    try {
                        if (text.matches("\\+?\\d{1,4}d?")) ahead.add(Integer.parseInt(text.replaceAll("[+d]", "")));
                        else fixed.add(java.time.LocalDate.parse(text));
                    } catch (RuntimeException e) {
                        error("forecast", "forecast.dates: \"" + date + "\" is neither a number of days from today nor a date YYYY-MM-DD");
                    }
                }
            }
        }
        return new Config.Forecast(window, ahead, fixed, seed);
    }

    private boolean history(Object value) {
        if (value == null) return true;
        if (value instanceof Boolean b) return b;
        String s = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        if (s.equals("on")) return true;
        if (s.equals("off")) return false;
        error("history", "history must be on or off, not \"" + value + "\"");
        return true;
    }

    private static boolean integral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger big && big.bitLength() < 64;
    }

    /** A whole number from {@code min} to {@code max}, else {@code fallback} and a problem on {@code line}'s key. */
    private Integer whole(Object value, String line, String key, int min, int max, Integer fallback) {
        if (value == null) return fallback;
        if (integral(value) && ((Number) value).longValue() >= min && ((Number) value).longValue() <= max) {
            return ((Number) value).intValue();
        }
        error(line, key + " must be a whole number from " + min + " to " + max + ", not \"" + value + "\"");
        return fallback;
    }

    private Config.Lanes lanes(Map<String, Object> v) {
        Config.Lanes d = Config.Lanes.DEFAULTS;
        List<Lane> order = v.containsKey("order") ? laneList(v.get("order"), "lanes.order") : d.order();
        List<Lane> hidden = v.containsKey("hidden") ? laneList(v.get("hidden"), "lanes.hidden") : d.hidden();
        Map<Lane, String> labels = new EnumMap<>(Lane.class);
        laneMap(v.get("labels"), "lanes.labels").forEach((lane, value) -> labels.put(lane, String.valueOf(value)));
        Map<Lane, Integer> wip = new EnumMap<>(Lane.class);
        laneMap(v.get("wip_limits"), "lanes.wip_limits").forEach((lane, value) -> {
            Integer n = value instanceof Number num ? Integer.valueOf(num.intValue()) : null;
            if (n == null || n < 1) error("lanes.wip_limits", "WIP limit for " + lane.id() + " must be a whole number >= 1, not \"" + value + "\"");
            else wip.put(lane, n);
        });
        LaneSource source = d.source();
        if (v.get("source") != null) {
            String s = String.valueOf(v.get("source")).toLowerCase(Locale.ROOT);
            if (s.equals("status")) source = LaneSource.STATUS;
            else if (!s.equals("folder")) error("lanes", "lanes.source must be folder or status, not \"" + s + "\"");
        }
        return new Config.Lanes(order, labels, hidden, wip, source);
    }

    private Config.Budget budget(Map<String, Object> v) {
        Double monthly = null;
        double warnAt = Config.Budget.NONE.warnAt();
        Object m = v.get("monthly_usd");
        if (m != null) {
            if (m instanceof Number n && n.doubleValue() >= 0) monthly = n.doubleValue();
            else error("budget", "budget.monthly_usd must be a number of dollars >= 0, not \"" + m + "\"");
        }
        Object w = v.get("warn_at");
        if (w != null) {
            double value = w instanceof Number n ? n.doubleValue() : -1;
            if (value > 1 && value <= 100) value /= 100; // "80" means 80 %
            if (value < 0 || value > 1) error("budget", "budget.warn_at must be a fraction such as 0.8 (or a percentage), not \"" + w + "\"");
            else warnAt = value;
        }
        return new Config.Budget(monthly, warnAt);
    }

    private int reportDays(Object value) {
        if (value == null) return Config.DEFAULTS.reportDays();
        if (value instanceof Number n && n.intValue() >= 1 && n.intValue() <= 3650) return n.intValue();
        error("report_days", "report_days must be a whole number of days from 1 to 3650, not \"" + value + "\"");
        return Config.DEFAULTS.reportDays();
    }

    private List<Lane> laneList(Object value, String key) {
        List<Lane> lanes = new ArrayList<>();
        for (String s : strings(value, key)) {
            Lane.parse(s).ifPresentOrElse(lanes::add, () -> error(key.split("\\.")[0], key + ": unknown lane \"" + s
                    + "\"" + suggestion(s, laneIds()) + " — lanes are " + String.join(", ", laneIds())));
        }
        return lanes;
    }

    private Map<Lane, Object> laneMap(Object value, String key) {
        Map<Lane, Object> out = new EnumMap<>(Lane.class);
        if (value == null) return out;
        if (!(value instanceof Map<?, ?> map)) {
            error("lanes", key + " must be a mapping of lane: value");
            return out;
        }
        map.forEach((k, v) -> Lane.parse(String.valueOf(k)).ifPresentOrElse(lane -> out.put(lane, v),
                () -> error("lanes", key + ": unknown lane \"" + k + "\"" + suggestion(String.valueOf(k), laneIds()))));
        return out;
    }

    private static List<String> laneIds() {
        return java.util.Arrays.stream(Lane.values()).map(Lane::id).toList();
    }

    private List<String> strings(Object value, String key) {
        if (value instanceof List<?> list) return list.stream().map(String::valueOf).toList();
        if (value == null) return List.of();
        if (value instanceof Map) {
            error(key, key + " must be a list");
            return List.of();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> v, String key, List<String> known) {
        Object value = v.get(key);
        if (value == null) return Map.of();
        if (!(value instanceof Map)) {
            error(key, key + " must be a mapping with keys " + String.join(", ", known));
            return Map.of();
        }
        Map<String, Object> m = (Map<String, Object>) value;
        unknownKeys(m, known, key + ".");
        return m;
    }

    private String string(Map<String, Object> v, String key, String fallback) {
        Object value = v.get(key);
        if (value == null) return fallback;
        if (value instanceof Map || value instanceof List) {
            error(key, key + " must be a single value");
            return fallback;
        }
        return String.valueOf(value);
    }

    private void unknownKeys(Map<String, Object> v, List<String> known, String prefix) {
        for (String key : v.keySet()) {
            if (!known.contains(key)) {
                String top = prefix.isEmpty() ? key : prefix.substring(0, prefix.indexOf('.'));
                problems.add(Problem.warning(file, lines.getOrDefault(top, 0), 0, "unknown key \"" + prefix + key + "\""
                        + suggestion(key, known) + " — known keys: " + String.join(", ", known)));
            }
        }
    }

    /** {@code ; did you mean "title"?} for the closest known key within a small edit distance. */
    static String suggestion(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? "; did you mean \"" + best + "\"?" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void error(String key, String message) {
        problems.add(Problem.error(file, lines.getOrDefault(key, 0), 0, message + " — fix " + file));
    }

}
