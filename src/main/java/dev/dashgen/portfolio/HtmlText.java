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

    /** {@code html} from {@code start} to {@code end}, text as {@link #escape} writes it, unescaped. */
    public static String unescape(String html, int start, int end) {
        int amp = html.indexOf('&', start);
        if (amp < 0 || amp >= end) return html.substring(start, end);
        StringBuilder text = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = html.charAt(i);
            if (c != '&') {
                text.append(c);
            } else if (html.startsWith("&amp;", i)) {
                text.append('&');
                i += 4;
            } else if (html.startsWith("&lt;", i)) {
                text.append('<');
                i += 3;
            } else if (html.startsWith("&gt;", i)) {
                text.append('>');
                i += 3;
            } else if (html.startsWith("&nbsp;", i)) {
                text.append('\u00a0');
                i += 5;
            } else {
                throw new IllegalArgumentException("not text as HtmlText writes it: " + html.substring(start, end));
            }
        }
        return text.toString();
    }
}
