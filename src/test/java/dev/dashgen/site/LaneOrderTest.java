package dev.dashgen.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Card order kept between builds equals the order sorted afresh, whatever was replaced. */
class LaneOrderTest {
    private static final String[] PRIORITIES = {"critical", "high", "normal", "low"};

    @Test
    void viewsReplacedByTheirOwnTaskAndByEditedTasksKeepTheFreshOrder() {
        Random random = new Random(5);
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            String folder = i % 3 == 0 ? "inbox" : i % 3 == 1 ? "assigned/ann" : "done/ann";
            files.put(folder + "/t-" + i + ".yaml", "id: t-" + i + "\npriority: " + PRIORITIES[random.nextInt(4)]
                    + "\ncreated_at: 2026-11-0" + (1 + random.nextInt(9)) + " 10:00:00\ncompleted_at: 2026-11-2"
                    + random.nextInt(4) + " 10:00:00\n");
        }
        Workspace ws = Sites.workspace(Config.DEFAULTS, files);
        List<TaskView> first = views(ws, null);
        LaneOrder order = new LaneOrder();
        order.byLane(first, null, null);

        // 60 cards show another cost (a commit), and three tasks get another priority (edits).
        TaskView.ShownCost cost = new TaskView.ShownCost("$0.42", true, true);
        List<TaskView> next = new ArrayList<>(first);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Task t = ws.tasks().get(i);
            if (i % 5 == 0) next.set(i, TaskView.of(t, ws, "lane", Sites.NOW, cost, null));
            else if (i == 7 || i == 100 || i == 201) next.set(i, TaskView.of(edited(t, files), ws, "lane", Sites.NOW, null, null));
            else continue;
            at.add(i);
        }
        Map<Lane, List<TaskView>> kept = order.byLane(next, first, at.stream().mapToInt(Integer::intValue).toArray());

        assertEquals(new LaneOrder().byLane(next, null, null), kept);
        Map<Lane, List<TaskView>> again = order.byLane(next, next, new int[0]);
        for (Lane lane : Lane.values()) assertSame(kept.get(lane), again.get(lane), "nothing changed in " + lane);
    }

    private static List<TaskView> views(Workspace ws, TaskView.ShownCost cost) {
        List<TaskView> views = new ArrayList<>();
        for (Task t : ws.tasks()) views.add(TaskView.of(t, ws, "lane", Sites.NOW, cost, null));
        return views;
    }

    private static Task edited(Task t, Map<String, String> files) {
        String text = files.get(t.file()).replaceFirst("priority: \\w+", "priority: critical");
        ParsedFile parsed = TaskParser.parse(text.replace("created_at: 2026-11-0", "created_at: 2026-10-0"), t.file(),
                Config.DEFAULTS.lanes().source());
        return parsed.task();
    }
}
