#!/usr/bin/env bash
# bench-analyst with the node on a core of its own: the benchmark's JVM (its client and our API) runs on CPU 1 and
# the local Elasticsearch node, once it has started, is moved to CPU 0. On a two-core machine the node and our API
# otherwise share both cores, so any CPU our API spends while the node searches lengthens the node's answer too;
# this shows what the overhead is when they do not compete, as with a node on another machine. The node starts
# with the benchmark's affinity, so it sizes its thread pools for one processor.
# Usage: scripts/bench-analyst-split-cores.sh <bench-analyst options…>   (needs taskset and at least two CPUs)
set -euo pipefail
cd "$(dirname "$0")/.."
(( $(nproc) >= 2 )) || { echo "needs at least two CPUs" >&2; exit 1; }
command -v taskset >/dev/null || { echo "needs taskset (util-linux)" >&2; exit 1; }

taskset -c 1 ./newsflow bench-analyst "$@" &
bench=$!
moved=""
while kill -0 "$bench" 2>/dev/null; do
    for pid in $(pgrep -f 'org\.elasticsearch\.(bootstrap|server|launcher)' || true); do
        if [[ " $moved " != *" $pid "* ]] && taskset -a -p -c 0 "$pid" >/dev/null 2>&1; then
            moved="$moved $pid"
            echo "bench-analyst-split-cores: node process $pid moved to CPU 0" >&2
        fi
    done
    sleep 1
done
wait "$bench"
