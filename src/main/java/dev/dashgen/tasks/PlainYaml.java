package dev.dashgen.tasks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common shape of a task file, read without SnakeYAML: top-level {@code key: value} lines whose values are
 * one-line plain or quoted scalars, flow lists and maps of scalars, {@code |} and {@code |-} literal blocks, block
 * lists of such scalars, and one level of {@code key: value} under a key. Scalars come back as written (or null),
 * as {@link YamlMapping.Scalars#AS_WRITTEN} asks. Anything else, or anything it is unsure of (tabs, carriage
 * returns, comments after values, escapes other than the usual few, duplicate keys), gives null and SnakeYAML reads
 * the file, with its messages. Reading thousands of task files, SnakeYAML's general scanner was most of the time.
 * Where this answers, it must agree with SnakeYAML: PlainYamlTest compares the two.
 */
final class PlainYaml {
    /** Plain scalars SnakeYAML's resolver reads as null. */
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    /** Characters that give a plain scalar another meaning when they come first. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`<=";

    private final String text;
    private final int[] starts;
    private final int[] ends;

    private PlainYaml(String text, int[] starts, int[] ends) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** The mapping, or null when SnakeYAML should read the text. */
    static YamlMapping read(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count++;
            } else if (c < ' ' || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff
                    || Character.isSurrogate(c) || c >= 0xfffe) {
                return null;
            }
        }
        int[] starts = new int[count];
        int[] ends = new int[count];
        int line = 0;
        starts[0] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                ends[line++] = i;
                starts[line] = i + 1;
            }
        }
        ends[line] = text.length();
        return new PlainYaml(text, starts, ends).mapping();
    }

    private YamlMapping mapping() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        int i = content(0);
        while (i < starts.length) {
            // A line indented here continues the value before it (or is a comment so placed): SnakeYAML's to read.
            if (indent(i) != 0) return null;
            String line = line(i);
            int colon = keyEnd(line);
            if (colon < 0) return null;
            String key = line.substring(0, colon);
            if (values.containsKey(key) || NULLS.contains(key)) return null;
            String rest = line.substring(colon + 1).strip();
            Value value;
            if (rest.isEmpty()) {
                value = nested(i + 1);
            } else if (rest.charAt(0) == '|') {
                value = literal(rest, i + 1);
            } else {
                Object scalar = inline(rest);
                value = scalar == FAIL ? null : new Value(scalar, i + 1);
            }
            if (value == null) return null;
            values.put(key, value.value);
            lines.put(key, i + 1);
            columns.put(key, 1);
            i = content(value.next);
        }
        if (values.isEmpty()) return null;
        return new YamlMapping(values, lines, columns);
    }

    /** A value and the line after it. */
    private record Value(Object value, int next) {}

    private static final Object FAIL = new Object();

    /** What follows {@code key:} on the next lines: nothing (null), a block list, or a block map of scalars. */
    private Value nested(int from) {
        int i = content(from);
        if (i == starts.length) return new Value(null, i);
        int indent = indent(i);
        String first = line(i).substring(indent);
        if (first.startsWith("- ")) return list(i, indent);
        if (indent == 0) return new Value(null, i);
        return map(i, indent);
    }

    private Value list(int from, int indent) {
        List<Object> items = new ArrayList<>();
        int i = from;
        while (i < starts.length) {
            int at = indent(i);
            String line = line(i);
            if (at < indent || (at == 0 && !line.startsWith("- "))) break;
            if (at != indent || !line.startsWith("- ", at)) return null;
            String item = line.substring(at + 2).strip();
            if (item.isEmpty() || item.startsWith("- ")) return null;
            Object value = inline(item);
            if (value == FAIL) return null;
            items.add(value);
            i = content(i + 1);
        }
        return new Value(Collections.unmodifiableList(items), i);
    }

    private Value map(int from, int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        int i = from;
        while (i < starts.length) {
            int at = indent(i);
            if (at == 0) break;
            if (at != indent) return null;
            String line = line(i).substring(at);
            int colon = keyEnd(line);
            if (colon < 0) return null;
            String key = line.substring(0, colon);
            String rest = line.substring(colon + 1).strip();
            if (rest.isEmpty() || rest.charAt(0) == '|' || map.containsKey(key) || NULLS.contains(key)) return null;
            Object value = inline(rest);
            if (value == FAIL) return null;
            map.put(key, value);
            i = content(i + 1);
        }
        return new Value(Collections.unmodifiableMap(map), i);
    }

    /**
     * A {@code |} (clip) or {@code |-} (strip) block: lines indented as its first line is, ending at the next line
     * at column 1. Blank lines before its first line, a block ending the file without a line break, and lines of
     * spaces deeper than the block are left to SnakeYAML.
     */
    private Value literal(String header, int from) {
        boolean strip;
        if (header.equals("|")) strip = false;
        else if (header.equals("|-")) strip = true;
        else return null;
        if (from >= starts.length || blank(from)) return null;
        int indent = indent(from);
        if (indent == 0) return null;
        List<String> content = new ArrayList<>();
        int i = from;
        for (; i < starts.length; i++) {
            if (blank(i)) {
                if (ends[i] - starts[i] > indent) return null;
                content.add("");
                continue;
            }
            int at = indent(i);
            if (at == 0) break;
            if (at < indent) return null;
            content.add(text.substring(starts[i] + indent, ends[i]));
        }
        if (i == starts.length && !text.endsWith("\n")) return null;
        int last = content.size();
        while (last > 0 && content.get(last - 1).isEmpty()) last--;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < last; k++) {
            if (k > 0) out.append('\n');
            out.append(content.get(k));
        }
        if (!strip && last > 0) out.append('\n');
        return new Value(out.toString(), i);
    }

    /** A scalar or flow collection that fills the rest of a line in block context, or {@link #FAIL}. */
    private static Object inline(String s) {
        char c = s.charAt(0);
        if (c == '"' || c == '\'') {
            int[] end = new int[1];
            String value = quoted(s, 0, end);
            return value != null && end[0] == s.length() ? value : FAIL;
        }
        if (c == '[' || c == '{') {
            if (s.charAt(s.length() - 1) != (c == '[' ? ']' : '}')) return FAIL;
            return flow(s.substring(1, s.length() - 1), c == '{');
        }
        return plain(s, false);
    }

    /** A plain scalar, stripped; in a flow collection also no {@code :} or brackets. */
    private static Object plain(String s, boolean flow) {
        if (s.isEmpty() || INDICATORS.indexOf(s.charAt(0)) >= 0 || s.contains(" #") || s.endsWith(":")
                || s.contains(": ")) {
            return FAIL;
        }
        if (flow) {
            for (int i = 0; i < s.length(); i++) {
                if ("[]{},:#".indexOf(s.charAt(i)) >= 0) return FAIL;
            }
        }
        return NULLS.contains(s) ? null : s;
    }

    /** The items of {@code [ … ]} or entries of {@code { … }}, one level deep. */
    private static Object flow(String inner, boolean map) {
        List<Object> items = new ArrayList<>();
        Map<String, Object> entries = new LinkedHashMap<>();
        if (inner.isBlank()) return map ? Collections.unmodifiableMap(entries) : Collections.unmodifiableList(items);
        int i = 0;
        int n = inner.length();
        while (true) {
            while (i < n && inner.charAt(i) == ' ') i++;
            String key = null;
            if (map) {
                int colon = inner.indexOf(": ", i);
                if (colon < 0) return FAIL;
                key = inner.substring(i, colon);
                if (key.isEmpty() || keyLength(key) != key.length() || key.length() > 1000 || NULLS.contains(key) || entries.containsKey(key)) return FAIL;
                i = colon + 2;
                while (i < n && inner.charAt(i) == ' ') i++;
            }
            Object value;
            if (i < n && (inner.charAt(i) == '"' || inner.charAt(i) == '\'')) {
                int[] end = new int[1];
                value = quoted(inner, i, end);
                if (value == null) return FAIL;
                i = end[0];
                while (i < n && inner.charAt(i) == ' ') i++;
                if (i < n && inner.charAt(i) != ',') return FAIL;
            } else {
                int comma = inner.indexOf(',', i);
                int stop = comma < 0 ? n : comma;
                value = plain(inner.substring(i, stop).strip(), true);
                if (value == FAIL) return FAIL;
                i = stop;
            }
            if (map) entries.put(key, value);
            else items.add(value);
            if (i >= n) break;
            i++; // the comma
            if (inner.substring(i).isBlank()) return FAIL;
        }
        return map ? Collections.unmodifiableMap(entries) : Collections.unmodifiableList(items);
    }

    /**
     * The quoted scalar starting at {@code from}, with {@code end[0]} the index after its closing quote once
     * trailing spaces are skipped; null when it does not close on this line or holds an escape left to SnakeYAML.
     */
    private static String quoted(String s, int from, int[] end) {
        char quote = s.charAt(from);
        StringBuilder out = new StringBuilder();
        int i = from + 1;
        while (true) {
            if (i >= s.length()) return null;
            char c = s.charAt(i);
            if (c == quote) {
                if (quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            if (quote == '"' && c == '\\') {
                if (i + 1 >= s.length()) return null;
                char e = s.charAt(i + 1);
                switch (e) {
                    case '\\', '"' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> {
                        return null;
                    }
                }
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        i++;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        end[0] = i;
        return out.toString();
    }

    /** The index of the colon ending a key of letters, digits, {@code _} and {@code -} (not first), or -1. */
    private static int keyEnd(String line) {
        int i = keyLength(line);
        // SnakeYAML looks no further than 1024 characters for the colon of a key.
        if (i == 0 || i > 1000 || i >= line.length() || line.charAt(i) != ':') return -1;
        if (i + 1 < line.length() && line.charAt(i + 1) != ' ') return -1;
        return i;
    }

    /** How many characters at the start of {@code s} make a key: letters and {@code _}, then also digits and {@code -}. */
    private static int keyLength(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean more = (c >= '0' && c <= '9') || c == '-';
            if (!letter && (i == 0 || !more)) break;
            i++;
        }
        return i;
    }

    private String line(int i) {
        return text.substring(starts[i], ends[i]);
    }

    private int indent(int i) {
        int at = starts[i];
        while (at < ends[i] && text.charAt(at) == ' ') at++;
        return at - starts[i];
    }

    private boolean blank(int i) {
        return indent(i) == ends[i] - starts[i];
    }

    /** The first line from {@code i} on that is not {@link #skippable}; {@code starts.length} when there is none. */
    private int content(int i) {
        while (i < starts.length && skippable(i)) i++;
        return i;
    }

    /** A blank line, or a comment at column 1 (indented comments are left to SnakeYAML). */
    private boolean skippable(int i) {
        return blank(i) || (ends[i] > starts[i] && text.charAt(starts[i]) == '#');
    }
}
