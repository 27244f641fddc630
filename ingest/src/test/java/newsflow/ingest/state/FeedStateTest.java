package newsflow.ingest.state;

import newsflow.common.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStateTest {

    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static PublishedEntry e(String id) {
        return new PublishedEntry(id, "fp-" + id);
    }

    @Test
    void remembersTheCurrentDocumentFirstAndDropsTheOldestBeyondTheLimit() {
        FeedState state = FeedState.initial("https://f.example/rss")
                .remember(List.of(e("c"), e("b"), e("a")), 4);
        FeedState next = state.remember(List.of(e("e"), e("d"), e("c")), 4);

        assertThat(next.published()).extracting(PublishedEntry::id).containsExactly("e", "d", "c", "b");
    }

    @Test
    void aChangedFingerprintReplacesTheOldOne() {
        FeedState state = FeedState.initial("https://f.example/rss").remember(List.of(e("a")), 10)
                .remember(List.of(new PublishedEntry("a", "new")), 10);

        assertThat(state.published()).containsExactly(new PublishedEntry("a", "new"));
        assertThat(state.fingerprints()).containsEntry("a", "new");
    }

    @Test
    void successResetsTheErrorStreakAndFailureKeepsValidators() {
        FeedState failed = FeedState.initial("https://f.example/rss")
                .withSuccess("\"v1\"", "Wed, 01 May 2024 10:00:00 GMT", NOW)
                .withFailure("timeout", NOW)
                .withFailure("timeout again", NOW);

        assertThat(failed.errorStreak()).isEqualTo(2);
        assertThat(failed.lastError()).isEqualTo("timeout again");
        assertThat(failed.etag()).isEqualTo("\"v1\"");

        FeedState ok = failed.withSuccess("\"v2\"", null, NOW.plusSeconds(60));
        assertThat(ok.errorStreak()).isZero();
        assertThat(ok.lastError()).isNull();
        assertThat(ok.lastSuccess()).isEqualTo(NOW.plusSeconds(60));
        assertThat(ok.etag()).isEqualTo("\"v2\"");
        assertThat(ok.lastModified()).isNull();
    }

    @Test
    void survivesAJsonRoundTrip() {
        FeedState state = FeedState.initial("https://f.example/rss")
                .withSuccess("\"v1\"", "Wed, 01 May 2024 10:00:00 GMT", NOW)
                .withNextPollAt(NOW.plusSeconds(900))
                .remember(List.of(e("b"), e("a")), 10);

        assertThat(Json.read(Json.writeBytes(state), FeedState.class)).isEqualTo(state);
    }
}
