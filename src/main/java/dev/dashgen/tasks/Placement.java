package dev.dashgen.tasks;

/**
 * What a task file's folder says about it (PRODUCT.md §2): the lane folder it sits in and, for
 * {@code assigned/<agent>/} and {@code done/<agent>/}, the agent the folder names.
 */
public record Placement(Folder folder, String folderAgent, String topFolder) {

    /** The lane folders dashgen reads; {@code OTHER} folders are not read. */
    public enum Folder { INBOX, ASSIGNED, DONE, FRIDGE, ARCHIVE, OTHER, ROOT }

    /** {@code path} is relative to the work root with {@code /} separators, e.g. {@code assigned/bob/t-1.yaml}. */
    public static Placement of(String path) {
        String[] parts = path.split("/");
        if (parts.length == 1) return new Placement(Folder.ROOT, null, null);
        String top = parts[0];
        String agent = parts.length >= 3 ? parts[1] : null;
        return switch (top) {
            case "inbox" -> new Placement(Folder.INBOX, null, top);
            case "assigned" -> new Placement(Folder.ASSIGNED, agent, top);
            case "done" -> new Placement(Folder.DONE, agent, top);
            case "fridge" -> new Placement(Folder.FRIDGE, null, top);
            case "archive" -> new Placement(Folder.ARCHIVE, null, top);
            default -> new Placement(Folder.OTHER, null, top);
        };
    }

    public boolean read() {
        return folder != Folder.OTHER && folder != Folder.ROOT;
    }

    /** True for {@code *.yaml} and {@code *.yml}; every other file in the work tree is ignored. */
    public static boolean isTaskFile(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }
}
