package dev.dashgen.site;

import dev.dashgen.portfolio.AgentProfile;
import dev.dashgen.portfolio.RepoLinks;
import java.util.List;

/**
 * An agent's profile as {@code templates/agent-profile.peb} shows it: the body rendered and sanitised exactly like a
 * task description ({@link Markdown}), and the profile file's repository page when there is one.
 */
record AgentProfileView(String agent, String name, String description, List<String> tools, String bodyHtml, String file,
                        String url) {

    AgentProfileView {
        tools = List.copyOf(tools);
    }

    static AgentProfileView of(AgentProfile p, RepoLinks links) {
        return new AgentProfileView(p.agent(), p.name(), p.description(), p.tools(), Markdown.toHtml(p.body()), p.file(),
                links.view(p.file()));
    }
}
