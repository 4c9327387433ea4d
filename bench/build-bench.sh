#!/usr/bin/env bash
# Build benchmark (PRODUCT.md §9): for demo workspaces of each size (a Git repository with its history,
# invocations = 100 per task), a fresh-JVM `./dashgen build` into an empty folder, Hugo (Debian's `hugo`,
# installed when missing) building a site of the same pages (one per task, and a board listing every task),
# and a second dashgen build with nothing changed, taking turns in each run (each run starting with the next in
# turn) so the machine's load falls on all alike. Prints the medians, the ratio dashgen / Hugo, dashgen's peak
# RSS, and where dashgen's time goes.
#   bench/build-bench.sh                        sizes 1000 10000 100000, 3 runs each
#   SIZES="10000" RUNS=5 bench/build-bench.sh
#   HUGO=0 bench/build-bench.sh                 dashgen only
#   ANCHOR=/path/to/before.jar bench/build-bench.sh   also that jar (the code before a change), in the same turns
# Workspaces are generated once under bench/corpus/ (git-ignored); a corpus without Git history is made again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
SIZES="${SIZES:-1000 10000 100000}"
RUNS="${RUNS:-3}"
HUGO="${HUGO:-1}"
PER_TASK="${INVOCATIONS_PER_TASK:-100}"
NOW="2026-11-24T12:00:00Z"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 3; }
if [ "$HUGO" != 0 ] && ! command -v hugo >/dev/null; then
  echo "installing hugo (Debian's package) for the comparison…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y hugo >&2; else sudo apt-get install -y hugo >&2; fi
fi
./dashgen --version >/dev/null   # build the jar outside the measurements
jar="$root/target/dashgen-all.jar"
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; $( [ "$HUGO" != 0 ] && hugo version | head -1)"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Runs a command under /usr/bin/time; prints "seconds kib".
timed() {
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" 2>"$log" >/dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

dashgen_build() { # corpus out jar(empty: this checkout's)
  DASHGEN_JAR="$3" timed ./dashgen build -q -c "$1/dashgen.yaml" -o "$2" --now "$NOW"
}

# Every build writes into a folder of its own, and they are all deleted at the end. Deleting thousands of files
# just before a build would measure the file system instead: ext4 without a journal (these machines' root) skips
# recently freed inodes when it allocates, so creating files after a large rm costs several times more, for
# dashgen and Hugo alike.
runs="bench/out/runs"
if [ -d "$runs" ]; then
  echo "note: removing $runs from an earlier run; on ext4 the next minutes' file creation can be slower" >&2
  rm -rf "$runs"
fi
mkdir -p "$runs"
# The launcher makes a jar's class-data archive before its first build: one build per jar outside the measurements,
# so that no measured build makes it.
./dashgen build --demo -q -o "$runs/warm-up" --now "$NOW" >/dev/null || true
[ -n "${ANCHOR:-}" ] && { DASHGEN_JAR="$ANCHOR" ./dashgen build --demo -q -o "$runs/warm-up-anchor" --now "$NOW" >/dev/null || true; }
printf '%-8s %-11s %-8s %10s %10s %10s %10s %12s\n' tasks invocations what "fresh (s)" "Hugo (s)" ratio "peak RSS" "second/fresh"
for n in $SIZES; do
  corpus="bench/corpus/$n"
  m=$((n * PER_TASK))
  if [ ! -f "$corpus/dashgen.yaml" ] || [ ! -d "$corpus/.git" ]; then
    rm -rf "$corpus"
    ./dashgen demo --out "$corpus" --tasks "$n" --invocations "$m" --seed 7 --broken 5 --now "$NOW" >/dev/null
  fi
  site="bench/out/hugo-site-$n"
  if [ "$HUGO" != 0 ] && [ ! -f "$site/hugo.toml" ]; then
    java -cp "$jar" bench/ServeLatency.java --hugo-site "$site" --work "$corpus/work/collaboration"
  fi
  jars=("")
  [ -n "${ANCHOR:-}" ] && jars+=("$ANCHOR")
  declare -A fresh_t fresh_r second_t
  fresh_t=(); fresh_r=(); second_t=(); hugo_t=()
  # Each run starts with the next tool in turn (dashgen, anchor, Hugo), so none always follows the one that wrote
  # the most files just before it.
  turns=("${!jars[@]}")
  [ "$HUGO" != 0 ] && turns+=(hugo)
  for ((i = 0; i < RUNS; i++)); do
    for ((k = 0; k < ${#turns[@]}; k++)); do
      j="${turns[$(( (i + k) % ${#turns[@]} ))]}"
      if [ "$j" = hugo ]; then
        read -r t r < <(timed hugo --quiet --source "$site" --destination "$root/$runs/$n-hugo-$i"); hugo_t+=("$t")
        continue
      fi
      out="$runs/$n-dashgen$j-$i"
      read -r t r < <(dashgen_build "$corpus" "$out" "${jars[$j]}"); fresh_t[$j]+="$t "; fresh_r[$j]+="$r "
      read -r t r < <(dashgen_build "$corpus" "$out" "${jars[$j]}"); second_t[$j]+="$t "
    done
  done
  ht=""
  [ "$HUGO" != 0 ] && ht=$(printf '%s\n' "${hugo_t[@]}" | median)
  for j in "${!jars[@]}"; do
    ft=$(printf '%s\n' ${fresh_t[$j]} | median)
    fr=$(printf '%s\n' ${fresh_r[$j]} | median)
    st=$(printf '%s\n' ${second_t[$j]} | median)
    name=$([ "$j" = 0 ] && echo dashgen || echo anchor)
    ratio=$([ -n "$ht" ] && echo "$ft / $ht" | bc -l || echo 0)
    printf '%-8s %-11s %-8s %10.2f %10s %10.2f %6.0f MiB %12.2f\n' "$n" "$m" "$name" "$ft" "${ht:--}" "$ratio" \
      "$((fr / 1024))" "$(echo "$st / $ft" | bc -l)"
    echo "  runs: fresh ${fresh_t[$j]}· second ${second_t[$j]}"   # the spread says how far to trust a median
  done
  [ "$HUGO" != 0 ] && echo "  runs: Hugo ${hugo_t[*]}"
  # Where the time goes: one more build, not timed above, that prints its phases.
  ./dashgen build -v -c "$corpus/dashgen.yaml" -o "$runs/$n-phases" --now "$NOW" | grep '^  phases:' | sed 's/ · /\n          /g' || true
  echo "  board: $(stat -c %s "$runs/$n-dashgen0-0/index.html") bytes of index.html; site: $(du -sh "$runs/$n-dashgen0-0" | cut -f1)"
done
rm -rf "$runs"
