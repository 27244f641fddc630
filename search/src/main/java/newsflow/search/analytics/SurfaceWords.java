package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchItem;
import co.elastic.clients.elasticsearch.core.search.BoundaryScanner;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import co.elastic.clients.elasticsearch.core.search.SearchRequestBody;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words an analyst reads for the stems {@code significant_text} lists. Those are index terms, which the body's
 * analyzer made: "elect" for "election" and "elections", "sandbag" for "sandbags", "cafe" for "café". So a second,
 * cheap step finds how the matching articles write each stem: one {@code _msearch} holding, for each stem, a search
 * ({@link #request}) for the one matching article in the words' language that holds the stem best, with only that
 * stem highlighted in its body. Elasticsearch's highlighter re-analyses that body with the index's own analyzer and
 * marks the words as written whose term is the stem, so every marked word is a form of it (no pairing of words with
 * stems needed), and each stem is shown as its most frequent marked form.
 *
 * <p>Every stem gets an article of its own, however rare it is among the matches: a stem stays as it is only when
 * its search fails, or when this whole step fails (the words are still right, only less readable). Bounded: one
 * search per word (at most {@link TopWordsSearch#MAX_SIZE}), each reading one article's body up to
 * {@link #MAX_ANALYZED_CHARS} characters and returning {@link #PASSAGES} passages of it.
 */
final class SurfaceWords {

    private static final Logger log = LoggerFactory.getLogger(SurfaceWords.class);

    /**
     * Passages of the article's body returned, the best first: enough occurrences of the stem to tell its usual
     * form from a one-off.
     */
    static final int PASSAGES = 10;
    /** Characters of a passage: short, so that a passage is the marked word alone (at word boundaries). */
    static final int PASSAGE_CHARS = 20;
    /** Characters of a body the highlighter reads at most. */
    static final int MAX_ANALYZED_CHARS = 100_000;
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
            List<Optional<MultiSearchItem<Void>>> answers = search.msearch(
                    stems.stream().map(stem -> request(scope, top.language(), stem, timeout)).toList(), Void.class);
            Map<String, String> shown = new HashMap<>();
            boolean partial = false;
            for (int i = 0; i < stems.size(); i++) {
                Optional<MultiSearchItem<Void>> answer = i < answers.size() ? answers.get(i) : Optional.empty();
                if (answer.isEmpty()) {
                    partial = true;
                    continue;
                }
                partial |= SearchService.isPartial(answer.get());
                String stem = stems.get(i);
                shown(marked(answer.get())).ifPresent(word -> shown.put(stem, word));
            }
            if (shown.size() < stems.size()) {
                log.debug("top words: {} of {} stems found written", shown.size(), stems.size());
            }
            return top.shownAs(shown, partial);
        } catch (SearchBusyException | SearchTimeoutException | SearchUnavailableException e) {
            // the stems are right, only less readable: better than failing the words already found
            log.warn("top words: cannot find how the articles write {} stems, showing the stems: {}", stems.size(), e.getMessage());
            return top;
        }
    }

    /**
     * The article of the scope in {@code language} that holds {@code stem} best (scored by the stem alone: often
     * and in a short body), with the stem's words marked in its body.
     */
    static SearchRequestBody request(Query scope, String language, String stem, String timeout) {
        Query term = Query.of(q -> q.term(t -> t.field(TopWordsSearch.FIELD).value(stem)));
        return SearchRequestBody.of(s -> s
                .timeout(timeout)
                .size(1)
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.fetch(false))
                .query(q -> q.bool(b -> b
                        .must(term)
                        .filter(scope)
                        .filter(f -> f.term(t -> t.field("language").value(language)))))
                .highlight(h -> h
                        .preTags(START)
                        .postTags(END)
                        .fields(NamedValue.of(TopWordsSearch.FIELD, HighlightField.of(f -> f
                                .type(HighlighterType.Unified)
                                .highlightQuery(term)
                                .boundaryScanner(BoundaryScanner.Word)
                                .fragmentSize(PASSAGE_CHARS)
                                .numberOfFragments(PASSAGES)
                                .maxAnalyzedOffset(MAX_ANALYZED_CHARS))))));
    }

    /** The marked words of every hit's passages, as written, in order. */
    static List<String> marked(ResponseBody<?> response) {
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
     * The word to show for one stem's marked words: its form written most often (the shorter, then the first in
     * alphabetical order, on a tie), in lower case unless every occurrence of it starts with a capital (a name:
     * "Harbour", "NATO"), then as written most often. Empty when nothing was marked.
     */
    static Optional<String> shown(List<String> marked) {
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (String word : marked) {
            forms.computeIfAbsent(lower(word), f -> new HashMap<>()).merge(word, 1, Integer::sum);
        }
        return forms.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Map<String, Integer>>>comparingInt(e -> -total(e.getValue()))
                        .thenComparingInt(e -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .map(best -> {
                    Map<String, Integer> written = best.getValue();
                    boolean name = written.keySet().stream().allMatch(w -> Character.isUpperCase(w.codePointAt(0)));
                    return !name ? best.getKey() : written.entrySet().stream()
                            .min(Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue()).thenComparing(Map.Entry::getKey))
                            .orElseThrow().getKey();
                });
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
