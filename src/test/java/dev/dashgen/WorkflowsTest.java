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
 * This repository's GitHub workflows, and the one the README offers users, read with a YAML parser: triggers,
 * permissions, the actions used (each pinned to a major version) and the commands run.
 */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+@v\\d+");

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
        for (String u : uses(wf)) assertTrue(PINNED.matcher(u).matches(), where + ": " + u + " is not pinned to a major version (@v4)");
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
        assertTrue(runs(pages).stream().anyMatch(r -> r.startsWith("./dashgen build --demo")), runs(pages)::toString);
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
    }

    /** The workflow users copy from the README: checks pull requests, gates on the budget, summarises, publishes. */
    @Test
    void theReadmeShowsUsersACompleteWorkflow() throws IOException {
        Matcher block = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        Map<String, Object> wf = null;
        while (block.find()) {
            if (block.group(1).contains("jobs:")) {
                assertEquals(null, wf, "one workflow in the README");
                wf = load(block.group(1));
            }
        }
        assertTrue(wf != null, "a workflow in the README");
        assertTrue(triggers(wf).containsKey("push") && triggers(wf).containsKey("pull_request"), triggers(wf)::toString);
        List<String> runs = runs(wf);
        assertTrue(runs.stream().anyMatch(r -> r.contains("check --format github")), runs::toString);
        String build = runs.stream().filter(r -> r.contains(" build ")).findFirst().orElseThrow();
        assertTrue(build.contains("--fail-on-budget") && build.contains("--summary \"$GITHUB_STEP_SUMMARY\""), build);
        assertEquals("_site", map(step(wf, "actions/upload-pages-artifact").get("with")).get("path"));
        step(wf, "actions/deploy-pages");
        assertPinned(wf, "README");
        String text = Files.readString(Path.of("README.md"));
        assertFalse(text.contains("@main") || text.contains("@master"), "no action at a moving branch");
    }
}
