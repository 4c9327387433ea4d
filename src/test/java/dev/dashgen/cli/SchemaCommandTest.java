package dev.dashgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.dashgen.demo.BrokenKind;
import dev.dashgen.demo.DemoGenerator;
import dev.dashgen.demo.DemoOptions;
import dev.dashgen.demo.DemoWorkspace;
import dev.dashgen.model.Problem;
import dev.dashgen.tasks.LaneSource;
import dev.dashgen.tasks.TaskParser;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code dashgen schema}: a draft 2020-12 JSON Schema that agrees with dashgen about single task files. YAML is read
 * into JSON as an editor's YAML language server reads it (timestamps stay strings).
 */
class SchemaCommandTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Problems dashgen finds in one file on its own: what a schema can and should catch. */
    private static final List<String> SCHEMA_KINDS = List.of("not a mapping", "unknown status", "unknown priority",
            "unreadable timestamp", "should be a single value", "should be a list", "no id field; using the file name");
    private static String text;
    private static Schema schema;

    @BeforeAll
    static void printTheSchema() {
        Cli.Run r = Cli.run("schema");
        assertEquals(0, r.exit(), r::toString);
        text = r.out();
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    private static List<Error> errors(String yaml) {
        try {
            return schema.validate(YAML.readTree(yaml));
        } catch (JsonProcessingException e) {
            throw new AssertionError("not YAML: " + yaml, e);
        }
    }

    private static void accepted(String yaml) {
        assertEquals(List.of(), errors(yaml), yaml);
    }

    private static void rejected(String yaml) {
        assertFalse(errors(yaml).isEmpty(), () -> "accepted: " + yaml);
    }

    @Test
    void isAValidDraft202012Schema() throws JsonProcessingException {
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals("https://json-schema.org/draft/2020-12/schema", root.get("$schema").asText());
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(List.of(), meta.validate(root));
        assertTrue(text.endsWith("}\n"), "ends with a newline, ready to redirect into a file");
    }

    @Test
    void acceptsTheTasksPeopleWrite() {
        accepted("id: t-1\ntitle: Fix login\n");
        accepted("task_id: t-1\n");
        accepted("id: t-1\nstatus: In Progress\npriority: HIGH\n");
        accepted("id: t-1\nstatus: completed\npriority: ' low '\n");
        accepted("id: t-1\nstatus: in-progress\n");
        accepted("id: t-1\nstatus: pending\npriority:\n");
        accepted("id: t-1\ncreated_at: 2026-11-24T16:51:44Z\nassigned_at: 2026-11-24 16:51:44\n"
                + "started_at: 2026-11-24T18:51:44.779728+02:00\ncompleted_at: 2026-11-25\ncreated: '2001-12-14 21:59:43.10 -5'\n");
        accepted("id: t-1\ndependencies: [t-0, 2026-11-03T0912-x]\ntags: [a, 2026]\nartefacts: out/report.md\n");
        accepted("id: t-1\nresult:\n  summary: Done it\n  next_agent: reviewer\n");
        accepted("id: t-1\nresult: Done it\ntitle: 42\n");
        accepted("id: t-1\nreviewer: ann\nestimate_hours: 2.5\ncustom: {any: [thing]}\n");
    }

    /** Every form of dependency item PRODUCT.md §2 reads, as hand-written and agent-written files have them. */
    @Test
    void acceptsEveryFormOfDependency() {
        accepted("id: t-1\ndependencies:\n  - 2026-02-11T1100-x\n  - type: prerequisite\n    task_id: 2026-02-11T1100-x\n"
                + "    description: Needs the schema\n  - {id: t-0, type: synergy}\n  - {type: parallel, description: no id, a note}\n"
                + "  - docs/architecture/adrs/ADR-011-x.md\n  - docs/adr/ADR-011.md (context)\n  - DDR-011 (completed)\n"
                + "  - ✅ Tech stack decision - RESOLVED\n  - https://example.org/rfc (upstream)\n  - 42\n  -\n");
        accepted("id: t-1\ndependencies: t-0, t-2\n");
        accepted("id: t-1\ndependencies:\n  - {task_id: 'javascript:alert(1)'}\n");
    }

    /** Junk inside a dependency is what dashgen warns about, so the schema marks it too. */
    @Test
    void rejectsNestedJunkInDependencies() {
        rejected("id: t-1\ndependencies:\n  - task_id: [t-2, t-3]\n");
        rejected("id: t-1\ndependencies:\n  - [t-2, t-3]\n");
        rejected("id: t-1\ndependencies:\n  - {id: {nested: map}}\n");
        for (String yaml : List.of("id: t-1\ndependencies:\n  - task_id: [t-2, t-3]\n", "id: t-1\ndependencies:\n  - [t-2, t-3]\n")) {
            assertFalse(TaskParser.parse(yaml, "inbox/t-1.yaml", LaneSource.FOLDER).problems().isEmpty(), yaml);
        }
    }

    @Test
    void rejectsWhatDashgenWarnsAbout() {
        rejected("- id: t-1\n  title: A list, not a mapping\n");
        rejected("just a line of text\n");
        rejected("title: no id at all\n");
        rejected("id: ''\n");
        rejected("id: t-1\npriority: urgent\n");
        rejected("id: t-1\nstatus: wip\n");
        rejected("id: t-1\nstatus: true\n");
        rejected("id: t-1\ncreated_at: next Tuesday\n");
        rejected("id: t-1\ncreated_at: 2026-13-45 25:61\n");
        rejected("id: t-1\ncompleted_at: 03/11/26 9:12 pm\n");
        rejected("id: t-1\ntitle: [a, b]\n");
        rejected("id: t-1\ndependencies: {t-0: yes}\n");
        rejected("id: t-1\ntags: {a: b}\n");
    }

    /**
     * Every file of a demo workspace: the schema accepts a file exactly when dashgen reads it without a problem the
     * file shows on its own. Problems across files (duplicate ids, dangling dependencies, a status that does not fit
     * the folder) are beyond a schema, which sees one file; files that are not YAML or not UTF-8 fail before a
     * schema applies.
     */
    @Test
    void agreesWithDashgenOnEveryFileTheDemoGeneratorWrites() {
        DemoWorkspace demo = DemoGenerator.generate(new DemoOptions(1500, 0, 7, 90, Instant.parse("2026-11-24T00:00:00Z")));
        Set<BrokenKind> seen = EnumSet.noneOf(BrokenKind.class);
        int accepted = 0;
        int rejected = 0;
        for (Map.Entry<String, String> file : demo.files().entrySet()) {
            String path = file.getKey();
            boolean read = (path.endsWith(".yaml") || path.endsWith(".yml")) && !path.startsWith("backups/");
            if (!read) continue; // backups/ is not read by dashgen
            BrokenKind kind = demo.brokenFiles().get(path);
            if (kind != null) seen.add(kind);
            if (kind == BrokenKind.UNPARSEABLE_YAML) {
                assertThrows(JsonProcessingException.class, () -> YAML.readTree(file.getValue()), path);
                continue;
            }
            if (kind == BrokenKind.NOT_UTF8) continue;
            List<Problem> problems = TaskParser.parse(file.getValue(), path, LaneSource.FOLDER).problems();
            boolean flagged = problems.stream().anyMatch(p -> SCHEMA_KINDS.stream().anyMatch(p.message()::contains));
            List<Error> errors = errors(file.getValue());
            assertEquals(!flagged, errors.isEmpty(), () -> path + "\n" + file.getValue() + "\ndashgen: " + problems + "\nschema: " + errors);
            if (kind == BrokenKind.NOT_A_MAPPING || kind == BrokenKind.UNREADABLE_TIMESTAMP) assertFalse(errors.isEmpty(), path);
            if (kind == BrokenKind.DANGLING_DEPENDENCY || kind == BrokenKind.DUPLICATE_ID) assertTrue(errors.isEmpty(), path);
            if (errors.isEmpty()) accepted++;
            else rejected++;
        }
        assertEquals(EnumSet.allOf(BrokenKind.class), seen, "every kind of broken file was tried");
        assertTrue(accepted > 1000 && rejected > 30, accepted + " accepted, " + rejected + " rejected");
    }
}
