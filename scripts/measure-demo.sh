#!/usr/bin/env bash
# Measures one `./newsflow demo --exit-when-done` run: wall time, articles per second (from the demo's own
# summary) and the peak resident memory of the whole process tree (newsflow, the Kafka broker and the
# Elasticsearch node), sampled every 200 ms from /proc.
#   scripts/measure-demo.sh [DATA_DIR]      (default: a fresh /tmp/newsflow-measure-<pid>; reusing a data
#                                            directory measures a warm restart instead of a first run)
# Build first (./newsflow --version) so the build is not part of the measurement.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${1:-/tmp/newsflow-measure-$$}"
mkdir -p "$DIR" && chmod 755 "$DIR"
OUT="$DIR/demo.out"

tree_rss_kb() { # sum of VmRSS over $1 and all its descendants
  local pids=("$1") i=0 total=0
  while (( i < ${#pids[@]} )); do
    local kids; kids=$(cat /proc/"${pids[$i]}"/task/*/children 2>/dev/null || true)
    for k in $kids; do pids+=("$k"); done
    i=$((i + 1))
  done
  for p in "${pids[@]}"; do
    local kb; kb=$(awk '/^VmRSS:/ {print $2}' /proc/"$p"/status 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

start=$(date +%s.%N)
"$ROOT/newsflow" demo --exit-when-done --data-dir "$DIR" >"$OUT" 2>"$DIR/demo.err" &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(tree_rss_kb "$pid")
  (( rss > peak )) && peak=$rss
  sleep 0.2
done
wait "$pid" && status=0 || status=$?
end=$(date +%s.%N)

cat "$OUT"
echo
echo "measured: exit $status, wall $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}') s (process start to exit, stack start and stop included),"
echo "          peak RSS of the process tree $(awk -v k="$peak" 'BEGIN {printf "%.0f", k / 1024}') MB; logs in $DIR/demo.err"
exit "$status"
