package dev.dashgen.tasks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code dependencies} field in the forms hand-written and agent-written task files use (PRODUCT.md §2):
 * task ids, mappings with {@code task_id}, document paths, ids or paths followed by a note in parentheses, web
 * addresses, Markdown links and free text. Pure and linear in the number of items.
 */
public final class Dependencies {

    /** What the field holds: every item in order, the distinct task-link ids in order, and warnings about junk. */
    public record Read(List<Dependency> items, List<String> taskIds, List<String> warnings) {
        public Read {
            items = List.copyOf(items);
            taskIds = List.copyOf(taskIds);
            warnings = List.copyOf(warnings);
        }
    }

    /** Extensions that make a single word a file rather than a task id. */
    private static final Set<String> DOCUMENT_EXTENSIONS = Set.of("md", "markdown", "mdx", "txt", "rst", "adoc", "org",
            "yaml", "yml", "json", "toml", "xml", "csv", "tsv", "ini", "cfg", "conf", "html", "htm", "pdf", "png", "jpg",
            "jpeg", "gif", "svg", "drawio", "puml", "mmd", "ipynb", "sql", "sh", "py", "java", "kt", "js", "ts", "go", "rs", "rb");
    /** Words people write where there is nothing to depend on. */
    private static final Set<String> PLACEHOLDERS = Set.of("none", "n/a", "na", "-", "—", "nil", "null", "[]");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]]*)]\\(\\s*<?([^)\\s>]*)>?\\s*\\)(.*)", Pattern.DOTALL);
    private static final int MAX_NOTE = 1000;
    private static final int MAX_WARNINGS = 10;

    private final List<Dependency> items = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private int suppressed;

    private Dependencies() {}

    /** {@code value} is the field as YAML gave it: null, a scalar, a list or a mapping. */
    public static Read parse(Object value) {
        Dependencies d = new Dependencies();
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) d.item(list.get(i), i + 1);
        } else if (value instanceof Map) {
            d.warn("dependencies should be a list, not a mapping — write one item per line starting with \"- \"");
        } else if (value != null) {
            d.string(String.valueOf(value));
        }
        if (d.suppressed > 0) d.warnings.add("… and " + d.suppressed + " more dependencies like these");
        return new Read(d.items, List.copyOf(d.ids), d.warnings);
    }

    private void item(Object item, int n) {
        if (item == null) return;
        if (item instanceof Map<?, ?> map) {
            mapping(map, n);
        } else if (item instanceof List<?> list) {
            warn("dependencies item " + n + " is a list inside the list — write each dependency as its own item");
            note(text(list, 0));
        } else {
            string(String.valueOf(item));
        }
    }

    private void mapping(Map<?, ?> map, int n) {
        Object idValue = map.containsKey("task_id") ? map.get("task_id") : map.get("id");
        if (idValue instanceof Map || idValue instanceof List) {
            warn("dependencies item " + n + ": " + (map.containsKey("task_id") ? "task_id" : "id")
                    + " should be a single value, not a " + (idValue instanceof Map ? "mapping" : "list")
                    + " — write one mapping per task");
            note(text(map, 0));
            return;
        }
        String id = idValue == null ? "" : String.valueOf(idValue).strip();
        if (id.isEmpty()) {
            if (!map.isEmpty()) note(text(map, 0));
            return;
        }
        String note = null;
        String[] split = splitNote(id);
        if (split != null && !hasSpace(split[0])) { // "DDR-011 (completed)" as a task_id too
            id = split[0];
            note = split[1];
        }
        StringBuilder others = new StringBuilder();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("task_id") || key.equals("id") || key.equals("type") || key.equals("description")) continue;
            if (e.getValue() == null) continue;
            if (others.length() > 0) others.append("; ");
            others.append(key).append(": ").append(text(e.getValue(), 1));
        }
        if (others.length() > 0) note = note == null ? others.toString() : note + "; " + others;
        link(new Dependency.TaskLink(id, blankToNull(text(map.get("type"), 1)), blankToNull(text(map.get("description"), 1)),
                cap(note)));
    }

    private void string(String raw) {
        String s = unquote(raw.strip());
        if (s.isEmpty() || PLACEHOLDERS.contains(s.toLowerCase(Locale.ROOT))) return;
        Matcher md = MARKDOWN_LINK.matcher(s);
        if (md.matches()) {
            markdownLink(md.group(1).strip(), md.group(2), md.group(3).strip(), s);
            return;
        }
        if (s.indexOf(',') >= 0 && s.indexOf('(') < 0) {
            String[] parts = s.split(",");
            if (allSingleWords(parts)) {
                for (String part : parts) string(part);
                return;
            }
        }
        if (s.startsWith("(")) {
            note(s);
            return;
        }
        String head = s;
        String note = null;
        String[] split = splitNote(s);
        if (split != null) {
            head = split[0];
            note = split[1];
        }
        if (hasSpace(head)) {
            note(s);
        } else if (isWeb(head)) {
            items.add(new Dependency.WebLink(head, cap(note)));
        } else if (isPath(head)) {
            items.add(new Dependency.DocumentRef(head, cap(note)));
        } else {
            link(new Dependency.TaskLink(head, null, null, cap(note)));
        }
    }

    private void markdownLink(String label, String target, String rest, String whole) {
        String note = label.isEmpty() ? null : label;
        if (!rest.isEmpty()) note = note == null ? rest : note + " " + rest;
        if (isWeb(target)) {
            items.add(new Dependency.WebLink(target, cap(note)));
        } else if (!target.isEmpty() && !target.startsWith("#") && !target.contains(":")) {
            items.add(new Dependency.DocumentRef(target, cap(note)));
        } else {
            note(whole);
        }
    }

    private void link(Dependency.TaskLink link) {
        items.add(link);
        ids.add(link.id());
    }

    private void note(String text) {
        String t = text.strip();
        if (!t.isEmpty()) items.add(new Dependency.Note(cap(t)));
    }

    private void warn(String message) {
        if (warnings.size() < MAX_WARNINGS) warnings.add(message);
        else suppressed++;
    }

    /**
     * {@code head (note)} → [head, note]; null when the text does not end in a parenthesised note set off by a space,
     * so that an id such as {@code javascript:alert(1)} stays whole.
     */
    static String[] splitNote(String s) {
        if (!s.endsWith(")")) return null;
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ')') depth++;
            else if (c == '(' && --depth == 0) {
                if (i == 0 || !Character.isWhitespace(s.charAt(i - 1))) return null;
                String head = s.substring(0, i).strip();
                if (head.isEmpty()) return null;
                String note = s.substring(i + 1, s.length() - 1).strip();
                return new String[] {head, note.isEmpty() ? null : note};
            }
        }
        return null;
    }

    /** A word with a slash, or ending in a document extension, names a file: {@code docs/adr/ADR-011.md}, {@code PLAN.md}. */
    static boolean isPath(String word) {
        if (word.indexOf('/') >= 0 || word.indexOf('\\') >= 0) return true;
        String name = word;
        int hash = name.indexOf('#');
        if (hash > 0) name = name.substring(0, hash);
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 && DOCUMENT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean isWeb(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && word.length() > lower.indexOf("//") + 2;
    }

    private static boolean allSingleWords(String[] parts) {
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty() || hasSpace(p)) return false;
        }
        return parts.length > 1;
    }

    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) return true;
        }
        return false;
    }

    /** Backticks around a word are Markdown for "code", not part of the id or path. */
    private static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '`' && s.charAt(s.length() - 1) == '`') return s.substring(1, s.length() - 1).strip();
        return s;
    }

    /** A YAML value as one line of text, nesting shown with ": ", "; " and ", ", bounded so junk stays small. */
    static String text(Object value, int depth) {
        if (value == null) return "";
        if (depth > 4) return "…";
        if (value instanceof Map<?, ?> map) {
            StringBuilder s = new StringBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (s.length() > MAX_NOTE) break;
                if (s.length() > 0) s.append("; ");
                s.append(e.getKey()).append(": ").append(text(e.getValue(), depth + 1));
            }
            return cap(s.toString());
        }
        if (value instanceof List<?> list) {
            StringBuilder s = new StringBuilder();
            for (Object item : list) {
                if (s.length() > MAX_NOTE) break;
                if (s.length() > 0) s.append(", ");
                s.append(text(item, depth + 1));
            }
            return cap(s.toString());
        }
        return String.valueOf(value).strip();
    }

    private static String cap(String s) {
        if (s == null || s.length() <= MAX_NOTE) return s;
        return s.substring(0, MAX_NOTE) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
