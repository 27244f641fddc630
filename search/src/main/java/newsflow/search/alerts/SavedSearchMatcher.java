package newsflow.search.alerts;

import newsflow.common.config.SearchConfig;
import newsflow.index.document.ArticleDocument;
import newsflow.search.query.QueryParser;
import newsflow.search.saved.SavedSearch;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which saved searches an article matches, in memory: the article becomes a one-document Lucene index
 * ({@link ArticleIndexFields}) and each saved search's query, parsed by the search parser and translated by
 * {@link LuceneQueries}, is run against it. Queries are compiled once per version of a saved search. The work per
 * article is bounded: at most {@code alerts.maxSavedSearches} queries, each within the search limits, over an
 * article whose size enrich bounds.
 */
public final class SavedSearchMatcher {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchMatcher.class);

    private final TextAnalysis analysis;
    private final LuceneQueries queries;
    private final SearchConfig limits;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    private record Compiled(Instant updated, Query query) {
    }

    SavedSearchMatcher(TextAnalysis analysis, SearchConfig limits) {
        this.analysis = analysis;
        this.queries = new LuceneQueries(analysis);
        this.limits = limits;
    }

    /**
     * A matcher with the analysis of an index set up with {@code textAnalysis}: {@code built-in} or {@code plugin}
     * (English stemming with folding, and the language fields), or {@code standard} (what {@code ArticleIndex.Setup}
     * tells); {@code english} is the older unfolded English analysis. Public for the lab's alert-matching benchmark,
     * which measures this class without the alerts stage's Kafka loop around it.
     */
    public static SavedSearchMatcher forTextAnalyzer(String textAnalyzer, SearchConfig limits) {
        TextAnalysis analysis = switch (textAnalyzer) {
            case "built-in", "plugin" -> TextAnalysis.englishFoldedAnalysis();
            case "english" -> TextAnalysis.englishAnalysis();
            case "standard" -> TextAnalysis.standardAnalysis();
            default -> throw new IllegalArgumentException("no in-process analysis for the '" + textAnalyzer
                    + "' analysis (built-in, plugin, english or standard)");
        };
        return new SavedSearchMatcher(analysis, limits);
    }

    TextAnalysis analysis() {
        return analysis;
    }

    /** The saved searches among {@code searches} that {@code doc} matches, in the order given. */
    public List<SavedSearch> matching(ArticleDocument doc, List<SavedSearch> searches) {
        if (searches.isEmpty()) {
            return List.of();
        }
        MemoryIndex index = ArticleIndexFields.of(doc, analysis);
        IndexSearcher searcher = index.createSearcher();
        List<SavedSearch> out = new ArrayList<>();
        for (SavedSearch search : searches) {
            Query query = compile(search);
            if (query == null) {
                continue;
            }
            try {
                if (searcher.count(query) > 0) {
                    out.add(search);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("searching an in-memory index cannot fail", e);
            }
        }
        return out;
    }

    /** The Lucene query of a saved search; null (logged) when its query no longer parses under today's limits. */
    private Query compile(SavedSearch search) {
        Compiled known = compiled.get(search.id());
        if (known != null && known.updated().equals(search.updated())) {
            return known.query();
        }
        Query query;
        try {
            query = queries.toLucene(search.query() == null ? null : QueryParser.parse(search.query(), limits), search.filters());
        } catch (IllegalArgumentException e) {
            log.error("saved search {} ('{}') cannot be matched: its query '{}' is refused: {}", search.id(),
                    search.name(), search.query(), e.getMessage());
            query = null;
        }
        compiled.put(search.id(), new Compiled(search.updated(), query));
        return query;
    }

    /** Forgets compiled queries of saved searches no longer in {@code current}. */
    void retain(List<SavedSearch> current) {
        compiled.keySet().retainAll(current.stream().map(SavedSearch::id).toList());
    }
}
