package newsflow.enrich.stories;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Groups articles that report the same text into stories. An article joins the story of the closest known
 * article whose SimHash is within {@link #MAX_DISTANCE} bits (the earliest published among equally close ones);
 * otherwise it heads a story of its own (its story id is its own id). Holds the most recent {@code capacity}
 * articles: wire copy is republished within days, not months. A lookup compares every remembered fingerprint
 * (one XOR and a bit count each: about a millisecond for 200,000), which allows a distance too wide for
 * band-based lookups to stay exact.
 */
public final class StoryIndex {

    /**
     * Fingerprints at most this many bits apart are the same story. Measured with {@code newsflow stories eval}:
     * same-story pairs of the demo corpus lie at most 11 bits apart, different stories at least 17.
     */
    public static final int MAX_DISTANCE = 12;

    record Member(String id, long simhash, String storyId, Instant published) {
    }

    /** Told of every article this index grouped itself (not of those it learned), once, outside the index's lock. */
    @FunctionalInterface
    public interface Journal {
        Journal NONE = (id, mark) -> {
        };

        void assigned(String id, StoryMark mark);
    }

    private final int capacity;
    private final int maxDistance;
    private final Journal journal;
    private final Map<String, Member> byId = new HashMap<>();
    private final Deque<Member> order = new ArrayDeque<>();

    public StoryIndex(int capacity) {
        this(capacity, MAX_DISTANCE, Journal.NONE);
    }

    /** @param journal where each new assignment goes so other instances (and this one's restart) learn it */
    public StoryIndex(int capacity, Journal journal) {
        this(capacity, MAX_DISTANCE, journal);
    }

    StoryIndex(int capacity, int maxDistance) {
        this(capacity, maxDistance, Journal.NONE);
    }

    private StoryIndex(int capacity, int maxDistance, Journal journal) {
        this.capacity = capacity;
        this.maxDistance = maxDistance;
        this.journal = journal;
    }

    /**
     * The story of an article: the story of the nearest known article within the distance, else its own id.
     * Remembers it either way. An article seen before keeps the story it was given.
     *
     * @param simhash 0 (too short to fingerprint) never matches anything
     */
    public String assign(String id, long simhash, Instant published) {
        Member added;
        synchronized (this) {
            Member known = byId.get(id);
            if (known != null) {
                return known.storyId();
            }
            String story = id;
            if (simhash != 0L) {
                Member nearest = nearest(simhash);
                if (nearest != null) {
                    story = nearest.storyId();
                }
            }
            added = new Member(id, simhash, story, published);
            add(added);
        }
        journal.assigned(id, new StoryMark(simhash, added.storyId(), published));
        return added.storyId();
    }

    /** Learns an article another enrich instance grouped (its story id is taken as given). */
    public synchronized void learn(String id, long simhash, String storyId, Instant published) {
        if (!byId.containsKey(id)) {
            add(new Member(id, simhash, storyId == null ? id : storyId, published));
        }
    }

    public synchronized int size() {
        return byId.size();
    }

    private Member nearest(long simhash) {
        Member best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Member m : order) {
            if (m.simhash() == 0L) {
                continue;
            }
            int d = SimHash.distance(simhash, m.simhash());
            if (d <= maxDistance && (d < bestDistance || d == bestDistance && earlier(m, best))) {
                best = m;
                bestDistance = d;
            }
        }
        return best;
    }

    private static boolean earlier(Member a, Member b) {
        return b == null || a.published() != null && (b.published() == null || a.published().isBefore(b.published()));
    }

    private void add(Member m) {
        byId.put(m.id(), m);
        order.addLast(m);
        while (order.size() > capacity) {
            byId.remove(order.removeFirst().id());
        }
    }
}
