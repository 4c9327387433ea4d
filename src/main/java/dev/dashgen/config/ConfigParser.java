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
            "budget", "theme", "report_days", "specs");
    static final List<String> LANE_KEYS = List.of("order", "labels", "hidden", "wip_limits", "source");
    static final List<String> BUDGET_KEYS = List.of("monthly_usd", "warn_at");
    static final List<String> THEME_KEYS = List.of("templates", "assets");

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
                reportDays(v.get("report_days")), string(v, "specs", d.specs()));
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
