package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.MoreLikeThisQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import newsflow.common.text.StopWords;
import newsflow.index.document.ArticleDocument;
import newsflow.search.SearchService;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * More-like-this over title and body: the article's most telling words (frequent in it, rare in the index)
 * become a query, and the articles of its own story are left out, because they are the same report again.
 * Two requests: one finds the article's monthly index and story (more-like-this reads a stored document by
 * index and id, and the alias spans several indices), one finds the similar articles.
 */
final class SimilarSearch {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 50;
    static final List<String> FIELDS = List.of("title", "body");
    /** Words the query is built from, at most: Elasticsearch's default, enough to say what an article is about. */
    static final int MAX_QUERY_TERMS = 25;
    /** A word of one article only cannot find another. */
    static final int MIN_DOC_FREQ = 2;
    /**
     * Of the query's words, how many an article must share. Lower than Elasticsearch's 30 %: the rarest words of
     * an article, which more-like-this picks first, are mostly those of its own story (the same wire copy in
     * several outlets), and that story is left out; the ranking still puts the closest articles first.
     */
    static final String MINIMUM_SHOULD_MATCH = "10%";

    /** Where the article is stored, which story it belongs to and its language. */
    record Origin(String index, String storyId, String language) {
    }

    private SimilarSearch() {
    }

    static SearchRequest lookup(String id, String alias, String timeout) {
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                .query(q -> q.ids(i -> i.values(id)))
                .size(1)
                .source(src -> src.filter(f -> f.includes("story_id", "language"))));
    }

    /** Null when there is no such article. */
    static Origin origin(SearchResponse<ArticleDocument> response) {
        return response.hits().hits().stream().findFirst()
                .map(h -> new Origin(h.index(), h.source() == null ? null : h.source().storyId(),
                        h.source() == null ? null : h.source().language()))
                .orElse(null);
    }

    static SearchRequest request(String id, Origin origin, String alias, String timeout, int size) {
        List<Query> excluded = new ArrayList<>();
        excluded.add(Query.of(q -> q.ids(i -> i.values(id))));
        if (origin.storyId() != null) {
            excluded.add(Query.of(q -> q.term(t -> t.field("story_id").value(origin.storyId()))));
        }
        MoreLikeThisQuery.Builder mlt = new MoreLikeThisQuery.Builder()
                .fields(FIELDS)
                .like(l -> l.document(d -> d.index(origin.index()).id(id)))
                // a title says each word once: one occurrence must count
                .minTermFreq(1)
                .minDocFreq(MIN_DOC_FREQ)
                .maxQueryTerms(MAX_QUERY_TERMS)
                .minimumShouldMatch(MINIMUM_SHOULD_MATCH);
        Set<String> stopWords = StopWords.of(origin.language());
        if (!stopWords.isEmpty()) {
            // "the" and "would" say nothing about what an article is about
            mlt.stopWords(List.copyOf(stopWords));
        }
        Query like = Query.of(q -> q.moreLikeThis(mlt.build()));
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                .size(size)
                .source(src -> src.filter(f -> f.includes(ArticleSummary.FIELDS)))
                .query(q -> q.bool(b -> b.must(like).mustNot(excluded))));
    }

    static SimilarArticles result(SearchResponse<ArticleDocument> response) {
        return new SimilarArticles(response.hits().hits().stream()
                .map(h -> ArticleSummary.of(h.id(), h.source(), h.score() == null || h.score().isNaN() ? null : h.score()))
                .toList(), SearchService.isPartial(response));
    }
}
