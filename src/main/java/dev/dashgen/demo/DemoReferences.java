package dev.dashgen.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What ties a demo task to the rest of the repository, written the ways hand- and agent-written files write it
 * (PRODUCT.md §2, §4.2): the {@code specification} field (plain, with {@code ./}, quoted; now and then a file that is
 * gone or one outside the repository), dependency items as mappings and with notes, documents, notes and web links
 * among them, and mentions of ADRs and other tasks in descriptions. Draws from a random stream of its own, so the
 * rest of a workspace is the same as without it.
 */
final class DemoReferences {
    private static final String[][] LINKS = {{"prerequisite", "Needs its result first"}, {"synergy", "Shares the data model"},
            {"parallel", "Can run at the same time"}};
    private static final List<String> NOTES = List.of("done", "needs review", "partly done");
    private static final List<String> FREE_TEXT = List.of("✅ Tech stack decision - RESOLVED", "Waiting for design sign-off",
            "Legal review (expected next week)");
    private static final String CONTEXT = "description: |\n  ## Context\n\n";

    private final Rand rand;

    DemoReferences(long seed) {
        this.rand = new Rand(seed * 31 + 0x5EC5);
    }

    /** The items of a task's {@code dependencies} as YAML: the same task ids, in the forms people and agents use. */
    List<String> items(List<String> ids) {
        if (ids.isEmpty()) return ids; // no field at all, as before: the main stream draws the same
        List<String> items = new ArrayList<>(ids.size() + 2);
        for (String id : ids) {
            String[] link = LINKS[rand.below(LINKS.length)];
            switch (rand.weighted(55, 25, 8, 12)) {
                case 0 -> items.add(id);
                case 1 -> items.add("{type: " + link[0] + ", task_id: " + id + ", description: " + TaskYaml.scalar(link[1]) + "}");
                case 2 -> items.add("{id: " + id + ", type: prerequisite}");
                default -> items.add(id + " (" + rand.pick(NOTES) + ")");
            }
        }
        if (rand.chance(0.12)) items.add(rand.pick(DemoSpecs.ADRS) + (rand.chance(0.5) ? " (context)" : ""));
        if (rand.chance(0.05)) items.add(TaskYaml.scalar(rand.pick(FREE_TEXT)));
        if (rand.chance(0.03)) items.add("https://github.com/acme/board/issues/" + (100 + rand.below(900)) + " (upstream)");
        return items;
    }

    /**
     * The task file with its {@code specification} field added and, now and then, a sentence at the top of its
     * description naming an ADR or {@code previousId} (an earlier task, or null), which pages link.
     */
    String decorate(String yaml, TaskDraft draft, String previousId) {
        String spec = specification(draft.subject().feature());
        StringBuilder sentence = new StringBuilder();
        if (spec != null && rand.chance(0.3)) sentence.append("Follows the decision in ADR-00").append(1 + rand.below(3)).append('.');
        if (previousId != null && rand.chance(0.15)) sentence.append(sentence.length() > 0 ? " " : "").append("Builds on ").append(previousId).append('.');
        String text = yaml;
        int at = text.indexOf(CONTEXT);
        if (sentence.length() > 0 && at >= 0) {
            at += CONTEXT.length();
            text = text.substring(0, at) + "  " + sentence + "\n\n" + text.substring(at);
        }
        return spec == null ? text : text + "specification: " + spec + "\n";
    }

    /** The field's value as written, or null for a task without one. */
    private String specification(String feature) {
        int kind = rand.weighted(550, 20, 5, 425);
        String path = switch (kind) {
            case 0 -> DemoSpecs.forFeature(feature);
            case 1 -> DemoSpecs.MISSING;
            case 2 -> DemoSpecs.OUTSIDE;
            default -> null;
        };
        if (path == null) return null;
        return switch (rand.weighted(60, 25, 15)) {
            case 0 -> TaskYaml.scalar(path);
            case 1 -> TaskYaml.scalar("./" + path);
            default -> "'" + path + "'";
        };
    }
}
