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
 * ratio are printed, and the two reports are checked to be equal.
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
            double[] sqliteSeconds = new double[runs];
            double[] pgSeconds = new double[runs];
            for (int i = 0; i < runs; i++) {
                sqliteSeconds[i] = time(file.toString(), now);
                pgSeconds[i] = time(pg.url(), now);
                System.out.printf(Locale.ROOT, "run %d: SQLite %.3f s, PostgreSQL %.3f s%n", i + 1, sqliteSeconds[i], pgSeconds[i]);
            }
            Arrays.sort(sqliteSeconds);
            Arrays.sort(pgSeconds);
            double s = sqliteSeconds[runs / 2];
            double p = pgSeconds[runs / 2];
            System.out.printf(Locale.ROOT, "median of %d for %,d invocations: SQLite %.3f s, PostgreSQL %.3f s, ratio %.2f"
                    + " (target <= 2.00)%n", runs, rows, s, p, p / s);
        }
    }

    private static double time(String source, Instant now) {
        long start = System.nanoTime();
        Telemetry t = TelemetryReader.read(source, now, 90);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!(t instanceof Telemetry.Available)) throw new AssertionError(t.toString());
        return seconds;
    }

    private PgBench() {
    }
}
