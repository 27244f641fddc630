package newsflow.ingest.parse;

import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import static newsflow.ingest.Fixtures.feed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per class of real-world failure that plain Rome has; each fixture is our own text. */
class RealWorldFeedsTest {

    private final FeedParser parser = new FeedParser(100);

    @Test
    void rssWithoutChannelIsReadAsIfItHadOne() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-without-channel.xml"), null, "https://nochannel.example/rss");

        assertThat(feed.items()).extracting(FeedEntry::title).containsExactly("An item with no channel around it");
    }

    @Test
    void truncatedDocumentIsRecoveredUpToWhereItStops() throws Exception {
        ParsedFeed feed = parser.parse(feed("broken.xml"), null, "https://broken.example/rss");

        assertThat(feed.title()).isEqualTo("Cut short");
        assertThat(feed.items()).extracting(FeedEntry::title).containsExactly("This document ends in the middle of an item");
    }

    @Test
    void itemsSwallowedByAnUnclosedElementAreKept() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-unclosed-element.xml"), null, "https://radio.example.com/rss");

        assertThat(feed.items()).extracting(FeedEntry::title).containsExactly("Episode 1", "Episode 2");
    }

    @Test
    void atomEntryDocumentIsAFeedOfOne() throws Exception {
        ParsedFeed feed = parser.parse(feed("atom-entry-document.xml"), null, "https://lone.example.com/1.atom");

        assertThat(feed.items()).extracting(FeedEntry::link).containsExactly("https://lone.example.com/1");
    }

    @Test
    void undeclaredNamespacePrefixesGetTheirUsualNamespace() throws Exception {
        ParsedFeed feed = parser.parse(feed("unbound-prefix.xml"), null, "https://millpond.example.org/rss");

        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Sluice gate repaired");
            assertThat(item.content()).isEqualTo("<p>The gate opens again.</p>");
        });
    }

    @Test
    void netscapeRss091DoctypeIsDroppedNotProcessed() throws Exception {
        ParsedFeed feed = parser.parse(feed("netscape-rss091.xml"), null, "http://crier.example.net/rss.xml");

        assertThat(feed.format()).isEqualTo("rss_0.91U");
        assertThat(feed.items()).extracting(FeedEntry::link).containsExactly("http://crier.example.net/clock.html");
    }

    @Test
    void atomWithoutNamespaceIsReadAsAtom10() throws Exception {
        ParsedFeed feed = parser.parse(feed("atom-no-namespace.xml"), null, "https://lantern.example.com/atom");

        assertThat(feed.format()).isEqualTo("atom_1.0");
        assertThat(feed.title()).isEqualTo("Lantern Notes");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.link()).isEqualTo("https://lantern.example.com/wicks");
            assertThat(item.updated()).isEqualTo(Instant.parse("2024-04-02T07:00:00.250Z"));
        });
    }

    @Test
    void rssInAUserlandNamespaceIsReadAsRss() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-userland-namespace.xml"), null, "https://ns.example.com/rss");

        assertThat(feed.items()).extracting(FeedEntry::title).containsExactly("Still RSS");
    }

    @Test
    void atom03Base64ContentIsDecoded() throws Exception {
        ParsedFeed feed = parser.parse(feed("atom03-base64.xml"), null, "https://coded.example.com/atom");

        assertThat(feed.format()).isEqualTo("atom_0.3");
        FeedEntry item = feed.items().getFirst();
        assertThat(item.title()).isEqualTo("Coded & decoded");
        assertThat(item.content()).isEqualTo("<p>Hello <b>world</b></p>");
        assertThat(item.published()).isEqualTo(Instant.parse("2024-01-10T10:00:00Z"));
    }

    @Test
    void linksResolveAgainstNestedXmlBase() throws Exception {
        ParsedFeed feed = parser.parse(feed("xml-base.xml"), null, "https://feeds.example.net/quay.atom");

        assertThat(feed.siteLink()).isEqualTo("https://quay.example.com/blog/");
        FeedEntry item = feed.items().getFirst();
        assertThat(item.link()).isEqualTo("https://quay.example.com/blog/2024/tides.html");
        assertThat(item.media()).extracting(Media::url).containsExactly("https://quay.example.com/files/tides.pdf");
    }

    @Test
    void aFileFeedsRelativeLinksResolveAgainstTheSiteLink() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-relative-links.xml"), null, "file:///var/feeds/orchard.xml");

        FeedEntry item = feed.items().getFirst();
        assertThat(item.link()).isEqualTo("https://orchard.example.org/news/pruning.html");
        assertThat(item.media()).containsExactly(
                new Media("https://orchard.example.org/audio/pruning.mp3", "audio/mpeg", 4096L, null),
                new Media("https://orchard.example.org/news/img/shears.jpg", "image/jpeg", null, null));
        assertThat(item.published()).isEqualTo(Instant.parse("2024-03-02T08:00:00Z"));
    }

    @Test
    void anHttpFeedsRelativeLinksResolveAgainstTheFeedUrl() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-relative-links.xml"), null, "https://cdn.example.org/feeds/orchard.xml");

        assertThat(feed.items().getFirst().link()).isEqualTo("https://cdn.example.org/feeds/pruning.html");
    }

    @Test
    void cdfChannelIsReadAsAFeed() throws Exception {
        ParsedFeed feed = parser.parse(feed("cdf.xml"), null, "http://almanac.example.com/channel.cdf");

        assertThat(feed.format()).isEqualTo("cdf");
        assertThat(feed.title()).isEqualTo("Farmers' Almanac Channel");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("First frost");
            assertThat(item.link()).isEqualTo("http://almanac.example.com/frost.htm");
            assertThat(item.summary()).isEqualTo("When to cover the beans");
            assertThat(item.published()).isEqualTo(Instant.parse("2004-04-05T13:00:00Z"));
        });
    }

    @Test
    void rss10DcSubjectsAreCategories() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss1-dc-subject.xml"), null, "https://bees.example.net/rss");

        FeedEntry item = feed.items().getFirst();
        assertThat(item.categories()).containsExactly("Beekeeping", "Spring");
        assertThat(item.authors()).containsExactly("Ada Comb");
        assertThat(item.published()).isEqualTo(Instant.parse("2024-05-03T06:30:00Z"));
    }

    @Test
    void datesAreReadByOurParserAndImpossibleOnesAreDroppedNotRolledOver() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-dates.xml"), null, "https://dates.example.com/rss");

        assertThat(feed.items()).extracting(FeedEntry::published).containsExactly(
                null,
                Instant.parse("2023-06-01T08:00:00Z"),
                Instant.parse("2023-06-01T10:00:00Z"),
                Instant.parse("2023-06-01T10:00:00.500Z"),
                Instant.parse("2023-06-01T08:00:00Z"));
    }

    @Test
    void htmlEntitiesInTitlesAndWindows1252ReferencesAreDecoded() throws Exception {
        ParsedFeed feed = parser.parse(feed("rss-entities.xml"), null, "https://cafe.example.com/rss");

        assertThat(feed.title()).isEqualTo("Café Society");
        FeedEntry item = feed.items().getFirst();
        assertThat(item.title()).isEqualTo("Crème & brûlée tonight");
        assertThat(item.summary()).isEqualTo("don\u2019t miss it");
    }

    @Test
    void latin1DeclaredFeedWithWindows1252QuotesKeepsTheQuotes() throws Exception {
        byte[] doc = concat("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf",
                new byte[] {(byte) 0xE9, ' ', (byte) 0x93, 'q', (byte) 0x94}, "</title><item><title>t</title>"
                        + "<link>https://q.example/1</link></item></channel></rss>");

        assertThat(parser.parse(doc, null, "https://q.example/rss").title()).isEqualTo("Café \u201Cq\u201D");
    }

    @Test
    void charsetNamesJavaDoesNotKnowAreMapped() throws Exception {
        byte[] doc = concat("<?xml version=\"1.0\" encoding=\"windows_1252\"?><rss version=\"2.0\"><channel><title>",
                new byte[] {(byte) 0x96, ' ', 'x'}, "</title></channel></rss>");
        assertThat(parser.parse(doc, null, "https://a.example/rss").title()).isEqualTo("\u2013 x");

        byte[] utf8 = "<rss version=\"2.0\"><channel><title>Zoë</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(utf8, "text/xml; charset= \"us-ascii\"", "https://b.example/rss").title()).isEqualTo("Zoë");
    }

    @Test
    void utf16WithoutBomIsRecognisedFromItsBytes() throws Exception {
        byte[] doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Ünï</title></channel></rss>"
                .getBytes(StandardCharsets.UTF_16LE);

        assertThat(parser.parse(doc, null, "https://u.example/rss").title()).isEqualTo("Ünï");
    }

    @Test
    void documentsOverTheSizeCapAreRefusedAlsoWhenGzipped() throws Exception {
        FeedParser small = new FeedParser(10, 4096);
        byte[] big = ("<rss version=\"2.0\"><channel><title>" + "x".repeat(10_000) + "</title></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.parse(big, null, "https://big.example/rss"))
                .isInstanceOf(FeedParseException.class)
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.TOO_LARGE);

        byte[] bomb = gzip(big);
        assertThat(bomb.length).isLessThan(4096);
        assertThatThrownBy(() -> small.parse(bomb, null, "https://bomb.example/rss"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("gzip")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.TOO_LARGE);

        byte[] fine = gzip(feed("rss-entities.xml"));
        assertThat(small.parse(fine, null, "https://cafe.example.com/rss").title()).isEqualTo("Café Society");
    }

    @Test
    void doctypeWithEntityDeclarationsIsRefusedBeforeAnyParserSeesIt() {
        String doc = "<?xml version=\"1.0\"?>\n<!-- note -->\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<rss version=\"2.0\"><channel><title>&b;</title></channel></rss>";

        assertThatThrownBy(() -> parser.parse(doc.getBytes(StandardCharsets.UTF_8), null, "https://bomb.example/rss"))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("internal subset")
                .extracting(e -> ((FeedParseException) e).failure()).isEqualTo(FeedParseException.Cause.DOCTYPE_REFUSED);
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(middle);
        out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
