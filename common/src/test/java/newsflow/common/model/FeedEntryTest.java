package newsflow.common.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedEntryTest {

    static final Instant FETCHED = Instant.parse("2026-03-04T08:20:00Z");

    static FeedEntry parsed() {
        return new FeedEntry(Schema.VERSION, "id-1", "https://f.example/rss", null, "https://f.example/a", "guid-1",
                "Title", "Summary", "<p>Content</p>", List.of("Ana Lima"), Instant.parse("2026-03-04T08:00:00Z"),
                Instant.parse("2026-03-04T08:10:00Z"), List.of("Local"),
                List.of(new Media("https://f.example/a.jpg", "image/jpeg", null, null)), null);
    }

    @Test
    void pollFactsAreAddedAndEverythingElseKept() {
        FeedEntry polled = parsed().withPollFacts("Operator's name", FETCHED);

        assertThat(polled.feedTitle()).isEqualTo("Operator's name");
        assertThat(polled.fetchedAt()).isEqualTo(FETCHED);
        assertThat(polled.withPollFacts(null, null)).isEqualTo(parsed());
    }

    @Test
    void anotherIdKeepsEverythingElse() {
        FeedEntry moved = parsed().withPollFacts("F", FETCHED).withId("id-0");

        assertThat(moved.id()).isEqualTo("id-0");
        assertThat(moved.withId("id-1")).isEqualTo(parsed().withPollFacts("F", FETCHED));
    }
}
