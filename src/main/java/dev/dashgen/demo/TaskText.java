package dev.dashgen.demo;

import java.util.List;
import java.util.Locale;

/** The words of the demo: agents, titles, Markdown descriptions, summaries and errors a real team would write. */
final class TaskText {
    static final List<String> AGENTS = List.of("planner", "backend-dev", "frontend-dev", "reviewer",
            "researcher", "writer", "devops", "tester");
    private static final int[] AGENT_WEIGHTS = {10, 20, 15, 14, 8, 9, 10, 14};

    private static final List<String> FEATURES = List.of("login", "password reset", "invoice export", "search",
            "notifications", "user profiles", "billing webhooks", "audit log", "file upload", "SSO", "team invites",
            "usage reports", "CSV import", "onboarding", "API keys", "two-factor auth");
    private static final List<String> COMPONENTS = List.of("auth service", "billing service", "search index",
            "web app", "mobile app", "job queue", "API gateway", "reporting", "admin panel", "payment worker",
            "email sender", "dashboard");
    private static final List<String> TOPICS = List.of("retrieval-augmented generation", "prompt caching",
            "agent evaluation", "cost attribution", "flaky test detection", "structured output");
    private static final List<String> MODELS = List.of("claude-haiku-4-5", "gpt-4o-mini", "gemini-2.5-pro");

    /** Title templates per agent, in {@link #AGENTS} order: {f} feature, {c} component, {t} topic, {m} model, {n} number. */
    private static final List<List<String>> TITLES = List.of(
            List.of("Plan the {f} rollout", "Break down the {f} epic", "Write the milestone plan for Q{q}",
                    "Prioritise the {c} backlog", "Define acceptance criteria for {f}"),
            List.of("Add {f} endpoint", "Fix N+1 query in the {c}", "Migrate the {c} to the new schema",
                    "Add pagination to the {c} API", "Handle timeouts in the {c} client", "Add rate limiting to {f}"),
            List.of("Build the {f} page", "Fix layout shift in the {c}", "Add dark mode to the {c}",
                    "Make the {f} form accessible", "Add keyboard shortcuts to {f}"),
            List.of("Review PR #{n} ({f})", "Review the {c} refactor", "Security review of {f}"),
            List.of("Compare vector stores for {f}", "Evaluate {m} for {f}", "Survey prior art on {t}",
                    "Benchmark {c} latency"),
            List.of("Document the {f} API", "Write the release notes for v{v}", "Update the {c} README",
                    "Write a how-to for {f}"),
            List.of("Set up a CI cache for the {c}", "Rotate the {c} credentials", "Add alerts for {c} error rate",
                    "Move the {c} to the new cluster"),
            List.of("Write integration tests for {f}", "Reproduce the flaky test in the {c}",
                    "Add property tests for the {c}", "Load test {f}"));

    /** Titles with Latin-1 letters, for the file written in Latin-1 rather than UTF-8. */
    static final List<String> LATIN1_TITLES = List.of("Fix résumé upload for café accounts",
            "Handle naïve dates in the Zürich export", "Translate the onboarding emails (français, español)");

    private static final List<String> CONTEXT = List.of(
            "Customers keep asking for {f}; support logged 14 tickets last month.",
            "The {c} is the slowest part of the request path — p95 is well above target.",
            "This came out of the last retro: the {c} breaks whenever {f} changes.",
            "Follow-up to the incident on the {c} → we need a proper fix, not the hotfix.",
            "Part of the {f} milestone; the design was agreed in the planning call.");
    private static final List<String> STEPS = List.of("Read the existing {c} code and note the entry points",
            "Write a failing test first", "Keep the change behind the `{k}` feature flag",
            "Update the OpenAPI spec", "Add metrics for the new code path", "Ask the reviewer for an early look",
            "Measure before and after on the staging data set", "Remove the old code path once it is unused");
    private static final List<String> CHECKS = List.of("Tests pass in CI", "Docs updated", "Changelog entry added",
            "Reviewed by a second agent", "No new warnings", "Dashboard shows the new metric");
    private static final List<String> CODE = List.of(
            "```bash\n./gradlew test --tests '*{K}*'\n```",
            "```sql\nSELECT account_id, count(*) FROM events\nWHERE created_at > now() - interval '7 days'\nGROUP BY 1;\n```",
            "```java\nif (limiter.tryAcquire()) {\n    return handler.handle(request);\n}\n```",
            "```yaml\nfeature_flags:\n  {k}: true\n```");
    static final List<String> TAGS = List.of("backend", "frontend", "api", "bug", "feature", "docs", "infra",
            "security", "performance", "tech-debt", "research", "tests");
    static final List<String> MODES = List.of("autonomous", "supervised", "pair");
    private static final List<String> SUMMARIES = List.of("Implemented and merged; {n} tests added.",
            "Done. The {c} now handles {f} without the workaround.", "Shipped behind a flag; rollout tomorrow.",
            "Findings written up in the linked document.", "Fixed; root cause was a missing index.");
    static final List<String> TASK_ERRORS = List.of("Tool call failed: git push rejected (non-fast-forward)",
            "Model returned invalid JSON three times in a row", "Budget for this task exceeded ($5.00)",
            "Test suite timed out after 30 minutes", "Could not reach the staging database");
    static final List<String> UNREADABLE_TIMESTAMPS = List.of("next Tuesday", "2026-13-45 25:61", "03/11/26 9:12 pm");

    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("a", "an", "and", "for", "in", "of",
            "on", "the", "to", "with");

    /** What a task is about; its title, description and summary all speak of the same feature and component. */
    record Subject(String feature, String component, String topic, String model) {}

    private TaskText() {}

    static String agent(Rand rand) {
        return AGENTS.get(rand.weighted(AGENT_WEIGHTS));
    }

    static Subject subject(Rand rand) {
        return new Subject(rand.pick(FEATURES), rand.pick(COMPONENTS), rand.pick(TOPICS), rand.pick(MODELS));
    }

    static String title(String agent, Subject subject, Rand rand) {
        return fill(rand.pick(TITLES.get(AGENTS.indexOf(agent))), subject, rand);
    }

    static String summary(Subject subject, Rand rand) {
        return fill(rand.pick(SUMMARIES), subject, rand);
    }

    /** A Markdown description: context, then a random selection of steps, checklist, code, table and links. */
    static String description(String title, Subject subject, boolean closed, Rand rand) {
        StringBuilder md = new StringBuilder(512);
        md.append("## Context\n\n").append(fill(rand.pick(CONTEXT), subject, rand)).append('\n');
        if (rand.chance(0.6)) {
            md.append("\n## Steps\n\n");
            int first = rand.below(STEPS.size());
            int count = 2 + rand.below(3);
            for (int i = 0; i < count; i++) {
                md.append(i + 1).append(". ").append(fill(STEPS.get((first + i) % STEPS.size()), subject, rand)).append('\n');
            }
        }
        if (rand.chance(0.45)) {
            md.append("\n## Done when\n\n");
            int first = rand.below(CHECKS.size());
            int count = 2 + rand.below(3);
            for (int i = 0; i < count; i++) {
                md.append(closed || rand.chance(0.3) ? "- [x] " : "- [ ] ").append(CHECKS.get((first + i) % CHECKS.size())).append('\n');
            }
        }
        if (rand.chance(0.25)) md.append('\n').append(fill(rand.pick(CODE), subject, rand)).append('\n');
        if (rand.chance(0.15)) {
            int before = 300 + rand.below(900);
            md.append("\n| Metric | Now | Target |\n|---|---:|---:|\n")
                    .append("| p95 latency | ").append(before).append(" ms | ").append(before / 3).append(" ms |\n")
                    .append("| error rate | ").append(String.format(Locale.ROOT, "%.1f", rand.uniform(0.5, 4))).append(" % | 0.5 % |\n");
        }
        if (rand.chance(0.5)) {
            int issue = 100 + rand.below(900);
            md.append("\nSee [the design notes](https://wiki.example.com/").append(slug(title))
                    .append(") and issue [#").append(issue).append("](https://github.com/example/app/issues/")
                    .append(issue).append(").\n");
        }
        return md.toString();
    }

    static List<String> artefacts(String title, Rand rand) {
        String slug = slug(title);
        return switch (rand.below(3)) {
            case 0 -> List.of("src/main/java/com/example/" + slug.replace('-', '_') + "/Handler.java",
                    "src/test/java/com/example/" + slug.replace('-', '_') + "/HandlerTest.java");
            case 1 -> List.of("docs/" + slug + ".md");
            default -> List.of("https://github.com/example/app/pull/" + (1000 + rand.below(9000)));
        };
    }

    /** Lower-case words joined by dashes, at most six and not ending in "for" or "the": the file-name part of an id. */
    static String slug(String title) {
        List<String> words = new java.util.ArrayList<>(8);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= title.length() && words.size() < 6; i++) {
            char c = i < title.length() ? Character.toLowerCase(title.charAt(i)) : ' ';
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        int end = words.size();
        while (end > 1 && STOP_WORDS.contains(words.get(end - 1))) end--;
        return String.join("-", words.subList(0, end));
    }

    private static String camel(String words) {
        StringBuilder out = new StringBuilder(words.length());
        for (String word : words.split(" ")) out.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
        return out.toString();
    }

    private static String fill(String template, Subject subject, Rand rand) {
        if (template.indexOf('{') < 0) return template;
        StringBuilder out = new StringBuilder(template.length() + 24);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '{' || i + 2 >= template.length() || template.charAt(i + 2) != '}') {
                out.append(c);
                continue;
            }
            out.append(switch (template.charAt(i + 1)) {
                case 'f' -> subject.feature();
                case 'c' -> subject.component();
                case 't' -> subject.topic();
                case 'm' -> subject.model();
                case 'n' -> Integer.toString(100 + rand.below(900));
                case 'q' -> Integer.toString(1 + rand.below(4));
                case 'v' -> "2." + rand.below(12) + "." + rand.below(5);
                case 'k' -> "new_" + subject.feature().replace(' ', '_').replace('-', '_').toLowerCase(Locale.ROOT);
                case 'K' -> camel(subject.component());
                default -> throw new IllegalStateException("unknown placeholder in " + template);
            });
            i += 2;
        }
        return out.toString();
    }
}
