#!/usr/bin/env bash
# Build benchmark (PRODUCT.md §9): for demo workspaces of each size, the median wall time and peak
# RSS of a fresh-JVM `./dashgen build` into an empty folder, and of a second build with nothing changed.
#   bench/build-bench.sh                 sizes 1000 10000 100000, 3 runs each
#   SIZES="10000" RUNS=5 bench/build-bench.sh
#   ANCHOR=/path/to/before.jar bench/build-bench.sh   also the anchor jar, run alternately, with the ratio
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

# Runs one build under /usr/bin/time with the jar $3 (empty: this checkout's); prints "seconds kib".
measure() {
  local log; log="$(mktemp)"
  DASHGEN_JAR="$3" /usr/bin/time -v ./dashgen build -q -c "$1" -o "$2" --now "$NOW" 2>"$log" >/dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

jars=("")
[ -n "${ANCHOR:-}" ] && jars=("" "$ANCHOR")
printf '%-8s %-12s %-10s %12s %12s %14s %12s\n' tasks invocations jar "fresh (s)" "fresh RSS" "second (s)" "second/fresh"
for n in $SIZES; do
  corpus="bench/corpus/$n"
  m=$((n * PER_TASK))
  if [ ! -f "$corpus/dashgen.yaml" ]; then
    ./dashgen demo --out "$corpus" --tasks "$n" --invocations "$m" --seed 7 --broken 5 --now "$NOW" >/dev/null
  fi
  declare -A fresh_t fresh_r second_t
  fresh_t=(); fresh_r=(); second_t=()
  # The jars take turns within each run, so the machine's load falls on both alike.
  for ((i = 0; i < RUNS; i++)); do
    for j in "${!jars[@]}"; do
      out="bench/out/$n-$j"
      rm -rf "$out"
      read -r t r < <(measure "$corpus/dashgen.yaml" "$out" "${jars[$j]}")
      fresh_t[$j]+="$t "; fresh_r[$j]+="$r "
      read -r t r < <(measure "$corpus/dashgen.yaml" "$out" "${jars[$j]}")
      second_t[$j]+="$t "
    done
  done
  for j in "${!jars[@]}"; do
    ft=$(printf '%s\n' ${fresh_t[$j]} | median)
    fr=$(printf '%s\n' ${fresh_r[$j]} | median)
    st=$(printf '%s\n' ${second_t[$j]} | median)
    name=$([ "$j" = 0 ] && echo this || echo anchor)
    printf '%-8s %-12s %-10s %12.2f %9.0f MiB %14.2f %12.2f\n' "$n" "$m" "$name" "$ft" "$((fr / 1024))" "$st" "$(echo "$st / $ft" | bc -l)"
    [ "$j" = 0 ] && this_ft="$ft"
    [ "$j" = 1 ] && printf '%-8s this/anchor (fresh build): %.2f\n' "$n" "$(echo "$this_ft / $ft" | bc -l)"
  done
done
