package dev.dashgen.cli;

/** Entry point of the jar. */
public final class Main {
    private static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private Main() {}

    public static void main(String[] args) {
        // The common pool keeps a core back for the thread that waits on it, but a waiting thread only helps with
        // the tasks it forked itself: a page kind rendering on the pool's one worker then leaves the other core idle.
        if (System.getProperty(PARALLELISM) == null) {
            System.setProperty(PARALLELISM, String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        System.exit(Dashgen.commandLine().execute(args));
    }
}
