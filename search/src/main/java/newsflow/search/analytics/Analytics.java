package newsflow.search.analytics;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import newsflow.index.document.ArticleDocument;
import newsflow.search.SearchService;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What analysts ask beyond a list of hits: attention over time, top words, top sources, a story's full
 * coverage, similar articles. Each method takes the request's raw URL query string and runs its requests
 * through {@link SearchService#send}, so they share the concurrency limit, timeout and error mapping of
 * search (documented there).
 */
public final class Analytics {

    private final SearchService search;
    private final Clock clock;
    private final StopForms stopForms;
    private final SurfaceWords surfaceWords;

    /** @param clock "now" for relative dates and for the end of an attention range without {@code to} */
    public Analytics(SearchService search, Clock clock) {
        this.search = search;
        this.clock = clock;
        this.stopForms = new StopForms(search);
        this.surfaceWords = new SurfaceWords(search);
    }

    /** {@code GET /api/attention}. */
    public AttentionResult attention(String rawQuery) {
        AttentionQuery query = AnalyticsParams.attention(rawQuery, search.limits(), clock);
        return search.send(AttentionSearch.request(query, search.alias(), timeout()), Void.class)
                .map(response -> AttentionSearch.result(query, response))
                .orElseGet(() -> AttentionSearch.empty(query));
    }

    /** {@code GET /api/top-words}. */
    public TopWords topWords(String rawQuery) {
        AnalyticsParams.ListRequest list = AnalyticsParams.list(rawQuery, search.limits(), clock);
        SearchRequest request = TopWordsSearch.request(list.query(), search.alias(), timeout(), list.size(),
                TopWordsSearch.perShard(search.limits().topWordsSample(), search.shards()));
        TopWords stems = search.send(request, Void.class)
                .map(response -> TopWordsSearch.result(response, list.size(), stopForms::of))
                .orElseGet(() -> new TopWords(null, List.of(), false));
        return surfaceWords.name(stems, list.query(), timeout());
    }

    /** {@code GET /api/top-sources}. */
    public TopSources topSources(String rawQuery) {
        AnalyticsParams.ListRequest list = AnalyticsParams.list(rawQuery, search.limits(), clock);
        return search.send(TopSourcesSearch.request(list.query(), search.alias(), timeout(), list.size()), Void.class)
                .map(TopSourcesSearch::result)
                .orElseGet(() -> new TopSources(0, List.of(), false));
    }

    /** {@code GET /api/stories/{id}}: empty when no article belongs to the story. */
    public Optional<StoryView> story(String storyId, String rawQuery) {
        AnalyticsParams.story(rawQuery);
        SearchRequest request = StorySearch.request(storyId, search.alias(), timeout(), search.limits().maxStoryArticles());
        return search.send(request, ArticleDocument.class).flatMap(response -> StorySearch.view(storyId, response));
    }

    /** {@code GET /api/articles/{id}/similar}: empty when there is no such article. */
    public Optional<SimilarArticles> similar(String articleId, String rawQuery) {
        int size = AnalyticsParams.similarSize(rawQuery);
        Optional<SimilarSearch.Origin> origin = search.send(SimilarSearch.lookup(articleId, search.alias(), timeout()),
                ArticleDocument.class).map(SimilarSearch::origin);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        SearchRequest request = SimilarSearch.request(articleId, origin.get(), search.alias(), timeout(), size);
        return Optional.of(search.send(request, ArticleDocument.class)
                .map(SimilarSearch::result)
                .orElseGet(() -> new SimilarArticles(List.of(), false)));
    }

    /** {@code search.timeout} as Elasticsearch takes it: it answers with what it has by then. */
    private String timeout() {
        return search.limits().timeout().toMillis() + "ms";
    }
}
