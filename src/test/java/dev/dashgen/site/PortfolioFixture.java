package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.model.Workspace;
import dev.dashgen.portfolio.Portfolio;
import dev.dashgen.portfolio.RepoLinks;
import dev.dashgen.portfolio.SpecFile;
import dev.dashgen.portfolio.SpecParser;
import dev.dashgen.portfolio.SpecReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** A hand-made portfolio: tasks from YAML, specifications from Markdown text, rendered as the site would. */
final class PortfolioFixture {
    static final RepoLinks LINKS = RepoLinks.of("https://github.com/acme/board", "main");
    static final Chrome.SiteMeta META = new Chrome.SiteMeta("Team <b>board</b>", Sites.NOW.toString(), "2026-11-24 12:00 UTC",
            0, 1, "test", false, null);

    final Workspace workspace;
    final Portfolio portfolio;

    /** {@code tasks}: alternating path and YAML; {@code specs}: alternating path and Markdown. */
    PortfolioFixture(Map<String, String> tasks, Map<String, String> specs) {
        workspace = Sites.workspace(Config.DEFAULTS, tasks);
        TreeMap<String, SpecFile> files = new TreeMap<>();
        specs.forEach((path, text) -> files.put(path, SpecParser.parse(text, path).spec()));
        portfolio = Portfolio.of(workspace.tasks(), new SpecReader.Specs(files, new TreeSet<>(), List.of()));
    }

    static PortfolioFixture standard() {
        return new PortfolioFixture(Sites.files(
                "done/ann/a.yaml", "id: a\ntitle: Take card payments\nstatus: done\nspecification: specifications/checkout/pay.md\n",
                "archive/2026-10/b.yaml", "id: b\ntitle: Old payment work\nspecification: ./specifications/checkout/pay.md\n",
                "done/ann/c.yaml", "id: c\ntitle: Failed attempt\nstatus: error\nspecification: specifications/checkout/pay.md\n",
                "assigned/bob/d.yaml", "id: d\ntitle: \"<script>alert('d')</script>\"\nstatus: in_progress\nspecification: specifications/checkout/pay.md\n",
                "inbox/e.yaml", "id: e\ntitle: Plan growth\nspecification: docs/adr/ADR-002-events.md\n",
                "inbox/f.yaml", "id: f\ntitle: No spec at all\n",
                "inbox/g.yaml", "id: g\ntitle: Gone spec\nspecification: specifications/gone.md\n",
                "inbox/h.yaml", "id: h\ntitle: Elsewhere\nspecification: ../../elsewhere.md\n"),
                Sites.files(
                "specifications/checkout/pay.md", """
                        ---
                        id: SPEC-7
                        title: Card <em>payments</em>
                        status: in progress
                        initiative: Checkout revamp
                        priority: high
                        completion: 60
                        features:
                          - {id: F1, title: Visa, status: done}
                          - {id: F2, title: 3-D Secure, status: todo}
                        ---
                        """,
                "specifications/checkout/refunds.md", "---\ntitle: Refunds\ninitiative: Checkout revamp\n---\n",
                "docs/adr/ADR-002-events.md", "# ADR-002: Events as the source of truth\n",
                "specifications/broken.md", "---\ntitle: \"unclosed\n---\n"));
    }

    String taskUrl(dev.dashgen.tasks.Task t) {
        return "tasks/" + workspace.slug(t) + ".html";
    }

    /** The view of the task in {@code file}, as the page shows an unlinked task. */
    TaskView view(String file) {
        int i = workspace.indexOf(file);
        return TaskView.of(workspace, i, "lane", Sites.NOW, null, null);
    }

    byte[] page() {
        return PortfolioPage.render(Sites.theme(), META, portfolio, this::taskUrl, this::view, LINKS, Config.Lanes.DEFAULTS);
    }
}
