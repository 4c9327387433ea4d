package dev.dashgen.portfolio;

import dev.dashgen.model.Problem;
import dev.dashgen.tasks.YamlMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Markdown file's YAML front matter ({@code ---} lines around YAML at the very top) and the body after it. Pure.
 * Front matter that cannot be read is a warning naming the file's line and SnakeYAML's message; the body is then
 * empty, since where the YAML ends is unknown.
 *
 * @param present  whether the file opens with front matter, readable or not
 * @param readable false when the front matter is never closed or its YAML cannot be read
 * @param fields   the top-level fields (empty when absent or unreadable)
 * @param lines    each field's line in the file
 * @param body     the Markdown after the front matter (the whole text without one)
 * @param problems what is wrong with the front matter, lines counted in the whole file
 */
public record FrontMatter(boolean present, boolean readable, Map<String, Object> fields, Map<String, Integer> lines,
                          String body, List<Problem> problems) {

    public FrontMatter {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        lines = lines == null ? Map.of() : Map.copyOf(lines);
        problems = List.copyOf(problems);
    }

    public static FrontMatter parse(String text, String file) {
        String s = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        int firstEnd = lineEnd(s, 0);
        if (!isFence(s, 0, firstEnd, false)) return new FrontMatter(false, true, null, null, s, List.of());
        int start = next(s, firstEnd);
        int line = 2;
        for (int at = start; at < s.length(); at = next(s, lineEnd(s, at)), line++) {
            int end = lineEnd(s, at);
            if (isFence(s, at, end, true)) return read(s.substring(start, at), s.substring(next(s, end)), file);
        }
        return new FrontMatter(true, false, null, null, "", List.of(Problem.warning(file, 1, 1,
                "front matter opened with --- on line 1 is never closed — add a line with --- after its last field")));
    }

    private static FrontMatter read(String yaml, String body, String file) {
        if (yaml.isBlank()) return new FrontMatter(true, true, null, null, body, List.of());
        YamlMapping.Result result = YamlMapping.parse(yaml, file, YamlMapping.Scalars.AS_WRITTEN);
        if (result instanceof YamlMapping.Failed failed) {
            return new FrontMatter(true, false, null, null, "", List.of(moved(failed.problem())));
        }
        YamlMapping.Read read = (YamlMapping.Read) result;
        List<Problem> problems = new ArrayList<>();
        for (Problem p : read.problems()) problems.add(moved(p));
        Map<String, Integer> lines = new java.util.LinkedHashMap<>();
        read.mapping().lines().forEach((k, v) -> lines.put(k, v + 1));
        return new FrontMatter(true, true, read.mapping().values(), lines, body, problems);
    }

    /** A problem of the YAML alone, placed in the whole file (the YAML starts on line 2) and worded for front matter. */
    private static Problem moved(Problem p) {
        String message = p.message()
                .replace("the file holds a", "it holds a")
                .replace("a task file is a mapping of fields such as id:, title:, status:",
                        "front matter is a mapping of fields such as title:, status:, initiative:")
                .replace("task files hold plain values only", "front matter holds plain values only");
        return Problem.warning(p.file(), p.line() > 0 ? p.line() + 1 : 1, p.column(), "front matter: " + message);
    }

    /** {@code ---} (or {@code ...} when closing) alone on its line, trailing spaces allowed. */
    private static boolean isFence(String s, int from, int to, boolean closing) {
        String line = s.substring(from, to).stripTrailing();
        return line.equals("---") || (closing && line.equals("..."));
    }

    private static int lineEnd(String s, int from) {
        int nl = s.indexOf('\n', from);
        int end = nl < 0 ? s.length() : nl;
        return end > from && s.charAt(end - 1) == '\r' ? end - 1 : end;
    }

    private static int next(String s, int lineEnd) {
        if (lineEnd < s.length() && s.charAt(lineEnd) == '\r') lineEnd++;
        return lineEnd < s.length() ? lineEnd + 1 : s.length();
    }

    /** A field as one line of text: null when missing or not a single value. */
    public String text(String field) {
        Object v = fields.get(field);
        if (v == null || v instanceof Map || v instanceof List) return null;
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    public int lineOf(String field) {
        return lines.getOrDefault(field, 1);
    }
}
