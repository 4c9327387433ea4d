#!/usr/bin/env bash
# History and flow benchmark (PRODUCT.md §9):
#  - history on a generated repository of 5,000 commits: the first read (empty cache) and the read after one more
#    commit (cache at the commit before), each in a fresh JVM started like `dashgen build` (C1 only, serial GC),
#    medians of RUNS;
#  - flow metrics + forecast on a 10,000-task demo workspace with its Git history, in one JVM: the first call and the
#    median of RUNS calls after warm-up; then the same for data/flow.json and flow.html, and the share of a build of
#    that workspace (a fresh `dashgen build`, median of 3) that flow + forecast would add.
#   bench/history-bench.sh               RUNS=5, COMMITS=5000, TASKS=10000
#   RUNS=9 COMMITS=5000 TASKS=10000 bench/history-bench.sh
#   CORPUS=/tmp/corpus bench/history-bench.sh      somewhere else than bench/corpus
# The repository and the workspace are generated once under $CORPUS (default bench/corpus/, git-ignored).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
COMMITS="${COMMITS:-5000}"
TASKS="${TASKS:-10000}"
CORPUS="${CORPUS:-bench/corpus}"
NOW="2026-11-24T12:00:00Z"
./dashgen --version >/dev/null                       # the runnable jar, built outside the measurements
mvn -B -q -o test-compile >/dev/null 2>&1 || mvn -B -q test-compile >/dev/null   # the bench mains
cp="target/dashgen-all.jar:target/test-classes"
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:GCTimeRatio=9)        # as the launcher runs one-shot commands

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

repo="$CORPUS/history-$COMMITS"
java -cp "$cp" dev.dashgen.history.HistoryBench generate "$repo" "$COMMITS"
cache="bench/out/history-cache"
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; $COMMITS commits"
first=(); next=()
for ((i = 0; i < RUNS; i++)); do
  first+=("$(java "${jvm[@]}" -cp "$cp" dev.dashgen.history.HistoryBench first "$repo" "$cache" | awk '{print $1}')")
done
for ((i = 0; i < RUNS; i++)); do
  next+=("$(java "${jvm[@]}" -cp "$cp" dev.dashgen.history.HistoryBench next "$repo" "$cache" | awk '{print $1}')")
done
printf 'history, first read:           median %8.1f ms  (runs: %s)  target ≤ 2000 ms\n' "$(printf '%s\n' "${first[@]}" | median)" "${first[*]}"
printf 'history, after one new commit: median %8.1f ms  (runs: %s)  target ≤ 50 ms\n' "$(printf '%s\n' "${next[@]}" | median)" "${next[*]}"

corpus="$CORPUS/flow-$TASKS"
if [ ! -f "$corpus/dashgen.yaml" ]; then
  ./dashgen demo --out "$corpus" --tasks "$TASKS" --invocations 0 --seed 7 --now "$NOW" >/dev/null
fi
flow="$(java "${jvm[@]}" -cp "$cp" dev.dashgen.site.FlowBench "$corpus/dashgen.yaml" "$NOW" "$RUNS")"
echo "$flow"
builds=()
# Each build into a folder of its own, all deleted at the end: on ext4, creating files in the minutes after deleting
# a tree this size is slower, which would time the deletion rather than the build.
flow_out="bench/out/flow-builds"
rm -rf "$flow_out"
for ((i = 0; i < 3; i++)); do
  s=$(date +%s%N); ./dashgen build -q -c "$corpus/dashgen.yaml" -o "$flow_out/$i" --now "$NOW" >/dev/null || true; e=$(date +%s%N)
  builds+=("$(( (e - s) / 1000000 ))")
done
rm -rf "$flow_out"
build_ms="$(printf '%s\n' "${builds[@]}" | median)"
flow_ms="$(echo "$flow" | awk '/^flow \+ forecast/ {print $NF == "ms" ? $(NF-1) : $NF}')"
printf 'build of %s tasks: median %s ms; flow + forecast (median) = %.1f %% of it  target ≤ 5 %%\n' "$TASKS" "$build_ms" \
  "$(echo "$flow_ms * 100 / $build_ms" | bc -l)"
