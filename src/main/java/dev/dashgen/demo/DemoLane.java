package dev.dashgen.demo;

/** The lanes of PRODUCT.md §2 with the share of tasks each gets in the demo and the folder it lives in. */
enum DemoLane {
    INBOX(12, "inbox"),
    ASSIGNED(8, "assigned"),
    IN_PROGRESS(8, "assigned"),
    BLOCKED(3, "assigned"),
    DONE(55, "done"),
    ERROR(3, "done"),
    FRIDGE(3, "fridge"),
    ARCHIVE(8, "archive");

    /** The top-level folders in the order broken files are spread over them. */
    static final java.util.List<String> FOLDERS = java.util.List.of("inbox", "assigned", "done", "fridge", "archive");

    final int percent;
    final String folder;

    DemoLane(int percent, String folder) {
        this.percent = percent;
        this.folder = folder;
    }

    boolean closed() {
        return this == DONE || this == ERROR || this == ARCHIVE;
    }

    /**
     * Tasks per lane for {@code n} tasks: the shares above, remainders handed out largest first, so
     * the counts always add up to {@code n} and every lane shows from about 34 tasks on.
     */
    static int[] quotas(int n) {
        DemoLane[] lanes = values();
        int[] counts = new int[lanes.length];
        long[] remainders = new long[lanes.length];
        int given = 0;
        for (DemoLane lane : lanes) {
            long scaled = (long) n * lane.percent;
            counts[lane.ordinal()] = (int) (scaled / 100);
            remainders[lane.ordinal()] = scaled % 100;
            given += counts[lane.ordinal()];
        }
        for (; given < n; given++) {
            int best = 0;
            for (int i = 1; i < lanes.length; i++) {
                if (remainders[i] > remainders[best]) best = i;
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }
}
