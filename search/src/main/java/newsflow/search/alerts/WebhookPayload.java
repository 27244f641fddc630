package newsflow.search.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import newsflow.common.json.Json;

import java.time.Instant;
import java.util.List;

/**
 * The JSON body POSTed to a saved search's webhook for one alert (docs/alerts.md), at most
 * {@code alerts.maxWebhookBytes}: when the article's fields make it larger, the snippet goes first, then the
 * title and URL are cut, then the lists; the ids always stay.
 */
record WebhookPayload(
        @JsonProperty("type") String type,
        @JsonProperty("id") String id,
        @JsonProperty("savedSearch") SavedSearchRef savedSearch,
        @JsonProperty("article") ArticleRef article,
        @JsonProperty("matchedAt") Instant matchedAt) {

    static final String TYPE = "newsflow.alert";

    record SavedSearchRef(@JsonProperty("id") String id, @JsonProperty("name") String name,
                          @JsonProperty("feed") String feed) {
    }

    record ArticleRef(@JsonProperty("id") String id, @JsonProperty("title") String title,
                      @JsonProperty("url") String url, @JsonProperty("source") String source,
                      @JsonProperty("site_name") String siteName, @JsonProperty("published") Instant published,
                      @JsonProperty("language") String language, @JsonProperty("topics") List<String> topics,
                      @JsonProperty("authors") List<String> authors, @JsonProperty("snippet") String snippet) {
    }

    /** The body for {@code alert}, no larger than {@code maxBytes} (at least 2048). */
    static byte[] encode(Alert alert, int maxBytes) {
        String feed = "/feeds/saved/" + alert.savedSearchId() + ".atom";
        ArticleRef full = new ArticleRef(alert.articleId(), alert.title(), alert.url(), alert.source(), alert.siteName(),
                alert.published(), alert.language(), alert.topics(), alert.authors(), alert.snippet());
        List<ArticleRef> shrinking = List.of(full,
                new ArticleRef(full.id(), full.title(), full.url(), full.source(), full.siteName(), full.published(),
                        full.language(), full.topics(), full.authors(), null),
                new ArticleRef(full.id(), Alert.cut(full.title(), 200), Alert.cut(full.url(), 500), Alert.cut(full.source(), 200),
                        Alert.cut(full.siteName(), 200), full.published(), full.language(), first(full.topics()),
                        first(full.authors()), null),
                new ArticleRef(full.id(), null, null, null, null, full.published(), null, List.of(), List.of(), null));
        String name = alert.savedSearchName();
        byte[] body = null;
        for (ArticleRef article : shrinking) {
            body = Json.writeBytes(new WebhookPayload(TYPE, alert.key(), new SavedSearchRef(alert.savedSearchId(),
                    Alert.cut(name, 200), feed), article, alert.matchedAt()));
            if (body.length <= maxBytes) {
                return body;
            }
        }
        return body; // ids and times only: far under the least allowed bound
    }

    private static List<String> first(List<String> values) {
        return values.stream().limit(5).map(v -> Alert.cut(v, 100)).toList();
    }
}
