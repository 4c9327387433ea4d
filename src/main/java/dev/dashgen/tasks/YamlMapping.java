package dev.dashgen.tasks;

import dev.dashgen.model.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML document read as a top-level mapping of plain values (strings, numbers, booleans,
 * lists, maps), with the line of each top-level key. Only the node graph is composed: no object
 * is ever constructed from a tag, so {@code !!java...} tags cannot run code; they are reported.
 * Aliases, nesting and size are bounded so hostile files cost little.
 */
public record YamlMapping(Map<String, Object> values, Map<String, Integer> lines, Map<String, Integer> columns) {

    public static final int MAX_CHARS = 2 * 1024 * 1024;
    private static final int MAX_DEPTH = 40;
    private static final int MAX_ALIASES = 50;
    private static final int MAX_NODES = 100_000;
    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL,
            Tag.TIMESTAMP, Tag.SEQ, Tag.MAP, Tag.BINARY, Tag.MERGE, Tag.OMAP, Tag.PAIRS, Tag.SET);

    /** The mapping, or the problem that stops the file from being read. */
    public sealed interface Result permits Read, Failed {}

    public record Read(YamlMapping mapping, List<Problem> problems) implements Result {}

    public record Failed(Problem problem) implements Result {}

    /** How scalars come back: as typed values (numbers, booleans), or as the text written, which task files need. */
    public enum Scalars { TYPED, AS_WRITTEN }

    /**
     * Reads a mapping. With {@link Scalars#AS_WRITTEN} an id {@code 007} stays "007" and {@code yes} stays "yes":
     * YAML's number and boolean typing would otherwise rewrite what the user wrote.
     */
    public static Result parse(String text, String file, Scalars scalars) {
        if (text.length() > MAX_CHARS) {
            return new Failed(Problem.error(file, 0, 0, String.format(java.util.Locale.ROOT,
                    "file is %.1f MB; task files over %d MB are not read — move large content into a separate file",
                    text.length() / 1e6, MAX_CHARS / (1024 * 1024))));
        }
        if (scalars == Scalars.AS_WRITTEN) {
            YamlMapping plain = PlainYaml.read(text);
            if (plain != null) return new Read(plain, List.of());
        }
        return compose(text, file, scalars);
    }

    /** Reads with SnakeYAML, whatever the shape of the file. */
    static Result compose(String text, String file, Scalars scalars) {
        Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(text), OPTIONS), RESOLVER, OPTIONS).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String why = describe(e);
            String advice = why.contains("tag") ? "remove the tag: task files hold plain values only"
                    : "fix the YAML syntax (indentation, quotes, colons)";
            return new Failed(Problem.error(file, line, column, "YAML cannot be parsed: " + why + " — " + advice));
        } catch (YAMLException e) {
            return new Failed(Problem.error(file, 0, 0, "YAML refused: " + firstLine(e.getMessage())
                    + " — simplify the file (fewer aliases, less nesting)"));
        } catch (StackOverflowError e) {
            return new Failed(Problem.error(file, 0, 0, "YAML nests too deeply to read — flatten the file"));
        }
        if (root == null) {
            return new Failed(Problem.error(file, 1, 1, "file is empty — a task file is a YAML mapping with at least an id and a title"));
        }
        if (!(root instanceof MappingNode mapping)) {
            Mark mark = root.getStartMark();
            return new Failed(Problem.error(file, mark.getLine() + 1, mark.getColumn() + 1,
                    "not a mapping: the file holds a " + kind(root) + " — a task file is a mapping of fields such as id:, title:, status:"));
        }
        if (!Tag.MAP.equals(mapping.getTag())) {
            Mark mark = mapping.getStartMark();
            return new Failed(Problem.error(file, mark.getLine() + 1, mark.getColumn() + 1, "tag " + mapping.getTag().getValue()
                    + " on the document is not allowed — task files hold plain values only; remove the tag"));
        }
        return new Converter(file, scalars).top(mapping);
    }

    /** Read, never changed, after this: shared by every parse (SnakeYAML's Yaml object builds both again each time). */
    private static final LoaderOptions OPTIONS = options();
    private static final Resolver RESOLVER = new Resolver();

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowDuplicateKeys(true); // duplicates are reported as a problem by the converter
        return options;
    }

    private static String describe(MarkedYAMLException e) {
        String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
        String context = e.getContext();
        return context == null ? problem : context + ", " + problem;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String kind(Node node) {
        if (node instanceof SequenceNode) return "list";
        if (node instanceof ScalarNode s) return s.getTag() == Tag.NULL ? "null value" : "single value";
        return "mapping";
    }

    /** Turns nodes into plain values; collects problems; guards against alias expansion and cycles. */
    private static final class Converter {
        private final String file;
        private final Scalars scalars;
        private final List<Problem> problems = new ArrayList<>();
        private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
        private int nodes;

        Converter(String file, Scalars scalars) {
            this.file = file;
            this.scalars = scalars;
        }

        Result top(MappingNode mapping) {
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            Map<String, Integer> columns = new LinkedHashMap<>();
            try {
                for (NodeTuple tuple : mapping.getValue()) {
                    Node keyNode = tuple.getKeyNode();
                    Mark mark = keyNode.getStartMark();
                    String key = String.valueOf(value(keyNode, 1));
                    if (values.containsKey(key)) {
                        problems.add(Problem.warning(file, mark.getLine() + 1, mark.getColumn() + 1,
                                "field \"" + key + "\" appears twice; the last one wins — remove one of them"));
                    }
                    values.put(key, value(tuple.getValueNode(), 1));
                    lines.put(key, mark.getLine() + 1);
                    columns.put(key, mark.getColumn() + 1);
                }
            } catch (Refused e) {
                return new Failed(e.problem);
            }
            return new Read(new YamlMapping(values, lines, columns), problems);
        }

        private Object value(Node node, int depth) {
            if (++nodes > MAX_NODES) throw refuse(node, "the file expands to more than " + MAX_NODES
                    + " values (aliases?) — write the values out plainly");
            if (depth > MAX_DEPTH) throw refuse(node, "values nest deeper than " + MAX_DEPTH + " levels — flatten the file");
            Tag tag = node.getTag();
            if (!PLAIN_TAGS.contains(tag)) {
                throw refuse(node, "tag " + tag.getValue() + " is not allowed — task files hold plain values only; remove the tag");
            }
            if (node instanceof ScalarNode scalar) return scalar(scalar);
            if (!path.add(node)) throw refuse(node, "a value refers to itself through an alias — remove the alias");
            try {
                if (node instanceof SequenceNode seq) {
                    List<Object> list = new ArrayList<>(seq.getValue().size());
                    for (Node item : seq.getValue()) list.add(value(item, depth + 1));
                    return Collections.unmodifiableList(list);
                }
                Map<String, Object> map = new LinkedHashMap<>();
                for (NodeTuple tuple : ((MappingNode) node).getValue()) {
                    map.put(String.valueOf(value(tuple.getKeyNode(), depth + 1)), value(tuple.getValueNode(), depth + 1));
                }
                return Collections.unmodifiableMap(map);
            } finally {
                path.remove(node);
            }
        }

        private Object scalar(ScalarNode scalar) {
            String text = scalar.getValue();
            Tag tag = scalar.getTag();
            if (tag == Tag.NULL) return null;
            if (scalars == Scalars.AS_WRITTEN) return text;
            if (tag == Tag.BOOL) return Boolean.valueOf(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")
                    || text.equalsIgnoreCase("on") || text.equalsIgnoreCase("y"));
            if (tag == Tag.INT) {
                try {
                    return Long.parseLong(text.replace("_", ""));
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            if (tag == Tag.FLOAT) {
                try {
                    return Double.parseDouble(text.replace("_", ""));
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            return text; // strings, timestamps (read by Timestamp), binary: kept as written
        }

        private Refused refuse(Node node, String message) {
            Mark mark = node.getStartMark();
            return new Refused(Problem.error(file, mark.getLine() + 1, mark.getColumn() + 1, message));
        }
    }

    private static final class Refused extends RuntimeException {
        final transient Problem problem;

        Refused(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
