package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.history.History;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.DocumentRefs;
import dev.dashgen.portfolio.Portfolio;
import dev.dashgen.portfolio.Repository;
import dev.dashgen.portfolio.TextLinks;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import dev.dashgen.telemetry.TaskCosts;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the pages of one build show, derived once from its inputs: every task's view in workspace order,
 * each lane's views in card order, each agent's views by lane, every task's active window and cost, and
 * the chrome of every page, the Git history, and the flow report (null until the engine works it out). Immutable:
 * the next build derives its own from this one and the change.
 */
public record SiteModel(Config config, Workspace workspace, Instant now, String baseUrl, Theme theme,
                        Chrome.SiteMeta meta, CostModel costs, List<TaskCosts.TaskWindow> windows,
                        List<TaskView> views, Map<Lane, List<TaskView>> lanes,
                        Map<String, Map<Lane, List<TaskView>>> agents, Repository repository,
                        DocumentRefs.Result documents, Portfolio portfolio, TextLinks textLinks,
                        Map<String, String> agentUrls, History history, FlowReport flow) {

    public SiteModel {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(theme, "theme");
        views = Collections.unmodifiableList(views);
        lanes = Collections.unmodifiableMap(new EnumMap<>(lanes));
        agents = Collections.unmodifiableMap(agents);
        agentUrls = Map.copyOf(agentUrls);
    }

    /** The same model with its flow report, which the engine works out after the pages that do not need it. */
    public SiteModel withFlow(FlowReport report) {
        return new SiteModel(config, workspace, now, baseUrl, theme, meta, costs, windows, views, lanes, agents, repository,
                documents, portfolio, textLinks, agentUrls, history, report);
    }

    /** An agent's page, from the site root; null for no agent. */
    public String agentUrl(String agent) {
        return agent == null ? null : agentUrls.get(agent);
    }

    /** The view of the task with {@code id} (the first file holding it), or null. */
    TaskView viewOf(String id) {
        Task t = workspace.byId().get(id);
        return t == null ? null : view(t);
    }

    /** The view of the task in {@code file}, or null. */
    public TaskView view(String file) {
        int i = workspace.indexOf(file);
        return i < 0 ? null : views.get(i);
    }

    /** The view of {@code task}, which must be one of this model's tasks. */
    TaskView view(Task task) {
        return view(task.file());
    }

    /** A lane's views in card order; empty for a lane without tasks. */
    List<TaskView> lane(Lane lane) {
        return lanes.getOrDefault(lane, List.of());
    }

    /** The label of each lane by its id, for templates. */
    Map<String, String> laneLabels() {
        Map<String, String> labels = new java.util.TreeMap<>();
        for (Lane lane : Lane.values()) labels.put(lane.id(), config.lanes().label(lane));
        return labels;
    }
}
