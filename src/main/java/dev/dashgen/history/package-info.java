/** Git history through JGit: each task's moves between lane folders along the first-parent chain, the commit cache, and trees for --at. */
package dev.dashgen.history;
