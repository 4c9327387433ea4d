package dev.dashgen.portfolio;

/** Text as jsoup writes it inside an element of a page (UTF-8, base entities, no pretty-printing), without jsoup. */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Appends {@code s} to {@code out} as jsoup would write it. False when {@code s} holds a character jsoup writes in a
     * way of its own (a control character, an unpaired surrogate): {@code out} then holds part of it, and the caller
     * lets jsoup write it.
     */
    public static boolean escape(String s, StringBuilder out) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (c < 0x20) return false;
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        return false;
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return true;
    }
}
