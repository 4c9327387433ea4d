package dev.dashgen.site;

import dev.dashgen.tasks.Lane;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * What differs between the previous build's {@link SiteModel} and this one's, worked out by the engine from
 * the change it was given: page kinds render only what it names. {@code full}: nothing carries over (the first
 * build, another config or theme, or other chrome on every page). Otherwise {@code files} are the task files
 * whose view differs, came or went; {@code taskPages} the files whose task page may differ (those and their
 * neighbours); {@code lanes} and {@code agents} the lists they were or are in; {@code lines} the workspace
 * indices whose {@code tasks.json} line may differ when the task list kept its files in the same order
 * ({@code aligned}), else null; {@code reads} what changed, for the page plan.
 */
public record Delta(boolean full, Set<Reads> reads, SortedSet<String> files, Set<String> removed,
                    Set<String> taskPages, Set<Lane> lanes, Set<String> agents, BitSet lines, boolean aligned) {

    public static Delta everything() {
        return new Delta(true, EnumSet.allOf(Reads.class), java.util.Collections.emptySortedSet(), Set.of(),
                Set.of(), EnumSet.allOf(Lane.class), Set.of(), null, false);
    }

    /** Whether a page that reads {@code what} may differ. */
    public boolean touches(Set<Reads> what) {
        if (full) return true;
        for (Reads r : what) {
            if (reads.contains(r)) return true;
        }
        return false;
    }

    public boolean touches(Reads what) {
        return full || reads.contains(what);
    }
}
