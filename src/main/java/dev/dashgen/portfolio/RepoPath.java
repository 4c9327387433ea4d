package dev.dashgen.portfolio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;

/**
 * A path as a task file writes it ({@code specification:}, a document in {@code dependencies}), made relative to the
 * repository root without touching the disk: quotes, a leading {@code ./} or {@code /}, backslashes, {@code .} and
 * {@code ..} segments and a {@code #fragment} are resolved; a path that climbs out of the repository, or is absolute
 * on some machine or a URL, is {@link Kind#OUTSIDE} and is never linked.
 */
public record RepoPath(Kind kind, String path, String fragment) {

    public enum Kind { NONE, INSIDE, OUTSIDE }

    public static final RepoPath NONE = new RepoPath(Kind.NONE, null, null);

    public RepoPath {
        Objects.requireNonNull(kind, "kind");
    }

    /** {@code raw} as written (null or blank: none); {@code path} is the cleaned form, {@code /}-separated. */
    /** A URL's scheme, or a drive letter: compiled once, since every task's specification and file goes through here. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("[a-z][a-z0-9+.-]*:.*");

    public static RepoPath of(String raw) {
        if (raw == null) return NONE;
        String s = unquote(raw.strip());
        if (s.isEmpty() || s.equalsIgnoreCase("null") || s.equals("~")) return NONE;
        String fragment = null;
        int hash = s.indexOf('#');
        if (hash >= 0) {
            fragment = s.substring(hash + 1);
            s = s.substring(0, hash);
        }
        s = s.replace('\\', '/');
        if (s.isEmpty()) return NONE;
        String lower = s.toLowerCase(Locale.ROOT);
        if (SCHEME.matcher(lower).matches() || s.startsWith("//") || s.startsWith("~")) {
            return new RepoPath(Kind.OUTSIDE, s, fragment); // a URL, a drive letter (C:/…), a home folder
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : s.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (parts.isEmpty()) return new RepoPath(Kind.OUTSIDE, s, fragment);
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) return NONE;
        return new RepoPath(Kind.INSIDE, String.join("/", parts), fragment);
    }

    private static String unquote(String s) {
        while (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'' || s.charAt(0) == '`')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    public boolean inside() {
        return kind == Kind.INSIDE;
    }
}
