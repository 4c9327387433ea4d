package dev.dashgen.demo;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads generated task files the way any YAML-aware tool would, independent of dashgen's own reader. */
final class TaskFiles {
    static final Instant NOW = Instant.parse("2026-11-24T16:51:44.779728Z");

    private TaskFiles() {}

    static DemoOptions options(int tasks, int invocations, long seed, int broken) {
        return new DemoOptions(tasks, invocations, seed, broken, NOW);
    }

    static Object load(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    static boolean isTaskFile(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    static String topFolder(String path) {
        return path.substring(0, path.indexOf('/'));
    }

    static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.lastIndexOf('.'));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(String text) {
        return (Map<String, Object>) load(text);
    }

    static String id(Map<String, Object> task) {
        Object id = task.containsKey("id") ? task.get("id") : task.get("task_id");
        return id == null ? null : id.toString();
    }

    /**
     * The task ids among the dependency items (PRODUCT.md §2): bare ids, ids followed by a note in parentheses, and the
     * task_id (or id) of mappings; documents (a slash), web links and notes (spaces) are not task ids.
     */
    @SuppressWarnings("unchecked")
    static List<String> dependencies(Map<String, Object> task) {
        Object value = task.get("dependencies");
        if (value == null) return List.of();
        List<String> ids = new java.util.ArrayList<>();
        for (Object item : (List<Object>) value) {
            if (item instanceof Map<?, ?> map) {
                Object id = map.containsKey("task_id") ? map.get("task_id") : map.get("id");
                if (id != null) ids.add(id.toString());
                continue;
            }
            String s = item.toString().replaceFirst("\\s+\\([^()]*\\)$", "");
            if (!s.contains("/") && !s.contains(" ")) ids.add(s);
        }
        return ids;
    }

    static Object created(Map<String, Object> task) {
        return task.containsKey("created_at") ? task.get("created_at") : task.get("created");
    }

    /** A YAML timestamp or one of the text forms of PRODUCT.md §2; null when unreadable. */
    static Instant instant(Object value) {
        if (value instanceof Date date) return date.toInstant();
        if (value == null) return null;
        String text = value.toString();
        try {
            if (text.length() == 10) return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (text.length() == 19 && text.charAt(10) == ' ') {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
