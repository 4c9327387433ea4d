package dev.dashgen.portfolio;

import java.util.List;
import java.util.Objects;

/**
 * An agent's profile from {@code .github/agents/<agent>.agent.md} (or {@code <agent>.md}): its front matter's
 * {@code name}, {@code description} and {@code tools}, and the Markdown body, not yet rendered.
 *
 * @param agent the agent it belongs to: the file name without {@code .agent.md} or {@code .md}
 * @param file  the path from the repository root
 * @param name  the front matter's name, else the agent
 */
public record AgentProfile(String agent, String file, String name, String description, List<String> tools, String body) {
    public AgentProfile {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        tools = List.copyOf(tools);
        body = body == null ? "" : body;
    }
}
