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
        // The parts between slashes as String.split("/") gives them (empty parts at the end do not count), without
        // making them all: a Git history asks this of every path each commit changes.
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        int first = path.indexOf('/');
        if (first < 0 || first >= end) return new Placement(Folder.ROOT, null, null);
        String top = path.substring(0, first);
        int second = path.indexOf('/', first + 1);
        String agent = second >= 0 && second < end ? path.substring(first + 1, second) : null;
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
        return name.regionMatches(true, name.length() - 5, ".yaml", 0, 5)
                || name.regionMatches(true, name.length() - 4, ".yml", 0, 4);
    }
}
