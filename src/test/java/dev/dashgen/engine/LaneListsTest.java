package dev.dashgen.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.site.TaskView;
import dev.dashgen.tasks.Lane;
import dev.dashgen.tasks.ParsedFile;
import dev.dashgen.tasks.TaskParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Patched lane and agent lists equal the lists sorted and grouped from scratch, whatever was replaced. */
class LaneListsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String[] FOLDERS = {"inbox", "assigned/ann", "assigned/bo", "done/ann", "done/bo", "fridge"};
    private static final String[] STATUSES = {"", "status: in_progress\n", "status: blocked\n", "status: error\n"};
    private static final String[] PRIORITIES = {"critical", "high", "normal", "low"};

    @Property(tries = 40)
    void patchedListsEqualListsMadeFromScratch(@ForAll @IntRange(min = 1, max = 400) int tasks,
                                                @ForAll @IntRange(min = 0, max = 30) int edits, @ForAll long seed) {
        Random random = new Random(seed);
        List<ParsedFile> files = new ArrayList<>();
        for (int i = 0; i < tasks; i++) files.add(file(random, i, FOLDERS[random.nextInt(FOLDERS.length)]));
        Workspace ws = Workspace.of(files, List.of());
        List<TaskView> views = views(ws);
        Map<Lane, List<TaskView>> lanes = LaneLists.of(views);

        // Edits keep each task's file, so its place in the workspace: priority, dates and status change.
        List<ParsedFile> before = new ArrayList<>();
        List<ParsedFile> after = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int k = 0; k < edits; k++) {
            int i = random.nextInt(tasks);
            if (!seen.add(i)) continue;
            ParsedFile old = files.get(i);
            before.add(old);
            after.add(TaskParser.parse(text(random, i), old.file(), Config.DEFAULTS.lanes().source()));
        }
        Workspace edited = ws.replacing(before, after).orElseThrow();
        List<TaskView> next = views(edited);
        List<TaskView> olds = new ArrayList<>();
        List<TaskView> news = new ArrayList<>();
        for (ParsedFile f : after) {
            int i = edited.indexOf(f.file());
            olds.add(views.get(i));
            news.add(next.get(i));
        }
        Set<Lane> touched = EnumSet.noneOf(Lane.class);
        Map<Lane, List<TaskView>> patched = LaneLists.patched(lanes, olds, news, touched);
        assertEquals(LaneLists.of(next), patched);

        assertEquals(AgentLists.of(patched), AgentLists.patched(AgentLists.of(lanes), olds, news));
    }

    private static List<TaskView> views(Workspace ws) {
        List<TaskView> views = new ArrayList<>();
        for (int i = 0; i < ws.tasks().size(); i++) views.add(TaskView.of(ws, i, "lane", NOW, null, null));
        return views;
    }

    private static ParsedFile file(Random random, int i, String folder) {
        return TaskParser.parse(text(random, i), folder + "/t-" + i + ".yaml", Config.DEFAULTS.lanes().source());
    }

    private static String text(Random random, int i) {
        return "id: t-" + i + "\npriority: " + PRIORITIES[random.nextInt(PRIORITIES.length)]
                + "\ncreated_at: 2026-11-0" + (1 + random.nextInt(9)) + " 1" + random.nextInt(10) + ":00:00\n"
                + (random.nextBoolean() ? "completed_at: 2026-11-2" + random.nextInt(4) + " 10:00:00\n" : "")
                + STATUSES[random.nextInt(STATUSES.length)];
    }
}
