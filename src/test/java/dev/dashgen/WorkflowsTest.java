package dev.dashgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * This repository's GitHub workflows, its action ({@code .github/actions/dashgen}), and the workflow the README
 * offers users, read with a YAML parser: triggers, permissions, the actions used (each pinned to a major version,
 * or this repository's own), the action's inputs (each described, used and documented) and the commands run.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Path ACTION = Path.of(".github/actions/dashgen/action.yml");
    /** owner/repo@vN, or owner/repo/path/to/action@vN. */
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w.-]+)*@v\\d+");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    private static Map<String, Object> workflow(String file) throws IOException {
        return load(Files.readString(WORKFLOWS.resolve(file)));
    }

    /** YAML 1.1 reads the key {@code on} as the boolean true; GitHub reads it as "on". */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> triggers(Map<String, Object> wf) {
        Object on = wf.containsKey("on") ? wf.get("on") : wf.get(true);
        return (Map<String, Object>) on;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> wf) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object job : map(wf.get("jobs")).values()) steps.addAll((List<Map<String, Object>>) map(job).get("steps"));
        return steps;
    }

    private static List<String> uses(Map<String, Object> wf) {
        return steps(wf).stream().filter(s -> s.containsKey("uses")).map(s -> (String) s.get("uses")).toList();
    }

    private static List<String> runs(Map<String, Object> wf) {
        return steps(wf).stream().filter(s -> s.containsKey("run")).map(s -> (String) s.get("run")).toList();
    }

    private static Map<String, Object> step(Map<String, Object> wf, String action) {
        return steps(wf).stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static void assertPinned(Map<String, Object> wf, String where) {
        assertPinned(uses(wf), where);
    }

    /** This repository's own action (./…) is the commit being run, so it needs no pin. */
    private static void assertPinned(List<String> uses, String where) {
        for (String u : uses) {
            if (u.startsWith("./")) continue;
            assertTrue(PINNED.matcher(u).matches(), where + ": " + u + " is not pinned to a major version (@v4)");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action() throws IOException {
        return load(Files.readString(ACTION));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actionSteps(Map<String, Object> action) {
        return (List<Map<String, Object>>) map(action.get("runs")).get("steps");
    }

    @Test
    void ciBuildsAndTestsEveryPushAndPullRequestWithTheReadmesCommand() throws IOException {
        Map<String, Object> ci = workflow("ci.yml");
        assertTrue(triggers(ci).containsKey("push") && triggers(ci).containsKey("pull_request"), triggers(ci)::toString);
        assertTrue(uses(ci).stream().anyMatch(u -> u.startsWith("actions/checkout@")), uses(ci)::toString);
        Map<String, Object> java = map(step(ci, "actions/setup-java").get("with"));
        assertEquals("maven", java.get("cache"));
        assertEquals("17", String.valueOf(java.get("java-version")));
        assertTrue(runs(ci).contains("mvn -B verify"), runs(ci)::toString);
        assertTrue(Files.readString(Path.of("README.md")).contains("\nmvn -B verify "), "the README's test command");
    }

    @Test
    void pagesPublishesTheDemoDashboard() throws IOException {
        Map<String, Object> pages = workflow("pages.yml");
        assertTrue(triggers(pages).containsKey("push"), triggers(pages)::toString);
        Map<String, Object> permissions = map(pages.get("permissions"));
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
        assertTrue(runs(pages).stream().anyMatch(r -> r.startsWith("./dashgen demo --out \"$RUNNER_TEMP/demo\"")),
                runs(pages)::toString);
        Map<String, Object> build = steps(pages).stream().filter(s -> "./.github/actions/dashgen".equals(s.get("uses")))
                .findFirst().orElseThrow(() -> new AssertionError("pages.yml builds with this repository's action"));
        Map<String, Object> with = map(build.get("with"));
        assertEquals("${{ runner.temp }}/demo/dashgen.yaml", with.get("config"));
        assertEquals("_site", with.get("out"));
        assertEquals("_site", map(step(pages, "actions/upload-pages-artifact").get("with")).get("path"));
        step(pages, "actions/deploy-pages");
        Map<String, Object> deploy = map(map(pages.get("jobs")).get("deploy"));
        assertEquals("github-pages", map(deploy.get("environment")).get("name"));
        assertEquals("build", deploy.get("needs"));
    }

    @Test
    void everyActionIsPinnedToAMajorVersion() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(WORKFLOWS)) {
            files = list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(List.of(WORKFLOWS.resolve("ci.yml"), WORKFLOWS.resolve("pages.yml")), files);
        for (Path file : files) assertPinned(load(Files.readString(file)), file.toString());
        List<String> actionUses = actionSteps(action()).stream().filter(s -> s.containsKey("uses"))
                .map(s -> (String) s.get("uses")).toList();
        assertTrue(actionUses.contains("actions/setup-java@v4"), actionUses::toString);
        assertPinned(actionUses, ACTION.toString());
    }

    /** Every input is described in the action, passed to dashgen by it, and listed in the README's table. */
    @Test
    void theActionsInputsAreDescribedUsedAndDocumented() throws IOException {
        Map<String, Object> action = action();
        assertEquals("composite", map(action.get("runs")).get("using"));
        Map<String, Object> inputs = map(action.get("inputs"));
        assertTrue(inputs.keySet().containsAll(List.of("work", "telemetry", "out", "config", "fail-on-budget", "summary")),
                inputs.keySet()::toString);
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## GitHub Actions and Pages"),
                readme.indexOf("## The site and its data contract"));
        String steps = Files.readString(ACTION).substring(Files.readString(ACTION).indexOf("runs:"));
        for (Map.Entry<String, Object> input : inputs.entrySet()) {
            String name = input.getKey();
            Object description = map(input.getValue()).get("description");
            assertTrue(description instanceof String d && d.length() > 20, name + " has a description");
            assertTrue(steps.contains("inputs." + name + " }}"), name + " is passed on by the action's steps");
            assertTrue(section.contains("| `" + name + "` |"), name + " is in the README's table of inputs");
        }
        assertEquals("_site", map(inputs.get("out")).get("default"), "the folder upload-pages-artifact takes by default");
        for (Object output : map(action.get("outputs")).keySet()) {
            assertTrue(section.contains("`" + output + "`"), output + " is named in the README");
        }
        String run = (String) actionSteps(action).stream().filter(s -> s.containsKey("run")).findFirst().orElseThrow()
                .get("run");
        assertTrue(run.contains("--fail-on-budget") && run.contains("--summary \"$GITHUB_STEP_SUMMARY\""), run);
        assertTrue(run.contains("/dashgen\" \"${args[@]}\"") || run.contains("\"$launcher\" \"${args[@]}\""), run);
    }

    /** The workflow users copy from the README: about a dozen lines, the action, then Pages. */
    @Test
    void theReadmeShowsUsersACompleteWorkflowWithTheAction() throws IOException {
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        Map<String, Object> wf = null;
        String text = null;
        while (block.find()) {
            if (block.group(1).contains("jobs:")) {
                assertEquals(null, wf, "one workflow in the README");
                text = block.group(1);
                wf = load(text);
            }
        }
        assertTrue(wf != null, "a workflow in the README");
        assertTrue(text.strip().split("\n").length <= 16, "about a dozen lines:\n" + text);
        assertTrue(triggers(wf).containsKey("push"), triggers(wf)::toString);
        Map<String, Object> dashgen = steps(wf).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("OWNER/dashgen/.github/actions/dashgen@")).findFirst()
                .orElseThrow(() -> new AssertionError("the README's workflow uses the action"));
        assertEquals(true, map(dashgen.get("with")).get("fail-on-budget"));
        assertEquals("_site", map(step(wf, "actions/upload-pages-artifact").get("with")).get("path"));
        step(wf, "actions/deploy-pages");
        Map<String, Object> permissions = map(wf.get("permissions"));
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
        assertPinned(wf, "README");
        String readme = Files.readString(Path.of("README.md"));
        assertFalse(readme.contains("@main") || readme.contains("@master"), "no action at a moving branch");
    }
}
