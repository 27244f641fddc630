package newsflow.ingest.publish;

import newsflow.common.model.FeedEntry;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.PublishedEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which entries of a document to publish: those never published and those whose content changed since.
 *
 * @param toPublish new or changed entries
 * @param skipped   entries already published unchanged, and repeats of an id within the document
 * @param seen      every distinct entry of the document with its current fingerprint, to remember once published
 */
public record PublishPlan(List<FeedEntry> toPublish, List<FeedEntry> skipped, List<PublishedEntry> seen) {

    public PublishPlan {
        toPublish = List.copyOf(toPublish);
        skipped = List.copyOf(skipped);
        seen = List.copyOf(seen);
    }

    public static PublishPlan of(List<FeedEntry> entries, FeedState state) {
        Map<String, String> known = state.fingerprints();
        Map<String, String> idsByGuid = state.idsByGuid();
        Map<String, Instant> firstSeen = new HashMap<>();
        state.published().forEach(p -> {
            if (p.at() != null) {
                firstSeen.putIfAbsent(p.id(), p.at());
            }
        });
        List<FeedEntry> publish = new ArrayList<>();
        List<FeedEntry> skip = new ArrayList<>();
        List<PublishedEntry> seen = new ArrayList<>();
        Set<String> idsInDocument = new HashSet<>();
        for (FeedEntry entry : entries) {
            FeedEntry e = sameGuidSameId(entry, idsByGuid);
            if (!idsInDocument.add(e.id())) {
                skip.add(e); // the same article listed twice in one document: the first occurrence wins
                continue;
            }
            String fingerprint = EntryFingerprint.of(e);
            seen.add(new PublishedEntry(e.id(), fingerprint, dateOf(e, firstSeen.get(e.id())), e.guid()));
            if (fingerprint.equals(known.get(e.id()))) {
                skip.add(e);
            } else {
                publish.add(e);
            }
        }
        return new PublishPlan(publish, skip, seen);
    }

    /**
     * An entry whose GUID was published before under another id (its link changed: a new URL scheme, a moved
     * site) keeps that id, so downstream it updates the article instead of adding a second copy.
     */
    private static FeedEntry sameGuidSameId(FeedEntry e, Map<String, String> idsByGuid) {
        String earlier = e.guid() == null ? null : idsByGuid.get(e.guid());
        if (earlier == null || earlier.equals(e.id())) {
            return e;
        }
        return e.withId(earlier);
    }

    /** The entry's own date; for an undated entry, when it was first seen (kept across polls), else now. */
    private static Instant dateOf(FeedEntry e, Instant seenBefore) {
        if (e.published() != null) {
            return e.published();
        }
        if (e.updated() != null) {
            return e.updated();
        }
        return seenBefore != null ? seenBefore : e.fetchedAt();
    }
}
