package dev.dashgen.site;

/**
 * What a page reads besides the chrome every page shows (a change to which renders every page): the
 * engine renders a page kind again only when the change touched one of the things its kind reads.
 */
public enum Reads {
    /** One task and its neighbours (dependencies, dependents): its own page. */
    TASK,
    /** Which tasks are in which lane, in card order, with what each shows: the board, lane and agent pages. */
    LANES,
    /** Every task: data files and overviews. */
    TASKS,
    /** The cost report and the budget. */
    COSTS,
    /** The problem list. */
    PROBLEMS,
    /** Which task files there are, with which ids (not what they hold). */
    FILES,
    /**
     * What the portfolio reads of tasks: the specification each links, and the id, title, lane and page of each task
     * it lists. Not their costs, so a telemetry commit leaves it.
     */
    PORTFOLIO,
    /** What flow metrics read of tasks: lanes, statuses, timestamps, agents. */
    FLOW,
    /** The Git history of the work tree. */
    HISTORY,
    /** The theme's static assets. */
    ASSETS
}
