package dev.dashgen.demo;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The demo agents' profiles in {@code .github/agents/} (PRODUCT.md §4.2): {@code <agent>.agent.md} for most, the
 * shorter {@code <agent>.md} for one, tools as a list or as a comma-separated line. Fixed text.
 */
final class DemoProfiles {
    private record Profile(String agent, String name, String description, String tools, String role) {}

    private static final List<Profile> PROFILES = List.of(
            new Profile("planner", "Planner", "Breaks specifications into tasks and keeps the inbox ordered", "[read, search, edit]",
                    "Turn each specification into tasks small enough to finish in a day. Link every task to its specification."),
            new Profile("backend-dev", "Backend developer", "Builds and maintains the services and their APIs", "read, edit, terminal, search",
                    "Write the service code and its tests. Record decisions that are expensive to undo as an ADR in `docs/adr/`."),
            new Profile("frontend-dev", "Frontend developer", "Builds the web and mobile interfaces", "[read, edit, browser]",
                    "Build the screens the specification describes; check them in a browser before moving a task to done."),
            new Profile("reviewer", "Reviewer", "Reviews changes before they are merged", "[read, search]",
                    "Read every change for correctness first, style last. Block on missing tests."),
            new Profile("researcher", "Researcher", "Answers open questions with sources", "[read, search, web]",
                    "Answer the question in the task with sources, and say how sure you are."),
            new Profile("devops", "DevOps engineer", "Keeps builds, deployments and alerts working", "read, edit, terminal",
                    "Keep the pipeline green. Every alert needs a runbook."),
            new Profile("tester", "Tester", "Writes and runs end-to-end tests", "[read, edit, terminal, browser]",
                    "Turn the specification's features into end-to-end tests; file a task for every failure."));

    private DemoProfiles() {}

    /** Every profile file, by path from the repository root. */
    static SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        for (Profile p : PROFILES) {
            files.put(".github/agents/" + p.agent() + ".agent.md", "---\nname: " + p.name() + "\ndescription: " + p.description()
                    + "\ntools: " + p.tools() + "\n---\n\n# " + p.name() + "\n\n" + p.role() + "\n\n## Hand-offs\n\n"
                    + "- Move the task to `done/" + p.agent() + "/` with a result summary.\n- Name the next agent in `result.next_agent`.\n");
        }
        files.put(".github/agents/writer.md", """
                ---
                name: Technical writer
                description: Writes user guides and release notes
                tools: read, edit
                ---

                Write for the user who has five minutes. Every guide starts with the two commands that matter.
                """);
        return files;
    }
}
