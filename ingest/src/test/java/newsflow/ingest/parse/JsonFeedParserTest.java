package newsflow.ingest.parse;

import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.url.ArticleIds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static newsflow.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;

class JsonFeedParserTest {

    private final FeedParser parser = new FeedParser(100);

    @Test
    void jsonFeed11ItemsWithResolvedLinksDatesTagsAndAttachments() throws Exception {
        ParsedFeed feed = parser.parse(feed("feed-1.1.json"), "application/feed+json", "https://kiln.example.com/feed.json");

        assertThat(feed.format()).isEqualTo("json_1.1");
        assertThat(feed.title()).isEqualTo("Kiln Journal");
        assertThat(feed.siteLink()).isEqualTo("https://kiln.example.com/");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.skippedItems()).isEqualTo(1); // the item whose only member is an object id

        FeedEntry first = feed.items().get(0);
        assertThat(first.link()).isEqualTo("https://kiln.example.com/posts/firing-schedule");
        assertThat(first.id()).isEqualTo(ArticleIds.forUrl("https://kiln.example.com/posts/firing-schedule"));
        assertThat(first.guid()).isEqualTo("kiln-7");
        assertThat(first.title()).isEqualTo("Firing schedule & cones");
        assertThat(first.content()).isEqualTo("<p>Cone 6 on Friday.</p>");
        assertThat(first.summary()).isEqualTo("Cone 6");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-03-01T17:00:00Z"));
        assertThat(first.updated()).isEqualTo(Instant.parse("2024-03-02T09:15:30.123Z"));
        assertThat(first.authors()).containsExactly("Pat Glaze");
        assertThat(first.categories()).containsExactly("ceramics", "schedule");
        assertThat(first.media()).containsExactly(
                new Media("https://kiln.example.com/chart.pdf", "application/pdf", 5120L, "Chart"),
                new Media("https://kiln.example.com/img/kiln.jpg", "image", null, null));

        FeedEntry second = feed.items().get(1);
        assertThat(second.guid()).isEqualTo("42");
        assertThat(second.link()).isNull();
        assertThat(second.id()).isEqualTo(ArticleIds.forGuid("https://kiln.example.com/feed.json", "42"));
        assertThat(second.content()).isEqualTo("Only text, no link.");
        assertThat(second.published()).isNull();
    }

    @Test
    void jsonFeed10AuthorAndExternalUrl() throws Exception {
        ParsedFeed feed = parser.parse(feed("feed-1.0.json"), null, "https://pier.example.org/feed.json");

        assertThat(feed.format()).isEqualTo("json_1.0");
        FeedEntry item = feed.items().getFirst();
        assertThat(item.link()).isEqualTo("https://elsewhere.example.org/boats");
        assertThat(item.authors()).containsExactly("Lee Rope");
        assertThat(item.published()).isEqualTo(Instant.parse("2023-12-24T13:00:00Z"));
    }

    @Test
    void anyJsonObjectIsAFeedEvenWithAnUnknownVersionOrOddMembers() throws Exception {
        String doc = "{\"version\": [], \"title\": 5, \"items\": [{\"id\": NaN}], \"author\": [1, 2]}";

        ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, "https://odd.example/feed.json");

        assertThat(feed.format()).isEqualTo("json");
        assertThat(feed.title()).isNull();
        assertThat(feed.items()).extracting(FeedEntry::guid).containsExactly("NaN");
    }
}
