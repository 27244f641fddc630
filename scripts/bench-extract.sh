#!/usr/bin/env bash
# Extraction speed benchmark: newsflow's extractor vs readability4j, one JVM, one thread, warm.
# Usage: scripts/bench-extract.sh --pages DIR [--ground-truth FILE] [--seconds 15] [--flat 10000]
# Builds the bench module (profile "bench": readability4j stays out of the service's classpath) and runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
mvn -B -q -Pbench -pl bench -am package -DskipTests >&2
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "bench/target/bench/lib/*" newsflow.bench.BenchExtract "$@"
