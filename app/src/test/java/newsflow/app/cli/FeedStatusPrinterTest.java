package newsflow.app.cli;

import newsflow.ingest.status.FeedStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedStatusPrinterTest {

    private static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");

    private static final FeedStatus HEALTHY = new FeedStatus("https://a.example/rss", "A", true,
            NOW.minus(Duration.ofMinutes(4)), null, 0, NOW.plus(Duration.ofMinutes(11)), 4.25, 40, true, true);
    private static final FeedStatus FAILING = new FeedStatus("https://down.example/feed", null, true,
            NOW.minus(Duration.ofHours(26)), "HTTP 503 from https://down.example/feed, retry after 120 s", 3,
            NOW.plus(Duration.ofSeconds(50)), 0.0, 12, false, true);
    private static final FeedStatus NEW = new FeedStatus("https://new.example/rss", null, false, null, null, 0, null,
            null, 0, false, false);

    @Test
    void tableHasOneRowPerFeedWithRelativeTimesAndASummary() {
        String table = FeedStatusPrinter.table(List.of(HEALTHY, FAILING, NEW), NOW);
        List<String> lines = table.lines().toList();

        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("FEED").contains("LAST SUCCESS", "ERRORS", "NEXT POLL", "ITEMS/DAY", "ETAG", "LAST ERROR");
        assertThat(lines.get(1)).contains("https://a.example/rss", "4m ago", "in 11m", "4.3", "yes+lm");
        assertThat(lines.get(2)).contains("1d2h ago", "  3  ", "in 50s", "0.0", "no (lm)", "HTTP 503");
        assertThat(lines.get(3)).contains("https://new.example/rss", "not polled yet", "?");
        assertThat(lines.get(4)).isEqualTo("3 feeds, 1 failing, 1 not polled yet");
        // columns line up: every row's second column starts where the header's does
        int column = lines.get(0).indexOf("LAST SUCCESS");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.charAt(column - 1)).isEqualTo(' '));
        assertThat(lines.get(1).substring(column)).startsWith("4m ago");
    }

    @Test
    void detailSpellsOutEveryField() {
        String detail = FeedStatusPrinter.detail(FAILING, NOW);

        assertThat(detail).contains("feed:            https://down.example/feed", "name:            (the feed's own title)",
                "last success:    2024-03-30T10:00:00Z (1d2h ago)", "error streak:    3",
                "last error:      HTTP 503 from https://down.example/feed, retry after 120 s",
                "next poll:       2024-03-31T12:00:50Z (in 50s)", "items per day:   0.0 (entries of the last 30 days)",
                "conditional GET: Last-Modified");
        assertThat(FeedStatusPrinter.detail(NEW, NOW)).contains("last success:    not polled yet",
                "items per day:   unknown", "conditional GET: not polled yet");
        assertThat(FeedStatusPrinter.detail(new FeedStatus("https://x.example/", null, true, NOW, null, 0, null, 1.0, 1,
                false, false), NOW)).contains("no validators: every poll downloads the whole feed");
    }

    @Test
    void spansAreShortAndRoundedDown() {
        assertThat(FeedStatusPrinter.span(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(FeedStatusPrinter.span(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(FeedStatusPrinter.span(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(FeedStatusPrinter.span(Duration.ofDays(3).plusMinutes(5))).isEqualTo("3d");
    }
}
