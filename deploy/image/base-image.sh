#!/usr/bin/env bash
# Builds a container base image for newsflow's image without a container registry or a Docker daemon, for machines
# that reach only Debian's package archive: Debian (minbase, from mmdebstrap) plus a Java runtime that jlink makes
# from a local JDK 21+, at /opt/java/openjdk as in the usual JRE images. The result is a `docker save` style tarball
# that Jib takes as its base: mvn -B -pl app -am package -Pimage -DskipTests -Dnewsflow.image.base=tar://$PWD/OUT
#   deploy/image/base-image.sh OUT.tar        (as root; needs mmdebstrap and a JDK 21+ with jlink: JAVA_HOME)
# See docs/operations.md ("Container image").
set -euo pipefail

out="${1:?usage: deploy/image/base-image.sh OUT.tar}"
suite="${NEWSFLOW_BASE_SUITE:-bookworm}"
jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 21+ (its jlink makes the runtime)}"
command -v mmdebstrap >/dev/null || { echo "base-image: needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 1; }
[[ -x "$jdk/bin/jlink" ]] || { echo "base-image: $jdk has no bin/jlink" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# the modules newsflow and its libraries use: the Java SE API, sun.misc.Unsafe (Kafka), the JDK's HTTP server
# (/health, /metrics, search API), zip file systems, DNS naming, elliptic-curve TLS, locale data for date parsing
"$jdk/bin/jlink" --add-modules java.se,jdk.unsupported,jdk.httpserver,jdk.zipfs,jdk.crypto.ec,jdk.naming.dns,jdk.net,jdk.management,jdk.localedata \
  --strip-debug --no-man-pages --no-header-files --output "$work/jre/opt/java/openjdk"

# ca-certificates: feeds and pages are fetched over TLS; curl: health checks from the orchestrator
mmdebstrap --quiet --variant=minbase --include=ca-certificates,curl "$suite" "$work/layer.tar"
tar --append -f "$work/layer.tar" -C "$work/jre" --owner=0 --group=0 opt

diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["newsflow-base:local"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar -cf "$out" -C "$work" manifest.json config.json layer.tar
echo "base-image: $out ($(du -h "$out" | cut -f1)), Debian $suite + Java runtime $("$work/jre/opt/java/openjdk/bin/java" -version 2>&1 | head -1)"
