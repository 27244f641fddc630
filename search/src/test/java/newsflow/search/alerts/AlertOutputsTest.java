package newsflow.search.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.search.saved.SavedFilters;
import newsflow.search.saved.SavedSearch;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an alert becomes outside: the webhook body (bounded) and the Atom feed (valid, everything escaped). */
class AlertOutputsTest {

    private static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    private static final SavedSearch SEARCH = new SavedSearch("abc234", "Floods & <storms>", "flood* AND \"sea wall\"",
            SavedFilters.NONE, null, null, T, T, T);

    private static Alert alert(String title, String snippet, List<String> topics) {
        return new Alert(Alert.key("abc234", "a1"), "abc234", SEARCH.name(), "a1", title, "https://news.example/a?x=1&y=<2>",
                "Coast \"Times\"", "Coast", "en", topics, List.of("Ann & Bob"), T, snippet, T.plusSeconds(60));
    }

    @Test
    void theWebhookBodyCarriesTheAlertAndStaysUnderItsBound() throws Exception {
        byte[] body = WebhookPayload.encode(alert("Sea wall fails", "Water came over the wall.", List.of("weather")), 16 * 1024);
        JsonNode json = Json.mapper().readTree(body);
        assertThat(json.get("type").asText()).isEqualTo("newsflow.alert");
        assertThat(json.get("id").asText()).isEqualTo("abc234:a1");
        assertThat(json.at("/savedSearch/feed").asText()).isEqualTo("/feeds/saved/abc234.atom");
        assertThat(json.at("/article/snippet").asText()).isEqualTo("Water came over the wall.");

        List<String> manyTopics = Collections.nCopies(2000, "a-rather-long-topic-name");
        for (int bound : List.of(2048, 4096, 16 * 1024)) {
            byte[] big = WebhookPayload.encode(alert("t".repeat(Alert.TITLE_CHARS), "s".repeat(Alert.SNIPPET_CHARS), manyTopics), bound);
            assertThat(big.length).as("bound " + bound).isLessThanOrEqualTo(bound);
            assertThat(Json.mapper().readTree(big).at("/article/id").asText()).isEqualTo("a1");
        }
    }

    @Test
    void textIsCutWithoutSplittingACharacter() {
        assertThat(Alert.cut("abcdef", 4)).isEqualTo("abc…");
        String emoji = "ab\uD83D\uDE00cd";
        assertThat(Alert.cut(emoji, 4)).isEqualTo("ab…");
        assertThat(Alert.cut("abc", 4)).isEqualTo("abc");
    }

    @Test
    void theAtomFeedIsValidAndEscapesEverything() throws Exception {
        String nasty = "A <b>bold</b> & \"quoted\" title\u0001 with a control character\uD800";
        String atom = AtomFeed.render(SEARCH, List.of(alert(nasty, "x < y & z", List.of("a&b"))), T);
        Document doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeed.ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "title")).isEqualTo("newsflow: Floods & <storms>");
        assertThat(text(feed, "id")).isEqualTo("urn:newsflow:saved-search:abc234");
        assertThat(feed.getElementsByTagNameNS(AtomFeed.ATOM, "author").getLength()).isGreaterThan(0);
        Element entry = (Element) feed.getElementsByTagNameNS(AtomFeed.ATOM, "entry").item(0);
        assertThat(text(entry, "title")).isEqualTo("A <b>bold</b> & \"quoted\" title with a control character");
        assertThat(text(entry, "id")).isEqualTo("urn:newsflow:alert:abc234:a1");
        assertThat(text(entry, "updated")).isEqualTo("2026-11-24T08:01:00Z");
        Element link = (Element) entry.getElementsByTagNameNS(AtomFeed.ATOM, "link").item(0);
        assertThat(link.getAttribute("href")).isEqualTo("https://news.example/a?x=1&y=<2>");
        assertThat(atom).doesNotContain("<b>");
    }

    @Test
    void anEmptyFeedIsStillAFeed() throws Exception {
        String atom = AtomFeed.render(SEARCH, List.of(), T);
        Document doc = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        assertThat(text(doc.getDocumentElement(), "updated")).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(doc.getElementsByTagNameNS(AtomFeed.ATOM, "entry").getLength()).isZero();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(AtomFeed.ATOM, name).item(0).getTextContent();
    }
}
