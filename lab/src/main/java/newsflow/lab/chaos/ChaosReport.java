package newsflow.lab.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a chaos run ended with, and the invariants it broke ({@link #violations()}, empty when it held).
 *
 * @param legitimate           legitimate articles the feeds carried
 * @param legitimateIndexedOnce of them, indexed exactly once (one document with their id, one with their URL)
 * @param legitimateMissing    of them, in no document
 * @param legitimateDuplicated of them, in more than one document (by id or by URL)
 * @param legitimateFromFeed   of them, indexed but built from the feed's content (their page fetch failed under load)
 * @param hostile              hostile article links the feeds carried
 * @param hostileOutcomes      per hostile kind, how many ended how
 * @param hostileReasons       the fallback reasons and dead-letter errors seen, shortened, with counts
 * @param documents            documents in the index
 * @param deadLetters          distinct keys in the dead-letter topic
 * @param internalRequests     requests the internal server received (must be none)
 * @param leaks                documents carrying the internal secret, file contents or entity expansions
 * @param siteRequests         requests the allowed site received per route
 * @param kills                what was killed, when (seconds into the run)
 * @param unexpectedExits      stage processes that exited without being killed
 * @param elapsed              the whole run
 * @param violations           broken invariants, one line each
 */
record ChaosReport(int legitimate, int legitimateIndexedOnce, int legitimateMissing, int legitimateDuplicated,
                   int legitimateFromFeed, int hostile, Map<HostileKind, Map<HostileOutcome, Integer>> hostileOutcomes,
                   Map<String, Integer> hostileReasons, long documents, long deadLetters, List<String> internalRequests,
                   List<String> leaks, Map<String, Long> siteRequests, List<String> kills, List<String> unexpectedExits,
                   Duration elapsed, List<String> violations) {

    /** How one hostile article ended. */
    enum HostileOutcome {
        /** Indexed once, built from the feed's content, with the reason the page was not used. */
        FALLBACK_WITH_REASON,
        /** In the dead-letter topic with its error, not indexed. */
        DEAD_LETTERED,
        /** Indexed once from its page (acceptable only where the page may be used). */
        EXTRACTED,
        /** Neither indexed nor dead-lettered: lost without a trace. */
        MISSING,
        /** Indexed more than once. */
        DUPLICATED
    }

    boolean ok() {
        return violations.isEmpty();
    }

    String text() {
        StringBuilder s = new StringBuilder();
        s.append("chaos run: ").append(ok() ? "ALL INVARIANTS HELD" : violations.size() + " INVARIANT(S) BROKEN")
                .append(" (").append(elapsed.toSeconds()).append(" s)\n");
        s.append("legitimate articles: ").append(legitimate).append(" | indexed exactly once: ").append(legitimateIndexedOnce)
                .append(" | missing: ").append(legitimateMissing).append(" | duplicated: ").append(legitimateDuplicated)
                .append(" | built from the feed (page fetch failed): ").append(legitimateFromFeed).append('\n');
        s.append("hostile article links: ").append(hostile).append('\n');
        hostileOutcomes.forEach((kind, outcomes) -> s.append("  ").append(String.format("%-18s", kind.slug()))
                .append(' ').append(outcomes).append('\n'));
        s.append("hostile reasons:\n");
        hostileReasons.forEach((reason, n) -> s.append(String.format("  %5d  %s%n", n, reason)));
        s.append("documents in the index: ").append(documents).append(" | dead letters: ").append(deadLetters).append('\n');
        s.append("requests to the internal server: ").append(internalRequests.size())
                .append(internalRequests.isEmpty() ? "" : " " + internalRequests.subList(0, Math.min(5, internalRequests.size())))
                .append('\n');
        s.append("documents leaking internal or entity content: ").append(leaks.size())
                .append(leaks.isEmpty() ? "" : " " + leaks.subList(0, Math.min(5, leaks.size()))).append('\n');
        s.append("requests to the allowed site: ").append(siteRequests).append('\n');
        s.append("kills (").append(kills.size()).append("): ").append(String.join(", ", kills)).append('\n');
        s.append("stage exits nobody asked for: ").append(unexpectedExits.size())
                .append(unexpectedExits.isEmpty() ? "" : " " + unexpectedExits).append('\n');
        violations.forEach(v -> s.append("VIOLATION: ").append(v).append('\n'));
        return s.toString();
    }
}
