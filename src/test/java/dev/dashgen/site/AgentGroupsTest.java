package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lane's cards by agent, kept between builds, equal to a grouping made afresh. */
class AgentGroupsTest {

    @Test
    void viewsOfTheSameTasksArePatchedInAndOthersRegroupTheLane() {
        Map<String, String> files = new LinkedHashMap<>();
        String[] agents = {"ann", "bob", "cy"};
        for (int i = 0; i < 60; i++) files.put("assigned/" + agents[i % 3] + "/t-" + i + ".yaml", "id: t-" + i + "\n");
        Workspace ws = Sites.workspace(Config.DEFAULTS, files);
        List<TaskView> first = new ArrayList<>();
        for (Task t : ws.tasks()) first.add(TaskView.of(t, ws, "Assigned", Sites.NOW, null, null));
        AgentGroups groups = new AgentGroups();
        Map<String, List<TaskView>> before = groups.of(Lane.ASSIGNED, first);

        TaskView.ShownCost cost = new TaskView.ShownCost("$1.00", true, true);
        List<TaskView> costed = new ArrayList<>(first);
        for (int i = 0; i < costed.size(); i += 4) costed.set(i, TaskView.of(ws.tasks().get(i), ws, "Assigned", Sites.NOW, cost, null));
        Map<String, List<TaskView>> patched = groups.of(Lane.ASSIGNED, costed);
        assertEquals(new AgentGroups().of(Lane.ASSIGNED, costed), patched);
        assertSame(patched, groups.of(Lane.ASSIGNED, costed), "the same list, the same grouping");

        List<TaskView> other = new ArrayList<>(costed);
        other.set(5, first.get(6));
        other.set(6, first.get(5));
        assertEquals(new AgentGroups().of(Lane.ASSIGNED, other), groups.of(Lane.ASSIGNED, other));
        assertEquals(before, new AgentGroups().of(Lane.ASSIGNED, first));
    }
}
