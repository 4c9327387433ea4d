package dev.dashgen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dashgen.model.Problem;
import java.util.List;

/** Problem lists for machines: JSON like {@code data/problems.json}, and GitHub workflow annotations. */
final class ProblemFormats {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemFormats() {}

    static String json(List<Problem> problems) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        ArrayNode list = root.putArray("problems");
        for (Problem p : problems) {
            list.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column())
                    .put("severity", p.severity().label()).put("message", p.message());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ::error file=…,line=…,col=…::message}; problems name files from the repository root, so PRs are annotated. */
    static String github(List<Problem> problems) {
        StringBuilder s = new StringBuilder();
        for (Problem p : problems) {
            s.append("::").append(p.severity().label()).append(" file=").append(property(p.file()));
            if (p.line() > 0) s.append(",line=").append(p.line());
            if (p.column() > 0) s.append(",col=").append(p.column());
            s.append("::").append(data(p.message())).append(System.lineSeparator());
        }
        return s.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
