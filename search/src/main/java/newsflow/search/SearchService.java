package newsflow.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import newsflow.index.document.ArticleDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Full-text search over the article alias: filters, highlights, facets and search_after paging. */
public final class SearchService {

    private static final Logger log = LoggerFactory.getLogger(SearchService.class);

    private final ElasticsearchClient client;
    private final String alias;

    /** @param alias the read alias ({@code elasticsearch.index}), which covers every monthly index */
    public SearchService(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /**
     * @throws IllegalArgumentException    when Elasticsearch refuses the query as malformed (a bad cursor, say)
     * @throws SearchUnavailableException  when Elasticsearch cannot be reached or fails
     */
    public SearchResult search(SearchQuery query) {
        SearchRequest request = SearchRequests.build(query, alias);
        SearchResponse<ArticleDocument> response;
        try {
            response = client.search(request, ArticleDocument.class);
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                log.info("alias {} does not exist yet (nothing indexed): empty result", alias);
                return SearchResult.empty();
            }
            throw translate(e, "search " + alias);
        } catch (IOException e) {
            throw new SearchUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
        }
        return toResult(query, response);
    }

    /**
     * The stored document of one article, body included. Looked up by id across the alias because which
     * monthly index holds it depends on the article's date.
     */
    public Optional<ArticleDocument> article(String id) {
        try {
            SearchResponse<ArticleDocument> response = client.search(s -> s
                    .index(alias)
                    .query(q -> q.ids(i -> i.values(id)))
                    .size(1), ArticleDocument.class);
            return response.hits().hits().stream().map(Hit::source).findFirst();
        } catch (ElasticsearchException e) {
            if (isMissingIndex(e)) {
                return Optional.empty();
            }
            throw translate(e, "article " + id);
        } catch (IOException e) {
            throw new SearchUnavailableException("Elasticsearch is unreachable: " + e.getMessage(), e);
        }
    }

    static SearchResult toResult(SearchQuery query, SearchResponse<ArticleDocument> response) {
        List<Hit<ArticleDocument>> hits = response.hits().hits();
        List<SearchHit> out = hits.stream().map(SearchService::toHit).toList();
        TotalHits total = response.hits().total();
        String next = null;
        // collapsed results have no next page (search_after does not combine with collapse on another field)
        if (!query.collapseStories() && hits.size() == query.size() && !hits.isEmpty() && !hits.getLast().sort().isEmpty()) {
            next = Cursor.encode(hits.getLast().sort());
        }
        return new SearchResult(total == null ? out.size() : total.value(), out, facets(response.aggregations()), next);
    }

    private static SearchHit toHit(Hit<ArticleDocument> hit) {
        ArticleDocument d = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        List<String> titleHl = highlight.get("title");
        Double score = hit.score() == null || hit.score().isNaN() ? null : hit.score();
        if (d == null) {
            // Only with _source disabled, which our template never does; keep the hit rather than fail the page.
            return new SearchHit(hit.id(), null, null, null, null, null, null, List.of(), List.of(), null,
                    highlight.getOrDefault("body", List.of()), score);
        }
        return new SearchHit(hit.id(), d.title(), d.url(), d.source(), d.siteName(), d.published(), d.language(),
                d.topics(), d.authors(),
                titleHl == null || titleHl.isEmpty() ? null : titleHl.getFirst(),
                highlight.getOrDefault("body", List.of()), score, d.storyId(), alsoReported(hit));
    }

    /** The other articles of the hit's story, from the collapse's inner hits (none without collapse). */
    private static List<SearchHit.Report> alsoReported(Hit<ArticleDocument> hit) {
        var inner = hit.innerHits().get(SearchRequests.INNER_ALSO);
        if (inner == null) {
            return List.of();
        }
        return inner.hits().hits().stream()
                .filter(h -> !hit.id().equals(h.id()))
                .map(h -> {
                    var src = h.source() == null ? null : h.source().to(ArticleDocument.class);
                    return new SearchHit.Report(h.id(), src == null ? null : src.title(), src == null ? null : src.url(),
                            src == null ? null : src.source());
                })
                .limit(SearchRequests.ALSO_REPORTED - 1)
                .toList();
    }

    private static Facets facets(Map<String, Aggregate> aggs) {
        if (aggs == null || aggs.isEmpty()) {
            return Facets.EMPTY;
        }
        return new Facets(terms(aggs.get(SearchRequests.AGG_TOPICS)), terms(aggs.get(SearchRequests.AGG_SOURCES)),
                terms(aggs.get(SearchRequests.AGG_LANGUAGES)), perDay(aggs.get(SearchRequests.AGG_PER_DAY)));
    }

    private static List<Facets.FacetCount> terms(Aggregate agg) {
        if (agg == null || !agg.isSterms()) {
            return List.of(); // an unmapped field answers with another aggregate type and no buckets
        }
        return agg.sterms().buckets().array().stream()
                .map(b -> new Facets.FacetCount(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<Facets.DayCount> perDay(Aggregate agg) {
        if (agg == null || !agg.isDateHistogram()) {
            return List.of();
        }
        return agg.dateHistogram().buckets().array().stream()
                .map(b -> new Facets.DayCount(b.keyAsString(), b.docCount()))
                .toList();
    }

    private static boolean isMissingIndex(ElasticsearchException e) {
        return e.status() == 404 && e.error() != null && "index_not_found_exception".equals(e.error().type());
    }

    private RuntimeException translate(ElasticsearchException e, String what) {
        String reason = e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason();
        if (e.status() == 400) {
            return new IllegalArgumentException("Elasticsearch refused the query: " + reason, e);
        }
        log.warn("{} failed with status {}: {}", what, e.status(), reason);
        return new SearchUnavailableException("Elasticsearch failed (status " + e.status() + "): " + reason, e);
    }
}
