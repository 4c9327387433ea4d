#!/usr/bin/env bash
# Build benchmark (PRODUCT.md §9): for demo workspaces of each size, the median wall time and peak
# RSS of a fresh-JVM `./dashgen build` into an empty folder, and of a second build with nothing changed.
#   bench/build-bench.sh                 sizes 1000 10000 100000, 3 runs each
#   SIZES="10000" RUNS=5 bench/build-bench.sh
# Workspaces are generated once under bench/corpus/ (git-ignored); invocations = 100 per task
# unless INVOCATIONS_PER_TASK says otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000 10000 100000}"
RUNS="${RUNS:-3}"
PER_TASK="${INVOCATIONS_PER_TASK:-100}"
NOW="2026-11-24T12:00:00Z"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 3; }
./dashgen --version >/dev/null   # build the jar outside the measurements

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Runs one build under /usr/bin/time; prints "seconds kib".
measure() {
  local log; log="$(mktemp)"
  /usr/bin/time -v ./dashgen build -q -c "$1" -o "$2" --now "$NOW" 2>"$log" >/dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

printf '%-8s %-12s %12s %12s %14s %12s\n' tasks invocations "fresh (s)" "fresh RSS" "second (s)" "second/fresh"
for n in $SIZES; do
  corpus="bench/corpus/$n"
  m=$((n * PER_TASK))
  if [ ! -f "$corpus/dashgen.yaml" ]; then
    ./dashgen demo --out "$corpus" --tasks "$n" --invocations "$m" --seed 7 --broken 5 --now "$NOW" >/dev/null
  fi
  out="bench/out/$n"
  fresh_t=(); fresh_r=(); second_t=()
  for ((i = 0; i < RUNS; i++)); do
    rm -rf "$out"
    read -r t r < <(measure "$corpus/dashgen.yaml" "$out"); fresh_t+=("$t"); fresh_r+=("$r")
    read -r t r < <(measure "$corpus/dashgen.yaml" "$out"); second_t+=("$t")
  done
  ft=$(printf '%s\n' "${fresh_t[@]}" | median)
  fr=$(printf '%s\n' "${fresh_r[@]}" | median)
  st=$(printf '%s\n' "${second_t[@]}" | median)
  printf '%-8s %-12s %12.2f %9.0f MiB %14.2f %12.2f\n' "$n" "$m" "$ft" "$((fr / 1024))" "$st" "$(echo "$st / $ft" | bc -l)"
done
