#!/usr/bin/env bash
# PostgreSQL telemetry benchmark (PRODUCT.md §9): 1,000,000 invocations aggregated from PostgreSQL on loopback
# against the same rows in SQLite, medians of three reads each (in one JVM, after a warm-up read of each), and
# their ratio (target <= 2).
#   bench/pg-bench.sh                  1,000,000 rows, 3 runs
#   ROWS=10000000 RUNS=5 bench/pg-bench.sh
# Uses the server in DASHGEN_TEST_PG_URL when set, else starts a throwaway cluster (.ci/postgres) and stops it
# after. The SQLite database is generated once into $PG_BENCH_DIR (default /tmp/dashgen-pg-bench) and reused.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-3}"
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
cp_file="$(mktemp)"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
if [ -z "${DASHGEN_TEST_PG_URL:-}" ]; then
  eval "$(.ci/postgres start)"
  trap '.ci/postgres stop "$DASHGEN_TEST_PG_DIR"' EXIT
fi
dir="${PG_BENCH_DIR:-/tmp/dashgen-pg-bench}"
mkdir -p "$dir"
java -cp "$classpath" dev.dashgen.telemetry.PgBench "$ROWS" "$dir/telemetry-$ROWS.db" "$RUNS"
