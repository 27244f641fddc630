package newsflow.search.analytics;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import newsflow.index.document.ArticleDocument;
import newsflow.search.SearchService;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What analysts ask beyond a list of hits: attention over time, top words, top sources, a story's full
 * coverage, similar articles. Each method takes the request's raw URL query string and runs its requests
 * through {@link SearchService#execute}, so they share the concurrency limit, timeout and error mapping of
 * search (documented there).
 */
public final class Analytics {

    private final SearchService search;
    private final Clock clock;
    private final StopForms stopForms;

    /** @param clock "now" for relative dates and for the end of an attention range without {@code to} */
    public Analytics(SearchService search, Clock clock) {
        this.search = search;
        this.clock = clock;
        this.stopForms = new StopForms(search);
    }

    /** {@code GET /api/attention}. */
    public AttentionResult attention(String rawQuery) {
        AttentionQuery query = AnalyticsParams.attention(rawQuery, search.limits(), clock);
        SearchRequest request = AttentionSearch.request(query, search.alias(), search.timeout());
        SearchResponse<Void> response = search.execute("attention", c -> c.search(request, Void.class), null);
        return response == null ? AttentionSearch.empty(query) : AttentionSearch.result(query, response);
    }

    /** {@code GET /api/top-words}. */
    public TopWords topWords(String rawQuery) {
        AnalyticsParams.ListRequest list = AnalyticsParams.list(rawQuery, search.limits(), clock);
        SearchRequest request = TopWordsSearch.request(list.query(), search.alias(), search.timeout(), list.size(),
                search.limits().topWordsSample());
        SearchResponse<Void> response = search.execute("top words", c -> c.search(request, Void.class), null);
        if (response == null) {
            return new TopWords(null, List.of(), false);
        }
        return TopWordsSearch.result(response, list.size(), stopForms::of);
    }

    /** {@code GET /api/top-sources}. */
    public TopSources topSources(String rawQuery) {
        AnalyticsParams.ListRequest list = AnalyticsParams.list(rawQuery, search.limits(), clock);
        SearchRequest request = TopSourcesSearch.request(list.query(), search.alias(), search.timeout(), list.size());
        SearchResponse<Void> response = search.execute("top sources", c -> c.search(request, Void.class), null);
        return response == null ? new TopSources(0, List.of(), false) : TopSourcesSearch.result(response);
    }

    /** {@code GET /api/stories/{id}}: empty when no article belongs to the story. */
    public Optional<StoryView> story(String storyId, String rawQuery) {
        AnalyticsParams.story(rawQuery);
        SearchRequest request = StorySearch.request(storyId, search.alias(), search.timeout(),
                search.limits().maxStoryArticles());
        SearchResponse<ArticleDocument> response = search.execute("story " + storyId,
                c -> c.search(request, ArticleDocument.class), null);
        return response == null ? Optional.empty() : StorySearch.view(storyId, response);
    }

    /** {@code GET /api/articles/{id}/similar}: empty when there is no such article. */
    public Optional<SimilarArticles> similar(String articleId, String rawQuery) {
        int size = AnalyticsParams.similarSize(rawQuery);
        SearchRequest lookup = SimilarSearch.lookup(articleId, search.alias(), search.timeout());
        SearchResponse<ArticleDocument> found = search.execute("article " + articleId,
                c -> c.search(lookup, ArticleDocument.class), null);
        SimilarSearch.Origin origin = found == null ? null : SimilarSearch.origin(found);
        if (origin == null) {
            return Optional.empty();
        }
        SearchRequest request = SimilarSearch.request(articleId, origin, search.alias(), search.timeout(), size);
        SearchResponse<ArticleDocument> response = search.execute("similar to " + articleId,
                c -> c.search(request, ArticleDocument.class), null);
        return Optional.of(response == null ? new SimilarArticles(List.of(), false) : SimilarSearch.result(response));
    }
}
