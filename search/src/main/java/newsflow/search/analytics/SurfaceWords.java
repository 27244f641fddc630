package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.BoundaryScanner;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.util.NamedValue;
import newsflow.search.SearchBusyException;
import newsflow.search.SearchService;
import newsflow.search.SearchTimeoutException;
import newsflow.search.SearchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words an analyst reads for the stems {@code significant_text} lists. Those are index terms, which the body's
 * analyzer made: "elect" for "election" and "elections", "sandbag" for "sandbags", "cafe" for "café". So a second,
 * cheap step finds how the matching articles write each stem:
 *
 * <ol>
 *   <li>one search over the matching articles in the words' language, the {@link #ARTICLES} that hold the rarest of the
 *       stems first ({@link #request}), highlighting the stems in the body: Elasticsearch's highlighter re-analyses each of those
 *       bodies with the index's own analyzer and marks the words as written whose terms are among the stems;</li>
 *   <li>the distinct marked words are run once through the body's analyzer ({@code _analyze}), which tells which
 *       stem each one is a form of;</li>
 *   <li>each stem is shown as its most frequent form.</li>
 * </ol>
 *
 * <p>Bounded: {@link #ARTICLES} articles, {@link #PASSAGES} passages of each, text read up to
 * {@link #MAX_ANALYZED_CHARS} characters of a body, at most {@link #MAX_FORMS} distinct words analysed. The sample the
 * first step reads is 1,000 articles; this reads {@value #ARTICLES}. A stem none of them writes (it is rare among the
 * matches), or every stem when this step fails, is shown as it is: the words are still right, only less readable.
 */
final class SurfaceWords {

    private static final Logger log = LoggerFactory.getLogger(SurfaceWords.class);

    /** Articles whose marked words are read. */
    static final int ARTICLES = 20;
    /**
     * Passages of each article's body returned, the best first (the highlighter scores rarer words higher): marked
     * words beyond them are not seen.
     */
    static final int PASSAGES = 50;
    /** Characters of a passage: short, so that a passage is the marked word alone (at word boundaries). */
    static final int PASSAGE_CHARS = 20;
    /** Characters of a body the highlighter reads at most. */
    static final int MAX_ANALYZED_CHARS = 100_000;
    /** Distinct marked words sent to {@code _analyze} at most. */
    static final int MAX_FORMS = 1_000;
    /**
     * Marks around a stem's word in a passage: characters of Unicode's private use area, which article text does not
     * carry (not control characters: the highlighter trims those off a passage's ends).
     */
    static final String START = "\uE000";
    static final String END = "\uE001";

    private final SearchService search;

    SurfaceWords(SearchService search) {
        this.search = search;
    }

    /** {@code top} with each stem shown as the matching articles write it most often. */
    TopWords name(TopWords top, Query scope, String timeout) {
        if (top.words().isEmpty()) {
            return top;
        }
        List<String> stems = top.words().stream().map(TopWords.Word::stem).toList();
        try {
            Optional<SearchResponse<Void>> response = search.send(request(scope, top.language(), top.words(), search.alias(),
                    timeout), Void.class);
            if (response.isEmpty() || response.get().hits().hits().isEmpty()) {
                return top;
            }
            List<String> marked = marked(response.get());
            List<String> forms = forms(marked);
            List<String> terms = forms.isEmpty() ? List.of()
                    : search.analyze(response.get().hits().hits().getFirst().index(), TopWordsSearch.FIELD, forms);
            return top.shownAs(shown(marked, termsOf(forms, terms), Set.copyOf(stems)), SearchService.isPartial(response.get()));
        } catch (SearchBusyException | SearchTimeoutException | SearchUnavailableException e) {
            // the stems are right, only less readable: better than failing the words already found
            log.warn("top words: cannot find how the articles write {} stems, showing the stems: {}", stems.size(), e.getMessage());
            return top;
        }
    }

    /**
     * The best {@link #ARTICLES} of the scope in {@code language} for finding the words' forms, with the stems marked
     * in their bodies. An article scores {@code 1 / count} for each of the stems it contains ({@code count}: the
     * sampled articles containing that stem), so the few articles that hold a rare stem come first: a stem most
     * matches contain is in most of the articles picked anyway, one of a handful of articles would otherwise be
     * missed.
     */
    static SearchRequest request(Query scope, String language, List<TopWords.Word> words, String alias, String timeout) {
        List<FieldValue> values = words.stream().map(w -> FieldValue.of(w.stem())).toList();
        List<Query> each = words.stream()
                .map(w -> Query.of(q -> q.constantScore(c -> c
                        .filter(f -> f.term(t -> t.field(TopWordsSearch.FIELD).value(w.stem())))
                        .boost(1.0f / Math.max(1, w.count())))))
                .toList();
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                .size(ARTICLES)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b
                        .filter(scope)
                        .filter(f -> f.term(t -> t.field("language").value(language)))
                        .should(each)
                        .minimumShouldMatch("1")))
                .highlight(h -> h
                        .preTags(START)
                        .postTags(END)
                        .fields(NamedValue.of(TopWordsSearch.FIELD, HighlightField.of(f -> f
                                .type(HighlighterType.Unified)
                                .highlightQuery(hq -> hq.terms(t -> t.field(TopWordsSearch.FIELD).terms(tv -> tv.value(values))))
                                .boundaryScanner(BoundaryScanner.Word)
                                .fragmentSize(PASSAGE_CHARS)
                                .numberOfFragments(PASSAGES)
                                .maxAnalyzedOffset(MAX_ANALYZED_CHARS))))));
    }

    /** The marked words of every hit's passages, as written, in order. */
    static List<String> marked(SearchResponse<?> response) {
        List<String> words = new ArrayList<>();
        for (Hit<?> hit : response.hits().hits()) {
            for (String passage : hit.highlight().getOrDefault(TopWordsSearch.FIELD, List.of())) {
                int start = passage.indexOf(START);
                while (start >= 0) {
                    int end = passage.indexOf(END, start + 1);
                    if (end < 0) {
                        break;
                    }
                    String word = withoutPossessive(passage.substring(start + 1, end));
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                    start = passage.indexOf(START, end + 1);
                }
            }
        }
        return words;
    }

    /**
     * The distinct lower-case forms of the marked words, at most {@link #MAX_FORMS}: what {@code _analyze} is asked
     * for (the analyzer lower-cases, so "Election" and "election" are one question).
     */
    static List<String> forms(List<String> marked) {
        Set<String> forms = new LinkedHashSet<>();
        for (String word : marked) {
            if (forms.size() == MAX_FORMS) {
                break;
            }
            forms.add(lower(word));
        }
        return List.copyOf(forms);
    }

    /**
     * Each form's term, by position: a marked word is one token of the tokenizer whose term is a stem, so alone it
     * analyses to exactly that one term. Should the counts differ all the same (a token split differently out of
     * its context), no form can be paired safely, and none is.
     */
    static Map<String, String> termsOf(List<String> forms, List<String> terms) {
        if (forms.size() != terms.size()) {
            log.warn("top words: {} words analysed into {} terms, not one each: showing the stems", forms.size(), terms.size());
            return Map.of();
        }
        Map<String, String> termOf = new HashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            termOf.put(forms.get(i), terms.get(i));
        }
        return termOf;
    }

    /**
     * For each stem, the word to show: its form written most often among the marked words (the shorter, then the
     * first in alphabetical order, on a tie), in lower case unless every occurrence of it starts with a capital
     * (a name: "Harbour", "NATO"), then as written most often.
     *
     * @param termOf the term each lower-case form analyses to
     */
    static Map<String, String> shown(List<String> marked, Map<String, String> termOf, Set<String> stems) {
        Map<String, Map<String, Map<String, Integer>>> byStem = new LinkedHashMap<>();
        for (String word : marked) {
            String form = lower(word);
            String stem = termOf.get(form);
            if (stem != null && stems.contains(stem)) {
                byStem.computeIfAbsent(stem, s -> new HashMap<>())
                        .computeIfAbsent(form, f -> new HashMap<>())
                        .merge(word, 1, Integer::sum);
            }
        }
        Map<String, String> shown = new HashMap<>();
        byStem.forEach((stem, forms) -> {
            Map.Entry<String, Map<String, Integer>> best = forms.entrySet().stream()
                    .min(Comparator.<Map.Entry<String, Map<String, Integer>>>comparingInt(e -> -total(e.getValue()))
                            .thenComparingInt(e -> e.getKey().length())
                            .thenComparing(Map.Entry::getKey))
                    .orElseThrow();
            Map<String, Integer> written = best.getValue();
            boolean name = written.keySet().stream().allMatch(w -> Character.isUpperCase(w.codePointAt(0)));
            shown.put(stem, !name ? best.getKey() : written.entrySet().stream()
                    .min(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                    .orElseThrow().getKey());
        });
        return shown;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "Council's" as "Council": the English analyzer drops the possessive, so the mark covers it. */
    static String withoutPossessive(String word) {
        String lower = lower(word);
        for (String suffix : List.of("'s", "\u2019s", "\u02bcs")) {
            if (lower.endsWith(suffix) && word.length() > suffix.length()) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
