package dev.dashgen.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Safe file names for task ids: only {@code [a-z0-9._-]}, no leading dot, bounded length, no
 * Windows device names. Whatever the id ({@code ../../etc/passwd}), the page stays inside
 * {@code tasks/}. Distinct ids that fold to the same name get a short hash suffix, decided in id order.
 */
public final class Slugs {
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9._-]+");
    private static final Pattern EDGES = Pattern.compile("^[.-]+|[.-]+$");
    private static final Pattern DOTS = Pattern.compile("\\.{2,}");
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "lpt1", "lpt2", "lpt3", "index");
    private static final int MAX = 80;

    private final Set<String> taken = new HashSet<>();

    /** The base form of an id's slug, before any de-duplication. */
    public static String base(String id) {
        String s = id.toLowerCase(Locale.ROOT);
        if (!SAFE.matcher(s).matches()) {
            s = UNSAFE.matcher(s).replaceAll("-");
            s = DOTS.matcher(EDGES.matcher(s).replaceAll("")).replaceAll(".");
        }
        int dot = s.indexOf('.');
        if (s.isEmpty() || RESERVED.contains(dot < 0 ? s : s.substring(0, dot))) s = "task-" + s;
        if (s.length() > MAX) s = EDGES.matcher(s.substring(0, MAX - 9)).replaceAll("") + "-" + hash(id);
        return s;
    }

    /** The next unique slug for {@code id}; call in a deterministic order. */
    public String next(String id, String file) {
        String slug = base(id);
        if (taken.add(slug)) return slug;
        String salted = slug + "-" + hash(id + "\u0000" + file);
        int n = 2;
        String candidate = salted;
        while (!taken.add(candidate)) candidate = salted + "-" + n++;
        return candidate;
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
