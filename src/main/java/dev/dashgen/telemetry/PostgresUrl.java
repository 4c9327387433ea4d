package dev.dashgen.telemetry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code jdbc:postgresql:} URL taken apart so that no secret in it reaches a message: the URL the driver gets
 * carries no password (secrets go to it as connection properties, so even the driver's own errors cannot quote
 * them), and {@link #display()} masks them for the user. Parameters whose name ends in {@code password} are secret.
 */
record PostgresUrl(String driverUrl, Map<String, String> secrets, String display, String userInfo) {

    static final String PREFIX = "jdbc:postgresql:";
    static final String MASK = "***";

    PostgresUrl {
        secrets = Map.copyOf(secrets);
    }

    static boolean accepts(String source) {
        return source.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    static PostgresUrl parse(String source) {
        String url = PREFIX + source.substring(PREFIX.length());
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String userInfo = userInfo(base);
        String shownBase = userInfo == null ? base : base.replace(userInfo + "@", maskUserInfo(userInfo) + "@");
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                if (name.toLowerCase(Locale.ROOT).endsWith("password")) {
                    secrets.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
                    shown.add((eq < 0 ? pair : pair.substring(0, eq)) + "=" + MASK);
                } else {
                    kept.add(pair);
                    shown.add(pair);
                }
            }
        }
        String driverUrl = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        String display = shown.isEmpty() ? shownBase : shownBase + "?" + String.join("&", shown);
        return new PostgresUrl(driverUrl, secrets, display, userInfo);
    }

    /** What a user may see of any source: a PostgreSQL URL masked, and any {@code password=} parameter masked. */
    static String display(String source) {
        if (accepts(source)) return parse(source).display();
        return source.replaceAll("(?i)(password=)[^&;]*", "$1" + MASK).replaceAll("(//[^/@:?]*:)[^/@]*@", "$1" + MASK + "@");
    }

    /** The password for the connection: from the URL, else {@code PGPASSWORD}; null leaves it to {@code ~/.pgpass}. */
    String password(Map<String, String> env) {
        String given = secrets.get("password");
        if (given != null) return given;
        String fromEnv = env.get("PGPASSWORD");
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    /** {@code user:password} before the host, which the driver does not read; null when there is none. */
    private static String userInfo(String base) {
        if (!base.startsWith(PREFIX + "//")) return null;
        String authority = base.substring(PREFIX.length() + 2);
        int slash = authority.indexOf('/');
        if (slash >= 0) authority = authority.substring(0, slash);
        int at = authority.lastIndexOf('@');
        return at < 0 ? null : authority.substring(0, at);
    }

    private static String maskUserInfo(String userInfo) {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(0, colon + 1) + MASK;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
