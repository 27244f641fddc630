package newsflow.ingest.status;

import newsflow.common.config.FeedConfig;
import newsflow.ingest.state.FeedState;
import newsflow.ingest.state.PublishedEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeedStatusTest {

    private static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");
    private static final FeedConfig FEED = new FeedConfig("https://a.example/rss", "A", null, null, Map.of());

    private static List<PublishedEntry> entriesEvery(Duration step, int count, Instant newest) {
        List<PublishedEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new PublishedEntry("id" + i, "fp", newest.minus(step.multipliedBy(i))));
        }
        return entries;
    }

    @Test
    void aFeedListingOnlyItsLastDaysIsRatedOverThoseDays() {
        // 20 entries, one every 6 hours up to now: 4 a day, although the feed covers under five days
        double rate = FeedStatus.itemsPerDay(entriesEvery(Duration.ofHours(6), 20, NOW), NOW);

        assertThat(rate).isCloseTo(20 / 4.75, within(1e-9));
    }

    @Test
    void onlyTheLast30DaysCountAndAFeedThatStoppedPostingLooksSlow() {
        // one a day for 60 days, the newest 10 days ago: 20 fall in the window, spread over 30 days
        double rate = FeedStatus.itemsPerDay(entriesEvery(Duration.ofDays(1), 60, NOW.minus(Duration.ofDays(10))), NOW);

        assertThat(rate).isCloseTo(21 / 30.0, within(0.05));
        assertThat(FeedStatus.itemsPerDay(entriesEvery(Duration.ofDays(1), 5, NOW.minus(Duration.ofDays(90))), NOW)).isZero();
    }

    @Test
    void lessThanADayOfEntriesIsRatedPerDayNotExtrapolated() {
        assertThat(FeedStatus.itemsPerDay(entriesEvery(Duration.ofMinutes(1), 3, NOW), NOW)).isEqualTo(3.0);
    }

    @Test
    void undatedStateGivesNoRateAndFutureDatesAreIgnored() {
        assertThat(FeedStatus.itemsPerDay(List.of(new PublishedEntry("old", "fp")), NOW)).isNull();
        assertThat(FeedStatus.itemsPerDay(List.of(), NOW)).isNull();
        assertThat(FeedStatus.itemsPerDay(List.of(new PublishedEntry("f", "fp", NOW.plus(Duration.ofDays(3))),
                new PublishedEntry("n", "fp", NOW.minus(Duration.ofDays(2)))), NOW)).isEqualTo(0.5);
    }

    @Test
    void statusCarriesTheStateAndSaysWhenTheFeedWasNeverPolled() {
        assertThat(FeedStatus.of(FEED, null, NOW)).isEqualTo(
                new FeedStatus(FEED.url(), "A", false, null, null, 0, null, null, 0, false, false));

        FeedState state = FeedState.initial(FEED.url())
                .withSuccess("\"v1\"", null, NOW.minus(Duration.ofHours(2)))
                .remember(entriesEvery(Duration.ofDays(1), 3, NOW), 100)
                .withFailure("HTTP 503", NOW.minus(Duration.ofHours(1)))
                .withFailure("HTTP 503", NOW)
                .withNextPollAt(NOW.plus(Duration.ofMinutes(30)));
        FeedStatus status = FeedStatus.of(FEED, state, NOW);

        assertThat(status.polled()).isTrue();
        assertThat(status.lastSuccess()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(status.lastError()).isEqualTo("HTTP 503");
        assertThat(status.errorStreak()).isEqualTo(2);
        assertThat(status.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(status.itemsPerDay()).isEqualTo(1.5);
        assertThat(status.remembered()).isEqualTo(3);
        assertThat(status.etag()).isTrue();
        assertThat(status.lastModified()).isFalse();
    }
}
