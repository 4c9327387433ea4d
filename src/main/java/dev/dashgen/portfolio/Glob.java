package dev.dashgen.portfolio;

import java.util.regex.Pattern;

/**
 * A path glob as {@code links.patterns} writes it, matched against {@code /}-separated paths from the repository root:
 * {@code *} and {@code ?} within a folder name, {@code **} across folders, where {@code a/**}{@code /b} also matches
 * {@code a/b} (as in .gitignore, unlike Java's glob), {@code {x,y}} alternatives, {@code [abc]} classes and {@code \}
 * escapes. Pure.
 */
public record Glob(String glob, Pattern regex, String prefix) {

    public static Glob of(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder prefix = new StringBuilder();
        boolean literal = true;
        boolean inBraces = false;
        int n = glob.length();
        for (int i = 0; i < n; i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char next = glob.charAt(++i);
                re.append(Pattern.quote(String.valueOf(next)));
                if (literal) prefix.append(next);
                continue;
            }
            if ("*?[{".indexOf(c) >= 0 || inBraces) literal = false;
            switch (c) {
                case '*' -> {
                    if (i + 1 < n && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < n && glob.charAt(i + 1) == '/') {
                            i++;
                            re.append("(?:[^/]*/)*");
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '{' -> {
                    inBraces = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (inBraces) {
                        inBraces = false;
                        re.append(')');
                    } else {
                        re.append("\\}");
                        if (literal) prefix.append(c);
                    }
                }
                case ',' -> {
                    re.append(inBraces ? "|" : ",");
                    if (literal) prefix.append(c);
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, close);
                        if (body.startsWith("!")) body = "^" + body.substring(1);
                        re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                default -> {
                    re.append(Pattern.quote(String.valueOf(c)));
                    if (literal) prefix.append(c);
                }
            }
        }
        if (inBraces) re.append(')');
        return new Glob(glob, Pattern.compile(re.toString()), prefix.toString());
    }

    public boolean matches(String path) {
        return path.startsWith(prefix) && regex.matcher(path).matches();
    }

    /** Text put into a glob where it must match itself: every glob character escaped. */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("*?[]{},\\".indexOf(c) >= 0) s.append('\\');
            s.append(c);
        }
        return s.toString();
    }
}
