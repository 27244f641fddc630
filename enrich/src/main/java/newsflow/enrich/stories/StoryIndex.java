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

    private final int capacity;
    private final int maxDistance;
    private final Map<String, Member> byId = new HashMap<>();
    private final Deque<Member> order = new ArrayDeque<>();

    public StoryIndex(int capacity) {
        this(capacity, MAX_DISTANCE);
    }

    StoryIndex(int capacity, int maxDistance) {
        this.capacity = capacity;
        this.maxDistance = maxDistance;
    }

    /**
     * The story of an article: the story of the nearest known article within the distance, else its own id.
     * Remembers it either way. An article seen before keeps the story it was given.
     *
     * @param simhash 0 (too short to fingerprint) never matches anything
     */
    public synchronized String assign(String id, long simhash, Instant published) {
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
        add(new Member(id, simhash, story, published));
        return story;
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
