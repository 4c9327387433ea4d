package dev.dashgen.site;

import dev.dashgen.config.Config;
import dev.dashgen.config.ConfigParser;
import dev.dashgen.history.History;
import dev.dashgen.history.HistoryReader;
import dev.dashgen.metrics.Flow;
import dev.dashgen.metrics.FlowReport;
import dev.dashgen.model.Workspace;
import dev.dashgen.tasks.Task;
import dev.dashgen.tasks.TaskReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times flow metrics and the forecast on a demo workspace (PRODUCT.md §9: at 10,000 tasks, + ≤ 5 % of a build). Not a
 * test; bench/history-bench.sh runs it with the test class path:
 * {@code FlowBench CONFIG NOW [RUNS]}, CONFIG a demo's dashgen.yaml. The tasks and their Git history are read once;
 * then {@link Flow#compute} (with a cost for every task, so the forecast draws costs too), {@code data/flow.json} and
 * {@code flow.html} are timed: the first call, then the median of RUNS calls after as many warm-up calls.
 */
public final class FlowBench {
    public static void main(String[] args) throws Exception {
        Path configFile = Path.of(args[0]);
        Instant now = Instant.parse(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Config config = ConfigParser.parse(Files.readString(configFile), configFile.toString()).config();
        Path work = configFile.getParent().resolve(config.work() == null ? "work/collaboration" : config.work());
        TaskReader.Result read = TaskReader.read(work, config.exclude(), config.lanes().source());
        List<Task> tasks = Workspace.of(read.files(), read.problems()).tasks();
        History history = HistoryReader.read(work, config.exclude(), null, null).history();
        Map<String, BigDecimal> costs = new HashMap<>();
        for (int i = 0; i < tasks.size(); i++) costs.put(tasks.get(i).file(), BigDecimal.valueOf(5 + i % 200, 2));
        Theme theme = Theme.load(null, null);
        Chrome.SiteMeta meta = new Chrome.SiteMeta("bench", now.toString(), now.toString(), 0, 0, "bench", true, null);

        long start = System.nanoTime();
        FlowReport first = Flow.compute(tasks, history, now, config, costs);
        double cold = ms(start);
        start = System.nanoTime();
        FlowData.json(first);
        double coldData = ms(start);
        start = System.nanoTime();
        FlowPage.render(theme, meta, first);
        double coldPage = ms(start);
        double[] compute = new double[runs];
        double[] data = new double[runs];
        double[] page = new double[runs];
        for (int i = 0; i < runs * 2; i++) {
            start = System.nanoTime();
            FlowReport r = Flow.compute(tasks, history, now, config, costs);
            double c = ms(start);
            start = System.nanoTime();
            FlowData.json(r);
            double d = ms(start);
            start = System.nanoTime();
            FlowPage.render(theme, meta, r);
            double p = ms(start);
            if (i >= runs) {
                compute[i - runs] = c;
                data[i - runs] = d;
                page[i - runs] = p;
            }
        }
        System.out.printf(Locale.ROOT, "%d tasks, %d commits of history, %d open, forecast %s%n", tasks.size(), history.commits(),
                first.forecast() == null ? 0 : first.forecast().open(), first.forecast() == null ? first.noForecast()
                        : "85 % by " + first.forecast().whenDone().p85() + ", cost " + first.forecast().whenDone().cost().p85());
        System.out.printf(Locale.ROOT, "flow + forecast: first %.1f ms, median %.1f ms%n", cold, median(compute));
        System.out.printf(Locale.ROOT, "data/flow.json:  first %.1f ms, median %.1f ms%n", coldData, median(data));
        System.out.printf(Locale.ROOT, "flow.html:       first %.1f ms, median %.1f ms%n", coldPage, median(page));
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
