#!/usr/bin/env bash
# Serve benchmark (PRODUCT.md §9): on demo workspaces of each size, after 10 warm-up edits, the time from a task file write
# (atomic rename and in place, alternately) to the `reload` message at a WebSocket client, and from a
# telemetry insert's commit to its messages, as p50/p95/max; then the same edits against Hugo's server
# (Debian's `hugo`, installed when missing) on a Hugo site generated from the same tasks, and the ratio.
#   bench/serve-bench.sh                      sizes 1000 10000 100000, 40 edits each, with Hugo
#   SIZES="10000" EDITS=60 bench/serve-bench.sh
#   HUGO=0 bench/serve-bench.sh               dashgen only
#   ANCHOR=/path/to/before.jar HUGO=0 bench/serve-bench.sh   the same edits on the anchor jar too: this, anchor,
#                                             this, anchor (ROUNDS=2), each on a fresh copy, so load shifts show
# Workspaces are generated once under bench/corpus/ (shared with build-bench.sh, git-ignored) and copied
# to bench/out/serve-N/ for each run, since the benchmark edits them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000 10000 100000}"
EDITS="${EDITS:-40}"
HUGO="${HUGO:-1}"
PER_TASK="${INVOCATIONS_PER_TASK:-100}"
NOW="2026-11-24T12:00:00Z"

./dashgen --version >/dev/null   # build the jar outside the measurements
jar="$root/target/dashgen-all.jar"
if [ "$HUGO" != 0 ] && ! command -v hugo >/dev/null; then
  echo "installing hugo (Debian's package) for the comparison…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y hugo >&2; else sudo apt-get install -y hugo >&2; fi
fi
[ "$HUGO" != 0 ] && echo "hugo: $(hugo version | head -1)"
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores"

for n in $SIZES; do
  corpus="bench/corpus/$n"
  if [ ! -f "$corpus/dashgen.yaml" ]; then
    ./dashgen demo --out "$corpus" --tasks "$n" --invocations "$((n * PER_TASK))" --seed 7 --broken 5 --now "$NOW" >/dev/null
  fi
  scratch="bench/out/serve-$n"
  rm -rf "$scratch"
  mkdir -p bench/out
  cp -a --reflink=auto "$corpus" "$scratch"
  echo
  echo "== $n tasks, $EDITS edits =="
  hugo_args=()
  [ "$HUGO" != 0 ] && hugo_args=(--hugo "$scratch/hugo")
  if [ -z "${ANCHOR:-}" ]; then
    java -cp "$jar" bench/ServeLatency.java --jar "$jar" --config "$scratch/dashgen.yaml" --out "$scratch/_site" \
      --edits "$EDITS" "${hugo_args[@]}"
    continue
  fi
  for ((round = 1; round <= ${ROUNDS:-2}; round++)); do
    for which in this anchor; do
      run_jar="$jar"
      [ "$which" = anchor ] && run_jar="$ANCHOR"
      rm -rf "$scratch"
      cp -a --reflink=auto "$corpus" "$scratch"
      echo "-- round $round, $which: $run_jar"
      java -cp "$jar" bench/ServeLatency.java --jar "$run_jar" --config "$scratch/dashgen.yaml" --out "$scratch/_site" \
        --edits "$EDITS"
    done
  done
done
