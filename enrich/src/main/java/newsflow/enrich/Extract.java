package newsflow.enrich;

import newsflow.common.http.FetchResponse;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import newsflow.common.url.ArticleIds;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.process.PageOutcome;
import newsflow.enrich.topics.TopicMatcher;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page to one {@link Article} without Kafka or HTTP, for {@code newsflow extract --html FILE --url URL}. */
public final class Extract {

    private Extract() {
    }

    /** The article enrich would produce for this page, with no topic rules. */
    public static Article article(String html, String url) {
        return article(html, url, Map.of());
    }

    /**
     * @param html   the page, already decoded
     * @param url    the page's address (resolves relative links, gives the article id)
     * @param topics operator topic rules, as in {@code enrich.topics}
     */
    public static Article article(String html, String url, Map<String, List<String>> topics) {
        return build((html == null ? "" : html).getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", url, topics);
    }

    /**
     * The page as saved bytes: the charset comes from its BOM or {@code <meta charset>}, as for a fetched page
     * whose server named none.
     */
    public static Article article(byte[] page, String url, Map<String, List<String>> topics) {
        return build(page == null ? new byte[0] : page, "text/html", url, topics);
    }

    private static Article build(byte[] body, String contentType, String url, Map<String, List<String>> topics) {
        Instant now = Instant.now();
        FeedEntry entry = new FeedEntry(Schema.VERSION, idFor(url), null, null, url, null, null, null, null,
                List.of(), null, null, List.of(), List.of(), now);
        FetchResponse page = new FetchResponse(200, uriOrNull(url), contentType, body, null, null);
        return new ArticleBuilder(new TopicMatcher(topics), Clock.systemUTC()).build(entry, new PageOutcome.Fetched(page));
    }

    private static String idFor(String url) {
        try {
            return ArticleIds.forUrl(url);
        } catch (IllegalArgumentException e) {
            return ArticleIds.forGuid("extract", String.valueOf(url));
        }
    }

    private static URI uriOrNull(String url) {
        try {
            return url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
