package newsflow.enrich.stories;

import newsflow.common.kafka.JsonCodec;
import newsflow.common.model.Article;
import newsflow.common.model.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class StoryStateTest {

    private static final String STATE = "t.story-state";
    private static final String ARTICLES = "t.articles";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofDays(7);

    private final MemoryTopics topics = new MemoryTopics(CLOCK, STATE, ARTICLES);

    /** One article of the corpus: id, body, published. */
    private record Item(String id, String body, Instant published) {
        long simhash() {
            return SimHash.of(body);
        }
    }

    /**
     * Twelve stories of 90 words each, republished three more times with small edits (a dateline, two words
     * changed), in a shuffled order; some too short to fingerprint.
     */
    private static List<Item> corpus() {
        Random random = new Random(15);
        String[] words = ("harbour council bridge storm budget school rail ferry hospital court market police river "
                + "election museum farm energy water housing festival airport union factory station library road "
                + "forest coast mayor report minister workers contract plan vote price fire flood train port tax")
                .split(" ");
        List<Item> items = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            List<String> text = new ArrayList<>();
            for (int w = 0; w < 90; w++) {
                text.add(words[random.nextInt(words.length)]);
            }
            for (int copy = 0; copy < 4; copy++) {
                List<String> edited = new ArrayList<>(text);
                if (copy > 0) {
                    edited.set(random.nextInt(90), "edited");
                    edited.set(random.nextInt(90), "changed");
                    edited.addFirst("CITY (Agency " + copy + ") -");
                }
                items.add(new Item("s" + s + "c" + copy, String.join(" ", edited), NOW.minusSeconds(3600L * (12 - s) - copy)));
            }
        }
        items.add(new Item("short-1", "Too short", NOW));
        items.add(new Item("short-2", "Too short", NOW));
        java.util.Collections.shuffle(items, random);
        return items;
    }

    private StoryState instance(int capacity) {
        return new StoryState(topics.consumer(), topics.producer(), STATE, ARTICLES, capacity, WINDOW, CLOCK);
    }

    /** Today's grouping: one index that saw every article in order. */
    private static List<String> oneIndex(List<Item> items) {
        StoryIndex index = new StoryIndex(1000);
        return items.stream().map(i -> index.assign(i.id(), i.simhash(), i.published())).toList();
    }

    @Test
    void aRestartedInstanceGroupsAsIfItHadNeverStopped() {
        List<Item> items = corpus();
        List<String> expected = oneIndex(items);
        assertThat(expected.stream().distinct().count()).as("the corpus has stories of several articles")
                .isBetween(13L, items.size() - 20L);

        List<String> got = new ArrayList<>();
        StoryState first = instance(1000);
        StoryState.Loaded empty = first.load();
        assertThat(empty.marks() + empty.articlesSeeded()).isZero();
        items.subList(0, 25).forEach(i -> got.add(first.index().assign(i.id(), i.simhash(), i.published())));
        first.close();
        topics.deliver();
        assertThat(topics.size(STATE)).isEqualTo(25);

        StoryState restarted = instance(1000);
        StoryState.Loaded loaded = restarted.load();
        assertThat(loaded.marks()).isEqualTo(25);
        assertThat(loaded.articlesSeeded()).isZero();
        items.subList(25, items.size()).forEach(i -> got.add(restarted.index().assign(i.id(), i.simhash(), i.published())));

        assertThat(got).isEqualTo(expected);
        restarted.close();
    }

    @Test
    void twoInstancesFollowingEachOthersMarksGroupAsOneIndexDoes() throws Exception {
        List<Item> items = corpus();
        List<String> expected = oneIndex(items);
        StoryState a = instance(1000);
        StoryState b = instance(1000);
        a.load();
        b.load();
        Thread followA = Thread.ofVirtual().start(a);
        Thread followB = Thread.ofVirtual().start(b);
        List<String> got = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            Item i = items.get(n);
            StoryState writer = n % 2 == 0 ? a : b;
            StoryState other = writer == a ? b : a;
            got.add(writer.index().assign(i.id(), i.simhash(), i.published()));
            topics.deliver();
            awaitSize(other, n + 1); // the other instance learned it from the topic before the next article comes
        }
        assertThat(got).isEqualTo(expected);
        assertThat(topics.size(STATE)).as("one mark per article, whoever grouped it").isEqualTo(items.size());
        a.close();
        b.close();
        followA.join(Duration.ofSeconds(10));
        followB.join(Duration.ofSeconds(10));
        assertThat(followA.isAlive() || followB.isAlive()).isFalse();
    }

    @Test
    void anEmptyStateTopicIsSeededFromTheWindowsArticlesAndGroupsAsBefore() {
        List<Item> items = corpus();
        List<String> expected = oneIndex(items);
        // an older deployment's articles topic: one article from before the window, then 25 grouped, no marks
        topics.append(ARTICLES, "ancient", JsonCodec.ARTICLE.encode(article(items.get(30), "ancient")),
                NOW.minus(Duration.ofDays(8)).toEpochMilli());
        StoryIndex old = new StoryIndex(1000);
        long written = NOW.minus(Duration.ofDays(1)).toEpochMilli();
        for (Item i : items.subList(0, 25)) {
            String story = old.assign(i.id(), i.simhash(), i.published());
            topics.append(ARTICLES, i.id(), JsonCodec.ARTICLE.encode(article(i, story)), written);
        }
        topics.append(ARTICLES, "broken", "{not json".getBytes(StandardCharsets.UTF_8), written);

        StoryState upgraded = instance(1000);
        StoryState.Loaded loaded = upgraded.load();
        assertThat(loaded.marks()).isZero();
        assertThat(loaded.articlesSeeded()).isEqualTo(26); // the broken one is read and skipped
        assertThat(upgraded.index().size()).isEqualTo(25);
        List<String> got = new ArrayList<>(expected.subList(0, 25));
        items.subList(25, items.size()).forEach(i -> got.add(upgraded.index().assign(i.id(), i.simhash(), i.published())));
        assertThat(got).isEqualTo(expected);

        upgraded.close();
        topics.deliver();
        List<ConsumerRecord<String, byte[]>> marks = topics.log(STATE);
        assertThat(marks).hasSize(items.size());
        assertThat(marks.subList(0, 25)).as("seeded marks expire with their articles")
                .allSatisfy(r -> assertThat(r.timestamp()).isEqualTo(written));
        // the next start reads the marks only
        StoryState.Loaded next = instance(1000).load();
        assertThat(next).extracting(StoryState.Loaded::marks, StoryState.Loaded::articlesSeeded)
                .containsExactly((long) items.size(), 0L);
    }

    @Test
    void memoryIsBoundedByCapacityAndWindowAndBadMarksAreSkipped() {
        List<Item> items = corpus();
        long old = NOW.minus(WINDOW).minusSeconds(1).toEpochMilli();
        Item outside = items.get(0); // written before the window: never read
        topics.append(STATE, outside.id(), new StoryMark(outside.simhash(), outside.id(), outside.published()).encode(), old);
        topics.append(STATE, "bad", "{\"simhash\":1}".getBytes(StandardCharsets.UTF_8), NOW.toEpochMilli());
        topics.append(STATE, "gone", null, NOW.toEpochMilli());
        for (int n = 1; n <= 10; n++) {
            Item i = items.get(n);
            topics.append(STATE, i.id(), new StoryMark(i.simhash(), i.id(), i.published()).encode(), NOW.toEpochMilli());
        }
        StoryState small = instance(4);
        StoryState.Loaded loaded = small.load();
        assertThat(loaded.marks()).isEqualTo(12); // the window's records: a bad mark, a tombstone, ten marks
        assertThat(small.index().size()).isEqualTo(4);
        // the newest four are remembered: a copy of one of them joins its story, a copy of an evicted one does not
        Item newest = items.get(10);
        Item evicted = items.get(1);
        assertThat(small.index().assign("copy-of-newest", newest.simhash(), NOW)).isEqualTo(newest.id());
        assertThat(small.index().assign("copy-of-evicted", evicted.simhash(), NOW)).isEqualTo("copy-of-evicted");
        // the one outside the window was never read
        assertThat(small.index().assign("copy-of-outside", outside.simhash(), NOW)).isEqualTo("copy-of-outside");
        small.close();
    }

    @Test
    void aMarkThatCannotBeSentIsLoggedAndTheArticleIsStillGrouped() {
        MockProducer<String, byte[]> failing = topics.producer();
        failing.close();
        StoryState state = new StoryState(topics.consumer(), failing, STATE, ARTICLES, 100, WINDOW, CLOCK);
        state.load();
        Item i = corpus().get(0);
        assertThat(state.index().assign(i.id(), i.simhash(), i.published())).isEqualTo(i.id());
        assertThat(state.index().size()).isEqualTo(1);
    }

    private static Article article(Item i, String story) {
        return new Article(Schema.VERSION, i.id(), "https://example.org/" + i.id(), null, null, "t", i.body(), List.of(),
                i.published(), null, null, null, null, "en", List.of(), 90, null, NOW, story);
    }

    private static void awaitSize(StoryState state, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (state.index().size() < size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the follower learned " + state.index().size() + " of " + size);
            }
            Thread.sleep(5);
        }
    }
}
