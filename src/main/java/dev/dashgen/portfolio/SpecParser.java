package dev.dashgen.portfolio;

import dev.dashgen.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** One specification file's text to a {@link SpecFile} and the problems of its front matter. Pure. */
public final class SpecParser {
    private static final Parser MARKDOWN = Parser.builder().build();
    /** A title is in the first lines of a document: a huge file is not parsed whole to find it. */
    private static final int HEADING_SCAN = 256 * 1024;

    public record Parsed(SpecFile spec, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    private SpecParser() {}

    /** {@code file} is the path from the repository root, as problems name it. */
    public static Parsed parse(String text, String file) {
        FrontMatter fm = FrontMatter.parse(text, file);
        if (!fm.readable()) return new Parsed(SpecFile.byPath(file), fm.problems());
        List<Problem> problems = new ArrayList<>(fm.problems());
        for (String field : List.of("id", "title", "status", "initiative", "priority")) {
            Object v = fm.fields().get(field);
            if (v instanceof Map || v instanceof List) {
                problems.add(Problem.warning(file, fm.lineOf(field), 0, "front matter: " + field
                        + " should be a single value, not a " + (v instanceof Map ? "mapping" : "list") + " — write it as text"));
            }
        }
        String title = fm.text("title");
        if (title == null) title = firstHeading(fm.body());
        SpecFile spec = new SpecFile(file, fm.text("id"), title, fm.text("status"), fm.text("initiative"), fm.text("priority"),
                features(fm, file, problems), completion(fm, file, problems), fm.present());
        return new Parsed(spec, problems);
    }

    private static List<SpecFile.Feature> features(FrontMatter fm, String file, List<Problem> problems) {
        Object value = fm.fields().get("features");
        if (value == null) return List.of();
        if (!(value instanceof List<?> list)) {
            problems.add(Problem.warning(file, fm.lineOf("features"), 0,
                    "front matter: features should be a list of {id, title, status} — write one item per line starting with \"- \""));
            return List.of();
        }
        List<SpecFile.Feature> features = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                features.add(new SpecFile.Feature(scalar(map.get("id")), scalar(map.get("title")), scalar(map.get("status"))));
            } else if (item instanceof List) {
                problems.add(Problem.warning(file, fm.lineOf("features"), 0,
                        "front matter: a feature is a list inside the list — write each as {id, title, status}"));
            } else if (scalar(item) != null) {
                features.add(new SpecFile.Feature(null, scalar(item), null));
            }
        }
        return features;
    }

    private static Integer completion(FrontMatter fm, String file, List<Problem> problems) {
        Object value = fm.fields().get("completion");
        if (value == null) return null;
        String text = value instanceof Map || value instanceof List ? null : String.valueOf(value).strip();
        if (text != null && text.endsWith("%")) text = text.substring(0, text.length() - 1).strip();
        try {
            double d = Double.parseDouble(text == null ? "x" : text);
            if (d >= 0 && d <= 100) return (int) Math.round(d);
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.warning(file, fm.lineOf("completion"), 0, "front matter: completion \""
                + shown(value) + "\" is not a number from 0 to 100 — write e.g. completion: 60, or remove it"));
        return null;
    }

    private static String shown(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String scalar(Object v) {
        if (v == null || v instanceof Map || v instanceof List) return null;
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }

    /** The text of the first Markdown heading (ATX or setext, never one inside a code block), or null. */
    static String firstHeading(String body) {
        if (body == null || body.isBlank()) return null;
        String text = body.length() > HEADING_SCAN ? body.substring(0, HEADING_SCAN) : body;
        Node doc = MARKDOWN.parse(text);
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading heading) {
                StringBuilder title = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        title.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        title.append(c.getLiteral());
                    }
                });
                String s = title.toString().strip();
                if (!s.isEmpty()) return s;
            }
        }
        return null;
    }
}
