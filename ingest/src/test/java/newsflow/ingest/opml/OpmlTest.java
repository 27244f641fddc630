package newsflow.ingest.opml;

import newsflow.common.config.FeedConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpmlTest {

    private static byte[] fixture(String name) {
        try (InputStream in = OpmlTest.class.getResourceAsStream("/opml/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FeedConfig feed(String url, String name) {
        return new FeedConfig(url, name, null, null, Map.of());
    }

    @Test
    void nestedOutlinesAreFlattenedTitleBeforeTextAndRepeatsAndBadUrlsSkippedWithTheirReason() throws Exception {
        OpmlImport read = Opml.read(fixture("reader-export.opml"), "reader-export.opml");

        assertThat(read.feeds()).containsExactly(
                feed("https://almanac.example/feed.xml", "The Tidewater Almanac"),
                feed("https://dinghy.example/rss", "Dinghy & Oar"),
                feed("https://ferry.example/notices.json", "Ferry notices"));
        assertThat(read.skipped()).extracting(OpmlImport.Skipped::xmlUrl)
                .containsExactly("https://dinghy.example/rss", "not a url", "gopher://old.example/feed");
        assertThat(read.skipped().get(0).reason()).isEqualTo("listed before");
        assertThat(read.skipped().get(2).reason()).contains("not http(s)");
    }

    @Test
    void opml1WithADeclaredCharsetUnescapedAmpersandsUnclosedOutlinesAndAnyAttributeCaseIsRead() throws Exception {
        OpmlImport read = Opml.read(fixture("opml1-sloppy.opml"), "opml1-sloppy.opml");

        assertThat(read.feeds()).containsExactly(
                feed("http://cafe.example/rss.xml", "Café culture & more"),
                feed("http://loud.example/atom.xml", "Shouting feed"));
    }

    @Test
    void entitiesDeclaredInADoctypeAreNeitherLoadedNorExpanded() throws Exception {
        OpmlImport read = Opml.read(fixture("entities.opml"), "entities.opml");

        assertThat(read.feeds()).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo("https://entity.example/rss");
            assertThat(f.name()).doesNotContain("lollol");
        });
    }

    @Test
    void aDocumentThatIsNoOpmlIsAnOpmlExceptionNamingTheFile() {
        assertThatThrownBy(() -> Opml.read(fixture("not-opml.xml"), "not-opml.xml"))
                .isInstanceOf(OpmlException.class).hasMessageContaining("not-opml.xml").hasMessageContaining("<rss>");
        assertThatThrownBy(() -> Opml.read("<opml version='2.0'><head/></opml>".getBytes(StandardCharsets.UTF_8), "headless.opml"))
                .isInstanceOf(OpmlException.class).hasMessageContaining("no <body>");
        assertThatThrownBy(() -> Opml.read(new byte[0], "empty.opml"))
                .isInstanceOf(OpmlException.class).hasMessageContaining("empty.opml");
    }

    @Test
    void exportWritesOpml2WithNamesEscapedAndNoCredentialsAndReadsBackToTheSameFeeds() throws Exception {
        List<FeedConfig> feeds = List.of(
                feed("https://a.example/rss?x=1&y=2", "Tides & \"Boats\" <weekly>"),
                new FeedConfig("https://private.example/feed", null, Duration.ofMinutes(5), "bot/2",
                        Map.of("Authorization", "Bearer s3cret")));

        String opml = Opml.write(feeds, "newsflow feeds", Instant.parse("2024-03-05T08:00:00Z"));

        assertThat(opml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<opml version=\"2.0\">", "<dateCreated>Tue, 5 Mar 2024 08:00:00 GMT</dateCreated>",
                        "xmlUrl=\"https://a.example/rss?x=1&amp;y=2\"")
                .doesNotContain("s3cret", "Authorization");
        OpmlImport back = Opml.read(opml.getBytes(StandardCharsets.UTF_8), "export");
        assertThat(back.skipped()).isEmpty();
        // a feed without a name is exported under its URL (OPML 2.0 requires text)
        assertThat(back.feeds()).containsExactly(feed("https://a.example/rss?x=1&y=2", "Tides & \"Boats\" <weekly>"),
                feed("https://private.example/feed", "https://private.example/feed"));
    }
}
