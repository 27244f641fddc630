#!/usr/bin/env bash
# Extraction speed benchmark: newsflow's extractor vs readability4j (one JVM, one thread, warm) and vs
# Readability.js 0.6.0 + jsdom under Node (one thread, warm), over the same pages in one script run. The JVM side also
# measures the enrich step twice: without topics, and as the service runs it (default IPTC tagger included); the
# last line gives both, so the service's own rate is never read off the extractor's.
# Usage: scripts/bench-extract.sh --pages DIR [--ground-truth FILE] [--seconds 15] [--warmup-seconds 5]
#                                 [--flat 10000] [--no-node]
# The JVM side is the lab's `bench-extract` command, run through ./newsflow (which finds a JDK and builds the lab
# module; readability4j is a dependency of the lab alone, never of the service). Readability.js is installed by npm
# into lab/node/node_modules (gitignored; versions pinned by lab/node/package-lock.json).
# Node runs twice, half its time before and half after the JVM, so load that drifts during the run hits both
# sides; the ratio uses the mean of the two Node rates and the range is printed too.
set -euo pipefail
cd "$(dirname "$0")/.."

java_args=() node_args=() seconds=15 warmup=5 node=yes
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-node) node=no; shift ;;
        --pages|--ground-truth) java_args+=("$1" "$2"); node_args+=("$1" "$2"); shift 2 ;;
        --seconds) seconds="$2"; java_args+=("$1" "$2"); shift 2 ;;
        --warmup-seconds) warmup="$2"; java_args+=("$1" "$2"); shift 2 ;;
        *) java_args+=("$1"); shift ;;
    esac
done

run_node() {
    node --expose-gc lab/node/bench-readability.mjs "${node_args[@]}" --warmup-seconds "$warmup" \
        --seconds "$(awk -v s="$seconds" 'BEGIN { print s / 2 }')" | tee -a "$out"
}

./newsflow lab --version >/dev/null # builds the lab now, not between the two timed halves
out=$(mktemp)
trap 'rm -f "$out"' EXIT
if [[ $node == yes ]]; then
    command -v node >/dev/null || { echo "bench-extract: node not found (install nodejs or pass --no-node)" >&2; exit 2; }
    (cd lab/node && npm ci --no-audit --no-fund --silent) >&2
    echo "== Readability.js, first half"
    run_node
fi
echo "== JVM: newsflow and readability4j"
# the quiet logging configuration: readability4j logs whole pages, which would only add noise to the table
NEWSFLOW_JAVA_OPTS="-Xmx1g -Dlogback.configurationFile=newsflow/lab/bench/quiet-logback.xml" \
    ./newsflow bench-extract "${java_args[@]}" | tee -a "$out"
if [[ $node == yes ]]; then
    echo "== Readability.js, second half"
    run_node
    echo "== In this run (pages/s; Readability.js = mean of its two halves)"
    awk '/^RATE / { split($2, n, "="); split($3, r, "="); if (n[2] == "readability.js") { js += r[2]; k++; lo = (k == 1 || r[2] < lo) ? r[2] : lo; hi = (r[2] > hi) ? r[2] : hi } else rate[n[2]] = r[2] }
         END { js /= k; printf "Readability.js %.1f (halves %.1f to %.1f), readability4j %.1f, newsflow extractor %.1f\n", js, lo, hi, rate["readability4j"], rate["newsflow.extractor"];
               printf "newsflow / Readability.js: %.1fx (%.1fx to %.1fx over the two halves); newsflow / readability4j: %.2fx\n",
                      rate["newsflow.extractor"] / js, rate["newsflow.extractor"] / hi, rate["newsflow.extractor"] / lo, rate["newsflow.extractor"] / rate["readability4j"] }' "$out"
fi
awk '/^RATE / { split($2, n, "="); split($3, r, "="); rate[n[2]] = r[2] }
     END { printf "enrich step, one thread: %.1f pages/s without topics, %.1f pages/s as the service runs it (default tagger); extractor alone %.1f\n",
                  rate["enrich.no-tagger"], rate["enrich.service"], rate["newsflow.extractor"] }' "$out"
