package dev.dashgen.demo;

import java.util.List;

/**
 * Everything needed to write one task file. {@code unreadableCreated}, when set, replaces the
 * creation timestamp with text no reader can parse (one of the broken-file kinds).
 */
record TaskDraft(PlannedTask plan, String id, String title, TaskText.Subject subject, List<String> dependencies,
                 String unreadableCreated) {

    TaskDraft {
        dependencies = List.copyOf(dependencies);
    }

    TaskDraft withId(String newId) {
        return new TaskDraft(plan, newId, title, subject, dependencies, unreadableCreated);
    }

    TaskDraft withTitle(String newTitle) {
        return new TaskDraft(plan, id, newTitle, subject, dependencies, unreadableCreated);
    }

    TaskDraft withDependencies(List<String> newDependencies) {
        return new TaskDraft(plan, id, title, subject, newDependencies, unreadableCreated);
    }

    TaskDraft withUnreadableCreated(String text) {
        return new TaskDraft(plan, id, title, subject, dependencies, text);
    }
}
