package newsflow.enrich;

import newsflow.common.http.FetchResponse;
import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Schema;
import newsflow.common.url.ArticleIds;
import newsflow.enrich.process.ArticleBuilder;
import newsflow.enrich.process.PageOutcome;
import newsflow.enrich.topics.TopicMatcher;
import newsflow.enrich.topics.TopicTagger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One page to one {@link Article} without Kafka or HTTP, for {@code newsflow extract --html FILE --url URL}: the
 * same {@link ArticleBuilder} enrich runs, for an entry whose only field is the link. The article id is
 * {@link ArticleIds#forUrl(String)} of the URL, as ingest would assign it.
 */
public final class Extract {

    private Extract() {
    }

    /** The article enrich would produce for this already decoded page, with no topic rules. */
    public static Article article(String html, String url) {
        return article(html, url, Map.of());
    }

    /**
     * @param html   the page, already decoded
     * @param url    the page's address (resolves relative links, gives the article id)
     * @param topics operator topic rules, as in {@code enrich.topics}
     */
    public static Article article(String html, String url, Map<String, List<String>> topics) {
        byte[] bytes = (html == null ? "" : html).getBytes(StandardCharsets.UTF_8);
        return build(bytes, "text/html; charset=utf-8", url, topics);
    }

    /** The article for a saved page's raw bytes, with no topic rules. */
    public static Article article(byte[] page, String url) {
        return article(page, url, Map.of());
    }

    /**
     * @param page   the page's bytes as saved; the charset is detected as for a fetched page without a
     *               Content-Type header (byte-order mark, then {@code <meta charset>}, else UTF-8)
     * @param url    the page's address (resolves relative links, gives the article id)
     * @param topics operator topic rules, as in {@code enrich.topics}
     */
    public static Article article(byte[] page, String url, Map<String, List<String>> topics) {
        return article(page, url, new TopicTagger(new TopicMatcher(topics), null));
    }

    /** As above, tagging with rules and a trained model as enrich does ({@link TopicTagger#configured}). */
    public static Article article(byte[] page, String url, TopicTagger topics) {
        return build(page == null ? new byte[0] : page, null, url, topics);
    }

    private static Article build(byte[] page, String contentType, String url, Map<String, List<String>> topics) {
        return build(page, contentType, url, new TopicTagger(new TopicMatcher(topics), null));
    }

    private static Article build(byte[] page, String contentType, String url, TopicTagger topics) {
        Clock clock = Clock.systemUTC();
        FeedEntry entry = new FeedEntry(Schema.VERSION, idFor(url), null, null, url, null, null, null, null,
                List.of(), null, null, List.of(), List.of(), clock.instant());
        FetchResponse response = new FetchResponse(200, uriOrNull(url), contentType, page, null, null);
        return new ArticleBuilder(topics, clock).build(entry, new PageOutcome.Fetched(response));
    }

    private static String idFor(String url) {
        try {
            return ArticleIds.forUrl(url);
        } catch (IllegalArgumentException e) {
            // not an absolute http(s) URL (a file name, say): still a stable id
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
