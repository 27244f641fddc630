#!/usr/bin/env python3
"""Load test of the search API: ordinary queries alone, then mixed with costly ones.

Reports p50/p99 latency of the ordinary query (q=water) without and with the costly load, and what the costly
queries got (200, 400 for those over a limit, 429 when search.maxConcurrent was full, 504...). It measures a
running newsflow (`./newsflow demo` or `./newsflow run` with the search stage); it is a benchmark, not a test.

  python3 scripts/search-load.py --base http://127.0.0.1:8080 [--ordinary 200] [--costly-workers 6]
"""
import argparse
import collections
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

WORDS = ("water rights river harbour budget council election ferry school hospital energy price rail road "
         "storm flood court police market bank tax health climate city port farm union strike bridge").split()


def get(base, q, key):
    url = base + "/api/search?" + urllib.parse.urlencode({"q": q})
    req = urllib.request.Request(url, headers={"X-Api-Key": key} if key else {})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            body = resp.read()
            status = resp.status
            partial = json.loads(body).get("partial", False)
    except urllib.error.HTTPError as e:
        e.read()
        status, partial = e.code, False
    return time.perf_counter() - start, status, partial


def costly_queries(max_terms, max_wildcards):
    # just under the limits: every word or'ed so that most of the index matches and must be scored
    many_terms = " | ".join((WORDS * (max_terms // len(WORDS) + 1))[:max_terms])
    wildcards = " | ".join(w[:1] + "*" for w in "abcdefghijklmnopqrstuvwxyz"[:max_wildcards]) + " | " + \
        " | ".join(WORDS[:max_terms - max_wildcards])
    over_limit = " ".join((WORDS * 200)[:5000])  # the 5,000-word query of issue 10: refused with 400
    return [("%d words or'ed" % max_terms, many_terms),
            ("%d prefix + %d words" % (max_wildcards, max_terms - max_wildcards), wildcards),
            ("5000 words", over_limit)]


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000


def ordinary_run(base, n, threads, key):
    latencies, statuses = [], collections.Counter()
    lock = threading.Lock()

    def worker():
        for _ in range(n // threads):
            t, status, _ = get(base, "water", key)
            with lock:
                statuses[status] += 1
                if status == 200:
                    latencies.append(t)

    ts = [threading.Thread(target=worker) for _ in range(threads)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    return latencies, statuses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--api-key", default="")
    ap.add_argument("--ordinary", type=int, default=200, help="ordinary queries per phase")
    ap.add_argument("--ordinary-threads", type=int, default=2)
    ap.add_argument("--costly-workers", type=int, default=6)
    ap.add_argument("--max-terms", type=int, default=64, help="search.maxTerms of the server")
    ap.add_argument("--max-wildcards", type=int, default=4, help="search.maxWildcardTerms of the server")
    a = ap.parse_args()

    get(a.base, "water", a.api_key)  # warm up
    quiet, quiet_status = ordinary_run(a.base, a.ordinary, a.ordinary_threads, a.api_key)

    stop = threading.Event()
    costly_status = collections.Counter()
    lock = threading.Lock()
    queries = costly_queries(a.max_terms, a.max_wildcards)

    def costly(i):
        j = i
        while not stop.is_set():
            label, q = queries[j % len(queries)]
            _, status, partial = get(a.base, q, a.api_key)
            with lock:
                costly_status[(label, status, "partial" if partial else "complete")] += 1
            j += 1

    workers = [threading.Thread(target=costly, args=(i,), daemon=True) for i in range(a.costly_workers)]
    [w.start() for w in workers]
    time.sleep(1)
    loaded, loaded_status = ordinary_run(a.base, a.ordinary, a.ordinary_threads, a.api_key)
    stop.set()
    [w.join(timeout=130) for w in workers]

    print("ordinary q=water, %d requests per phase, %d client threads" % (a.ordinary, a.ordinary_threads))
    for name, lat, st in (("alone", quiet, quiet_status), ("with %d costly workers" % a.costly_workers, loaded, loaded_status)):
        if lat:
            print("  %-24s p50 %7.1f ms  p99 %7.1f ms  statuses %s" % (name, percentile(lat, 50), percentile(lat, 99), dict(st)))
        else:
            print("  %-24s no successful request; statuses %s" % (name, dict(st)))
    if quiet and loaded:
        print("  ratio loaded/alone: p50 x%.2f  p99 x%.2f" % (percentile(loaded, 50) / percentile(quiet, 50),
                                                           percentile(loaded, 99) / percentile(quiet, 99)))
    print("costly queries (kind, status, partial): count")
    for k, v in sorted(costly_status.items(), key=str):
        print("  %s: %d" % (k, v))


if __name__ == "__main__":
    main()
