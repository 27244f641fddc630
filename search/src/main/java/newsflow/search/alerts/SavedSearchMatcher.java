package newsflow.search.alerts;

import newsflow.common.config.SearchConfig;
import newsflow.index.document.ArticleDocument;
import newsflow.search.query.QueryNode;
import newsflow.search.query.QueryParser;
import newsflow.search.saved.SavedFilters;
import newsflow.search.saved.SavedSearch;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which saved searches an article matches, in memory: the article becomes a one-document Lucene index
 * ({@link ArticleIndexFields}) and each saved search's query, parsed by the search parser and translated by
 * {@link LuceneQueries}, is run against it. Two things keep the cost per article far below one query run per
 * saved search:
 * <ul>
 *   <li>a {@link Presearcher} over every saved search's {@link RequiredTerms} picks the candidates, the saved
 *   searches whose required words the article has; only those are run (a query with no required word, a NOT alone
 *   say, always is);</li>
 *   <li>each query is run in its translation for the article's languages ({@link LuceneQueries#forLanguages}), a
 *   tenth of the clauses of the one for every language, with the same matches on that article, and
 *   {@link PrebuiltQuery prebuilt}: its bools, terms and prefixes decided from the article's terms without Lucene
 *   rewriting the tree again for every article.</li>
 * </ul>
 * Queries, required terms and the presearcher are built once per version of the saved searches, not per article.
 * The work per article is bounded: at most {@code alerts.maxSavedSearches} queries, each within the search
 * limits, over an article whose size enrich bounds. One thread at a time (the alerts stage's matching loop).
 */
public final class SavedSearchMatcher {

    private static final Logger log = LoggerFactory.getLogger(SavedSearchMatcher.class);

    private final TextAnalysis analysis;
    private final LuceneQueries queries;
    private final SearchConfig limits;
    private final Map<String, Compiled> compiled = new HashMap<>();
    /** Translations by the article's languages (an article has one at most: a dozen entries). */
    private final Map<Set<String>, LuceneQueries> translations = new HashMap<>();
    /** The presearcher over {@link #compiled}; null when a saved search changed. */
    private Presearcher presearcher;

    /** A saved search's version, translated; {@code query} null when it no longer parses. */
    private static final class Compiled {
        final Instant updated;
        final QueryNode parsed;
        final SavedFilters filters;
        final Query query;
        /** What an article needs for {@code query} to match it. */
        final RequiredTerms required;
        /** {@code query} in the translation for articles of those languages, prebuilt when first needed. */
        final Map<Set<String>, PrebuiltQuery> byLanguages = new HashMap<>();
        /** Its number in the presearcher, set when that is built. */
        int slot;

        Compiled(Instant updated, QueryNode parsed, SavedFilters filters, Query query) {
            this.updated = updated;
            this.parsed = parsed;
            this.filters = filters;
            this.query = query;
            this.required = query == null ? RequiredTerms.NOTHING : RequiredTerms.of(query);
        }
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
    public synchronized List<SavedSearch> matching(ArticleDocument doc, List<SavedSearch> searches) {
        if (searches.isEmpty()) {
            return List.of();
        }
        List<Compiled> versions = new ArrayList<>(searches.size());
        for (SavedSearch search : searches) {
            versions.add(compile(search));
        }
        Presearcher candidates = presearcher();
        PrebuiltQuery.Article article = new PrebuiltQuery.Article(ArticleIndexFields.of(doc, analysis).createSearcher());
        Set<String> languages = Set.copyOf(doc.i18n().keySet());
        try {
            FixedBitSet possible = candidates.candidates(article.reader());
            List<SavedSearch> out = new ArrayList<>();
            for (int i = 0; i < searches.size(); i++) {
                SavedSearch search = searches.get(i);
                Compiled c = versions.get(i);
                if (c.query != null && possible.get(c.slot) && forLanguages(c, languages).matches(article)) {
                    out.add(search);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index cannot fail", e);
        }
    }

    /** The saved search's version, translated once (logged when its query no longer parses under today's limits). */
    private Compiled compile(SavedSearch search) {
        Compiled known = compiled.get(search.id());
        if (known != null && known.updated.equals(search.updated())) {
            return known;
        }
        Compiled version;
        try {
            QueryNode parsed = search.query() == null ? null : QueryParser.parse(search.query(), limits);
            Query query = queries.toLucene(parsed, search.filters());
            version = new Compiled(search.updated(), parsed, search.filters(), query);
        } catch (IllegalArgumentException e) {
            log.error("saved search {} ('{}') cannot be matched: its query '{}' is refused: {}", search.id(),
                    search.name(), search.query(), e.getMessage());
            version = new Compiled(search.updated(), null, search.filters(), null);
        }
        compiled.put(search.id(), version);
        presearcher = null;
        return version;
    }

    private PrebuiltQuery forLanguages(Compiled c, Set<String> languages) {
        return c.byLanguages.computeIfAbsent(languages, key -> PrebuiltQuery.of(translations
                .computeIfAbsent(key, queries::forLanguages).toLucene(c.parsed, c.filters)));
    }

    /** The presearcher over every compiled saved search, rebuilt after a change. */
    private Presearcher presearcher() {
        if (presearcher == null) {
            List<RequiredTerms> required = new ArrayList<>(compiled.size());
            for (Compiled c : compiled.values()) {
                c.slot = required.size();
                required.add(c.required);
            }
            presearcher = new Presearcher(required);
        }
        return presearcher;
    }

    /** Forgets compiled queries of saved searches no longer in {@code current}. */
    synchronized void retain(List<SavedSearch> current) {
        if (compiled.keySet().retainAll(current.stream().map(SavedSearch::id).collect(Collectors.toSet()))) {
            presearcher = null;
        }
    }
}
