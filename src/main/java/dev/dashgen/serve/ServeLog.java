package dev.dashgen.serve;

/** What the console of {@code dashgen serve} hears while it runs: each rebuild, each failure. */
public interface ServeLog {
    void built(Rebuilder.Result result);

    /** A rebuild failed; the last good site stays. {@code why} is one line naming the file where known. */
    void failed(String why);

    /** A folder could not be watched, e.g. the inotify watch limit was reached. */
    void watchError(String why);
}
