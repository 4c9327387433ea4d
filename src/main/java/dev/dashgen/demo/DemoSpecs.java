package dev.dashgen.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The demo repository's specifications and decision records (PRODUCT.md §4.2): initiatives with specifications in
 * front matter, one without front matter (a plan), one whose front matter is broken, one nobody links yet, and ADRs
 * under {@code docs/adr/}, one of which tasks use as their specification. Paths are relative to the demo folder,
 * which is the repository root. Fixed text: the same for every seed.
 */
final class DemoSpecs {
    static final String ADR_EVENTS = "docs/adr/ADR-002-yaml-task-files.md";
    static final String ADR_AUDIT = "docs/adr/ADR-003-audit-log-storage.md";
    static final List<String> ADRS = List.of("docs/adr/ADR-001-record-architecture-decisions.md", ADR_EVENTS, ADR_AUDIT);
    /** A path tasks name that does not exist, and one outside the repository: two of the unlinked reasons. */
    static final String MISSING = "specifications/retired/legacy-reports.md";
    static final String OUTSIDE = "../shared-specs/roadmap.md";

    private record Spec(String path, String id, String title, String status, String initiative, String priority,
                        Integer completion, List<Feature> features) {}

    private record Feature(String id, String title, String status) {}

    private static final List<Spec> SPECS = List.of(
            new Spec("specifications/accounts/login.md", "SPEC-101", "Passwordless login", "in_progress", "Accounts and access",
                    "high", null, List.of(f("F1", "Magic-link e-mail", "done"), f("F2", "Passkeys", "in_progress"), f("F3", "Rate limits", "todo"))),
            new Spec("specifications/accounts/password-reset.md", "SPEC-102", "Password reset", "done", "Accounts and access",
                    "medium", 100, List.of(f("F1", "Reset by e-mail", "done"), f("F2", "Expiring links", "done"))),
            new Spec("specifications/accounts/sso.md", "SPEC-103", "Single sign-on and two-factor auth", "planned", "Accounts and access",
                    "critical", 10, List.of(f("F1", "SAML", "todo"), f("F2", "OIDC", "todo"), f("F3", "TOTP", "in_progress"))),
            new Spec("specifications/accounts/api-keys.md", "SPEC-104", "API keys and team access", "in_progress", "Accounts and access",
                    "normal", null, List.of(f("F1", "Scoped keys", "done"), f("F2", "Team invites", "in_progress"), f("F3", "Profiles", "todo"))),
            new Spec("specifications/billing/invoice-export.md", "SPEC-201", "Invoice export", "in_progress", "Billing",
                    "high", 70, List.of(f("F1", "PDF", "done"), f("F2", "CSV", "done"), f("F3", "Accounting sync", "todo"))),
            new Spec("specifications/billing/webhooks.md", "SPEC-202", "Billing webhooks", "review", "Billing", "medium", null, List.of()),
            new Spec("specifications/billing/usage-reports.md", "SPEC-203", "Usage reports", "in_progress", "Billing", "low", null,
                    List.of(f("F1", "Daily totals", "done"), f("F2", "Per-team breakdown", "todo"))),
            new Spec("specifications/platform/search.md", "SPEC-301", "Search", "in_progress", "Platform", "high", null,
                    List.of(f("F1", "Full-text index", "done"), f("F2", "Filters", "in_progress"))),
            new Spec("specifications/platform/notifications.md", "SPEC-302", "Notifications", "in_progress", "Platform", "medium", 45, List.of()),
            new Spec("specifications/platform/file-upload.md", "SPEC-303", "File upload", "done", "Platform", "normal", null,
                    List.of(f("F1", "Resumable uploads", "done"))),
            new Spec("specifications/platform/offline-mode.md", "SPEC-304", "Offline mode", "draft", "Platform", "low", 0, List.of()));

    /** Which specification a task about a feature links to. */
    private static final Map<String, String> BY_FEATURE = Map.ofEntries(
            Map.entry("login", "specifications/accounts/login.md"),
            Map.entry("password reset", "specifications/accounts/password-reset.md"),
            Map.entry("SSO", "specifications/accounts/sso.md"),
            Map.entry("two-factor auth", "specifications/accounts/sso.md"),
            Map.entry("API keys", "specifications/accounts/api-keys.md"),
            Map.entry("team invites", "specifications/accounts/api-keys.md"),
            Map.entry("user profiles", "specifications/accounts/api-keys.md"),
            Map.entry("invoice export", "specifications/billing/invoice-export.md"),
            Map.entry("billing webhooks", "specifications/billing/webhooks.md"),
            Map.entry("usage reports", "specifications/billing/usage-reports.md"),
            Map.entry("search", "specifications/platform/search.md"),
            Map.entry("notifications", "specifications/platform/notifications.md"),
            Map.entry("file upload", "specifications/platform/file-upload.md"),
            Map.entry("CSV import", "specifications/platform/csv-import.md"),
            Map.entry("onboarding", "specifications/onboarding-plan.md"),
            Map.entry("audit log", ADR_AUDIT));

    private DemoSpecs() {}

    private static Feature f(String id, String title, String status) {
        return new Feature(id, title, status);
    }

    /** The specification a task about {@code feature} links to, or null. */
    static String forFeature(String feature) {
        return BY_FEATURE.get(feature);
    }

    /** Every file, by path from the repository root. */
    static SortedMap<String, String> files() {
        SortedMap<String, String> files = new TreeMap<>();
        for (Spec s : SPECS) files.put(s.path(), text(s));
        files.put("specifications/onboarding-plan.md", """
                # Onboarding plan

                A plan, not a specification with front matter: dashgen takes its first heading as the title and lists it
                under "No initiative".

                1. Welcome e-mail with the three first steps.
                2. A sample project on first login.
                3. A check-in after a week.
                """);
        files.put("specifications/platform/csv-import.md", """
                ---
                id: SPEC-305
                title: "CSV import
                initiative: Platform
                status: in_progress
                ---

                # CSV import

                The title's quote is never closed: dashgen reports this front matter as a problem and lists the file by its path.
                """);
        files.put(ADRS.get(0), adr(1, "Record architecture decisions", "accepted",
                "We keep a decision record for every choice that is expensive to undo, numbered, under docs/adr/."));
        files.put(ADR_EVENTS, adr(2, "YAML task files as the source of truth", "accepted",
                "Tasks are YAML files that move between folders; the Git history is the audit trail."));
        files.put(ADR_AUDIT, adr(3, "Audit log storage", "proposed",
                "The audit log is append-only and kept for two years. Tasks about the audit log name this record as their"
                        + " specification: a file without front matter, outside the specifications folder."));
        return files;
    }

    private static String text(Spec s) {
        StringBuilder t = new StringBuilder("---\n");
        t.append("id: ").append(s.id()).append('\n');
        t.append("title: ").append(s.title()).append('\n');
        t.append("status: ").append(s.status()).append('\n');
        t.append("initiative: ").append(s.initiative()).append('\n');
        t.append("priority: ").append(s.priority()).append('\n');
        if (s.completion() != null) t.append("completion: ").append(s.completion()).append('\n');
        if (!s.features().isEmpty()) {
            t.append("features:\n");
            for (Feature f : s.features()) {
                t.append("  - id: ").append(f.id()).append("\n    title: ").append(f.title()).append("\n    status: ").append(f.status()).append('\n');
            }
        }
        t.append("---\n\n# ").append(s.title()).append("\n\n");
        t.append("## Goal\n\n").append(s.title()).append(" for every team, measured by adoption in the first month.\n\n");
        t.append("## Scope\n\n- In: what the features above list.\n- Out: anything the ").append(s.initiative().toLowerCase(Locale.ROOT))
                .append(" initiative has not agreed on yet.\n");
        return t.toString();
    }

    private static String adr(int n, String title, String status, String decision) {
        return String.format(Locale.ROOT, "# ADR-%03d: %s%n%nStatus: %s%n%n## Context%n%nThe team needed one answer.%n%n## Decision%n%n%s%n",
                n, title, status, decision);
    }
}
