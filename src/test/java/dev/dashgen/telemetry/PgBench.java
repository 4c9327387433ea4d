package dev.dashgen.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * PostgreSQL against SQLite on the same rows (PRODUCT §9: PostgreSQL on loopback ≤ 2 × the SQLite aggregation
 * time). Not a test; bench/pg-bench.sh runs it with the test classpath and a server in DASHGEN_TEST_PG_URL:
 * {@code PgBench ROWS SQLITE_FILE [RUNS]}. The SQLite file is generated once by {@link TelemetryBench} and reused;
 * its rows are copied into a fresh PostgreSQL database (text timestamps, as the reference logger writes them).
 * After one warm-up read of each, the two are read in turn {@code RUNS} times (default 3); the medians and their
 * ratio are printed, and the two reports are checked to be equal. On a shared machine wall time swings with the
 * load, so CPU time is printed too: this process's, plus, for PostgreSQL, its server processes' (read from
 * {@code /proc} for the cluster in DASHGEN_TEST_PG_DIR, whose finished backends' time the postmaster collects).
 */
public final class PgBench {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.exists(file)) TelemetryBench.generate(file, rows);
        Instant now = TelemetryBench.NOW;
        try (PgDatabase pg = PgDatabase.create()) {
            long copy = System.nanoTime();
            pg.copy(file, PgDatabase.Timestamps.TEXT);
            pg.exec("VACUUM ANALYZE invocations");
            System.out.printf(Locale.ROOT, "copied %,d rows into PostgreSQL in %.1f s%n", rows, (System.nanoTime() - copy) / 1e9);
            Telemetry sqlite = TelemetryReader.read(file.toString(), now, 90);
            Telemetry postgres = TelemetryReader.read(pg.url(), now, 90);
            if (!sqlite.equals(postgres)) throw new AssertionError("the reports differ:\n" + sqlite + "\n" + postgres);
            double[][] sqliteTimes = new double[2][runs];
            double[][] pgTimes = new double[2][runs];
            for (int i = 0; i < runs; i++) {
                double[] a = time(file.toString(), now);
                double[] b = time(pg.url(), now);
                sqliteTimes[0][i] = a[0];
                sqliteTimes[1][i] = a[1];
                pgTimes[0][i] = b[0];
                pgTimes[1][i] = b[1];
                System.out.printf(Locale.ROOT, "run %d: SQLite %.3f s (CPU %.3f s), PostgreSQL %.3f s (CPU %.3f s, of which"
                        + " the server's %.3f s)%n", i + 1, a[0], a[1], b[0], b[1], b[2]);
            }
            double s = median(sqliteTimes[0]);
            double p = median(pgTimes[0]);
            System.out.printf(Locale.ROOT, "median of %d for %,d invocations: SQLite %.3f s, PostgreSQL %.3f s, ratio %.2f"
                    + " (target <= 2.00); CPU: SQLite %.3f s, PostgreSQL %.3f s, ratio %.2f%n", runs, rows, s, p, p / s,
                    median(sqliteTimes[1]), median(pgTimes[1]), median(pgTimes[1]) / median(sqliteTimes[1]));
        }
    }

    /** Wall seconds and CPU seconds (this process and the PostgreSQL server's) of one read. */
    private static double[] time(String source, Instant now) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long server = serverTicks();
        long start = System.nanoTime();
        Telemetry t = TelemetryReader.read(source, now, 90);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(t instanceof Telemetry.Available)) throw new AssertionError(t.toString());
        double client = (os.getProcessCpuTime() - cpu) / 1e9;
        double serverSeconds = (serverTicks() - server) / 100.0;
        return new double[] {seconds, client + serverSeconds, serverSeconds};
    }

    /** The postmaster's CPU ticks with its finished children's (its backends), 0 when unknown. */
    private static long serverTicks() throws Exception {
        String dir = System.getenv("DASHGEN_TEST_PG_DIR");
        if (dir == null) return 0;
        Path pidFile = Path.of(dir, "data", "postmaster.pid");
        if (!Files.isReadable(pidFile)) return 0;
        String pid = Files.readAllLines(pidFile).get(0).strip();
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14-17 of stat (utime, stime, cutime, cstime), counted from the state field as 3
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private PgBench() {
    }
}
