package newsflow.ingest.parse;

import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.model.Schema;
import newsflow.common.url.ArticleIds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static newsflow.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedParserTest {

    private static final String RSS_URL = "https://gazette.example.com/feeds/all.rss";
    private static final Instant FETCHED = Instant.parse("2024-05-01T12:00:00Z");

    private final FeedParser parser = new FeedParser(100);

    @Test
    void rss2ItemsCarryResolvedLinksPlainTitlesAndFullContent() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss2-content-encoded.xml"), "application/rss+xml; charset=utf-8", RSS_URL);

        assertThat(feed.format()).isEqualTo("rss_2.0");
        assertThat(feed.title()).isEqualTo("Harbour Town Gazette");
        assertThat(feed.siteLink()).isEqualTo("https://gazette.example.com/");
        assertThat(feed.items()).hasSize(3);
        assertThat(feed.skippedItems()).isZero();

        FeedEntry first = feed.items().get(0);
        assertThat(first.link()).isEqualTo("https://gazette.example.com/news/2024/ferry-timetable?utm_source=rss");
        assertThat(first.id()).isEqualTo(ArticleIds.forUrl("https://gazette.example.com/news/2024/ferry-timetable"));
        assertThat(first.guid()).isEqualTo("gazette-1001");
        assertThat(first.title()).isEqualTo("Ferry timetable & fares change in spring");
        assertThat(first.summary()).isEqualTo("<p>The ferry company announced new times.</p>");
        assertThat(first.content()).contains("<em>new</em> departure times");
        assertThat(first.authors()).containsExactly("Mara Quill");
        assertThat(first.categories()).containsExactly("Transport", "Harbour");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-03-05T08:30:00Z"));
        assertThat(first.media()).containsExactly(
                new Media("https://gazette.example.com/media/ferry.jpg", "image/jpeg", 34567L, null));

        FeedEntry second = feed.items().get(1);
        // relative to the feed document's directory, as a browser would resolve it
        assertThat(second.link()).isEqualTo("https://gazette.example.com/feeds/lighthouse-reopens.html");
        assertThat(second.published()).isEqualTo(Instant.parse("2024-03-04T16:00:00Z"));
        assertThat(second.content()).isNull();
        assertThat(second.media()).containsExactly(new Media("https://cdn.gazette.example.com/lighthouse.jpg",
                "image/jpeg", 120000L, "The lighthouse at dusk"));
    }

    @Test
    void aUtf16HeaderOverAUtf8FeedIsReadAsUtf8() throws Exception {
        byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Zürich “Zeitung”</title>"
                + "<link>https://z.example/</link><item><title>Café – façade</title><link>https://z.example/a</link>"
                + "</item></channel></rss>").getBytes(StandardCharsets.UTF_8);

        ParsedFeed feed = parser.parse(body, "application/rss+xml; charset=UTF-16", "https://z.example/rss");

        assertThat(feed.title()).isEqualTo("Zürich “Zeitung”");
        assertThat(feed.items()).extracting(FeedEntry::title).containsExactly("Café – façade");
    }

    @Test
    void itemWithoutLinkGetsAnIdFromFeedAndGuid() throws Exception {
        FeedEntry third = parser.parse(feed("rss2-content-encoded.xml"), null, RSS_URL).items().get(2);

        assertThat(third.link()).isNull();
        assertThat(third.id()).isEqualTo(ArticleIds.forGuid(RSS_URL, "gazette-1003"));
    }

    @Test
    void entriesUseTheOperatorsNameElseTheFeedTitle() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss2-content-encoded.xml"), null, RSS_URL);

        List<FeedEntry> named = feed.entries("Gazette (local)", FETCHED);
        List<FeedEntry> unnamed = feed.entries(null, FETCHED);

        assertThat(named).extracting(FeedEntry::feedTitle).containsOnly("Gazette (local)");
        assertThat(unnamed).extracting(FeedEntry::feedTitle).containsOnly("Harbour Town Gazette");
        FeedEntry e = named.get(0);
        assertThat(e.schemaVersion()).isEqualTo(Schema.VERSION);
        assertThat(e.feedUrl()).isEqualTo(RSS_URL);
        assertThat(e.fetchedAt()).isEqualTo(FETCHED);
        assertThat(e.id()).isEqualTo(feed.items().get(0).id());
    }

    @Test
    void atomWithoutXmlBaseResolvesRelativeLinksAgainstTheFeedUrl() throws Exception {
        String url = "https://moss.example.org/feeds/atom.xml";
        ParsedFeed feed = parser.parse(feed("atom-relative-links.xml"), "application/atom+xml", url);

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Field Notes on Moss");
        assertThat(feed.items()).hasSize(2);

        FeedEntry post = feed.items().get(0);
        assertThat(post.link()).isEqualTo("https://moss.example.org/feeds/posts/sphagnum-rain");
        assertThat(post.guid()).isEqualTo("tag:moss.example.org,2024:post-17");
        assertThat(post.title()).isEqualTo("Sphagnum in the rain");
        assertThat(post.summary()).isEqualTo("Short notes on peat moss after a wet week.");
        assertThat(post.content()).isEqualTo("<p>After a wet week the <b>sphagnum</b> cushions swelled visibly.</p>");
        assertThat(post.authors()).containsExactly("Ilse Verhoeven");
        assertThat(post.categories()).containsExactly("bryology");
        assertThat(post.published()).isEqualTo(Instant.parse("2024-04-01T09:15:00Z"));
        assertThat(post.updated()).isEqualTo(Instant.parse("2024-04-02T10:00:00Z"));
        assertThat(post.media()).containsExactly(
                new Media("https://moss.example.org/audio/sphagnum.mp3", "audio/mpeg", 2048000L, null));

        FeedEntry linkless = feed.items().get(1);
        assertThat(linkless.link()).isNull();
        assertThat(linkless.id()).isEqualTo(ArticleIds.forGuid(url, "tag:moss.example.org,2024:post-18"));
    }

    @Test
    void rss1ReadsDublinCoreDateAndCreatorInTheDeclaredCharset() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss1-rdf.xml"), null, "https://orchard.example.net/rss");

        assertThat(feed.format()).isEqualTo("rss_1.0");
        FeedEntry item = feed.items().get(0);
        assertThat(item.link()).isEqualTo("https://orchard.example.net/bulletin/grafting-day");
        assertThat(item.published()).isEqualTo(Instant.parse("2024-02-17T13:00:00Z"));
        assertThat(item.authors()).containsExactly("Jörg Apfelbaum");
        assertThat(item.summary()).contains("café afterwards");
    }

    @Test
    void itemsBeyondTheCapAreCountedAsSkipped() throws Exception {
        ParsedFeed feed = new FeedParser(2).parse(feed("rss2-content-encoded.xml"), null, RSS_URL);

        assertThat(feed.items()).extracting(FeedEntry::guid).containsExactly("gazette-1001", "gazette-1002");
        assertThat(feed.skippedItems()).isEqualTo(1);
    }

    @Test
    void anItemThatCannotBeMappedIsSkippedAndTheRestKept() throws Exception {
        String doc = """
                <rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>d</description>
                <item><description></description></item>
                <item><title>Kept</title><link>https://t.example/kept</link></item>
                </channel></rss>""";
        ParsedFeed feed = parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, "https://t.example/rss");

        assertThat(feed.items()).extracting(FeedEntry::title).containsExactly("Kept");
        assertThat(feed.skippedItems()).isEqualTo(1);
    }

    @Test
    void fragmentThatIsNoXmlDocumentFailsWithTheFeedAndCauseNamed() {
        assertThatThrownBy(() -> parser.parse(feed("two-roots.xml"), null, "https://broken.example/rss"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("https://broken.example/rss")
                .satisfies(e -> {
                    assertThat(((FeedParseException) e).feedUrl()).isEqualTo("https://broken.example/rss");
                    assertThat(((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.NOT_WELL_FORMED);
                });
    }

    @Test
    void doctypeWithExternalEntityIsRefused() {
        assertThatThrownBy(() -> parser.parse(feed("doctype-external-entity.xml"), null, "https://trap.example.com/rss"))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("https://trap.example.com/rss")
                .hasMessageContaining("DOCTYPE")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.DOCTYPE_REFUSED);
    }

    @Test
    void emptyAndNonFeedBodiesAreTypedParseErrors() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, "https://empty.example/rss"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("empty document")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.EMPTY);
        assertThatThrownBy(() -> parser.parse("Moved to /feed".getBytes(StandardCharsets.UTF_8), null, "https://text.example/rss"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("https://text.example/rss")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.NOT_A_FEED);
        assertThatThrownBy(() -> parser.parse("<html><body>Not here</body></html>".getBytes(StandardCharsets.UTF_8), null, "https://html.example/rss"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("<html>")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.NOT_A_FEED);
        assertThatThrownBy(() -> parser.parse("{\"items\": [".getBytes(StandardCharsets.UTF_8), null, "https://json.example/feed.json"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("https://json.example/feed.json")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.INVALID_JSON);
    }

    @Test
    void scheduleHintsAreReadAndNonsenseIsDropped() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-schedule-hints.xml"), "application/rss+xml", "https://tideway.example/rss");

        FeedHints hints = feed.hints();
        assertThat(hints.ttl()).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(hints.updatePeriod()).isEqualTo(java.time.Duration.ofMinutes(30)); // hourly, twice
        assertThat(hints.skipHours()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(hints.skipDays()).containsExactlyInAnyOrder(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        assertThat(parser.parse(feed("rss2-content-encoded.xml"), "application/rss+xml", RSS_URL).hints()).isEqualTo(FeedHints.NONE);
    }

    @Test
    void aWebSubHubAndSelfLinkAreFound() throws Exception {
        ParsedFeed feed = parser.parse(feed("websub-rss.xml"), "application/rss+xml", "https://quay-news.example/rss?src=x");

        assertThat(feed.push()).isEqualTo(new PushHub("https://hub.example/", "https://quay-news.example/feed.rss"));
        assertThat(parser.parse(feed("rss2-content-encoded.xml"), "application/rss+xml", RSS_URL).push()).isNull();
    }
}
