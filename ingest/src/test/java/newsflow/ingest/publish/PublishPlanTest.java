package newsflow.ingest.publish;

import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import newsflow.ingest.state.FeedState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublishPlanTest {

    private static final String FEED = "https://f.example/rss";

    private static FeedEntry entry(String id, String title, Instant fetchedAt) {
        return new FeedEntry(Schema.VERSION, id, FEED, "F", "https://f.example/" + id, null, title, "summary of " + id,
                null, List.of("A. Writer"), Instant.parse("2024-05-01T08:00:00Z"), null, List.of(), List.of(), fetchedAt);
    }

    private static FeedState afterPublishing(PublishPlan plan) {
        return FeedState.initial(FEED).remember(plan.seen(), 100);
    }

    @Test
    void newEntriesArePublishedAndTheSameEntriesAgainAreSkipped() {
        List<FeedEntry> first = List.of(entry("a", "A", Instant.parse("2024-05-01T09:00:00Z")),
                entry("b", "B", Instant.parse("2024-05-01T09:00:00Z")));
        PublishPlan plan = PublishPlan.of(first, FeedState.initial(FEED));
        assertThat(plan.toPublish()).extracting(FeedEntry::id).containsExactly("a", "b");
        assertThat(plan.skipped()).isEmpty();

        // next poll: same content, fetched later under a renamed feed
        List<FeedEntry> again = List.of(entry("a", "A", Instant.parse("2024-05-01T10:00:00Z")),
                entry("b", "B", Instant.parse("2024-05-01T10:00:00Z")));
        PublishPlan second = PublishPlan.of(again, afterPublishing(plan));
        assertThat(second.toPublish()).isEmpty();
        assertThat(second.skipped()).extracting(FeedEntry::id).containsExactly("a", "b");
    }

    @Test
    void aChangedEntryIsRepublishedUnderTheSameId() {
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        PublishPlan plan = PublishPlan.of(List.of(entry("a", "A", t), entry("b", "B", t)), FeedState.initial(FEED));

        PublishPlan next = PublishPlan.of(List.of(entry("a", "A (corrected)", t), entry("b", "B", t)), afterPublishing(plan));

        assertThat(next.toPublish()).extracting(FeedEntry::id, FeedEntry::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "A (corrected)"));
        assertThat(next.skipped()).extracting(FeedEntry::id).containsExactly("b");
        assertThat(next.seen()).extracting(s -> s.id()).containsExactly("a", "b");
        assertThat(next.seen().get(0).fingerprint()).isNotEqualTo(plan.seen().get(0).fingerprint());
    }

    @Test
    void eachSeenEntryRemembersItsOwnDateElseWhenItWasFirstSeen() {
        Instant firstPoll = Instant.parse("2024-05-01T09:00:00Z");
        FeedEntry dated = entry("dated", "Dated", firstPoll);
        FeedEntry undated = new FeedEntry(Schema.VERSION, "undated", FEED, "F", "https://f.example/undated", null,
                "Undated", null, null, List.of(), null, null, List.of(), List.of(), firstPoll);
        FeedEntry updatedOnly = new FeedEntry(Schema.VERSION, "upd", FEED, "F", "https://f.example/upd", null,
                "Updated", null, null, List.of(), null, Instant.parse("2024-04-30T07:00:00Z"), List.of(), List.of(), firstPoll);
        PublishPlan plan = PublishPlan.of(List.of(dated, undated, updatedOnly), FeedState.initial(FEED));
        assertThat(plan.seen()).extracting(s -> s.at()).containsExactly(Instant.parse("2024-05-01T08:00:00Z"),
                firstPoll, Instant.parse("2024-04-30T07:00:00Z"));

        // polled again a day later: the undated entry keeps the time it was first seen
        Instant later = firstPoll.plusSeconds(86_400);
        FeedEntry undatedAgain = new FeedEntry(Schema.VERSION, "undated", FEED, "F", "https://f.example/undated", null,
                "Undated", null, null, List.of(), null, null, List.of(), List.of(), later);
        PublishPlan next = PublishPlan.of(List.of(undatedAgain), afterPublishing(plan));
        assertThat(next.seen()).singleElement().satisfies(s -> assertThat(s.at()).isEqualTo(firstPoll));
    }

    @Test
    void anIdListedTwiceInOneDocumentIsPublishedOnce() {
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        PublishPlan plan = PublishPlan.of(List.of(entry("a", "A", t), entry("a", "A again", t)), FeedState.initial(FEED));

        assertThat(plan.toPublish()).extracting(FeedEntry::title).containsExactly("A");
        assertThat(plan.skipped()).extracting(FeedEntry::title).containsExactly("A again");
        assertThat(plan.seen()).hasSize(1);
    }

    @Test
    void fingerprintIgnoresFetchTimeAndFeedNameButNotContent() {
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        FeedEntry e = entry("a", "A", t);
        FeedEntry renamedLater = new FeedEntry(e.schemaVersion(), e.id(), e.feedUrl(), "Other name", e.link(), e.guid(),
                e.title(), e.summary(), e.content(), e.authors(), e.published(), e.updated(), e.categories(), e.media(),
                t.plusSeconds(3600));
        FeedEntry newContent = new FeedEntry(e.schemaVersion(), e.id(), e.feedUrl(), e.feedTitle(), e.link(), e.guid(),
                e.title(), e.summary(), "<p>now with full text</p>", e.authors(), e.published(), e.updated(),
                e.categories(), e.media(), e.fetchedAt());

        assertThat(EntryFingerprint.of(renamedLater)).isEqualTo(EntryFingerprint.of(e));
        assertThat(EntryFingerprint.of(newContent)).isNotEqualTo(EntryFingerprint.of(e));
    }

    @Test
    void anEntryWhoseLinkChangedButNotItsGuidUpdatesTheArticleItWasPublishedAs() {
        Instant t = Instant.parse("2024-05-01T09:00:00Z");
        FeedEntry before = new FeedEntry(Schema.VERSION, "id-old-link", FEED, "F", "https://f.example/2024/story", "tag:f.example,2024:42",
                "Story", null, null, List.of(), null, null, List.of(), List.of(), t);
        FeedState state = afterPublishing(PublishPlan.of(List.of(before), FeedState.initial(FEED)));

        FeedEntry moved = new FeedEntry(Schema.VERSION, "id-new-link", FEED, "F", "https://f.example/news/story", "tag:f.example,2024:42",
                "Story, updated", null, null, List.of(), null, null, List.of(), List.of(), t.plusSeconds(600));
        PublishPlan plan = PublishPlan.of(List.of(moved), state);

        assertThat(plan.toPublish()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("id-old-link");
            assertThat(e.link()).isEqualTo("https://f.example/news/story");
            assertThat(e.title()).isEqualTo("Story, updated");
        });
    }
}
