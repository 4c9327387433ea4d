package dev.dashgen.site;

import java.util.List;

/**
 * Every kind of file the site has, in one list: adding a page kind is a class (saying what it reads and how
 * it renders), a template, and a line here. The engine renders each kind the change touched.
 */
public final class PagePlan {
    public static final List<PageKind> KINDS = List.of(
            new AssetFiles(),
            new BoardPage(),
            new LanePages(),
            new TaskPages(),
            new AgentsPage(),
            new CostsPage(),
            new PortfolioPage(),
            new ProblemsPage(),
            new NotFoundPage(),
            new TasksJson(),
            new SummaryJson(),
            new ProblemsJson(),
            new HistoryJson(),
            new FlowPage());

    private PagePlan() {}
}
