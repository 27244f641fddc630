package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import newsflow.search.SearchService;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Significant words of the matching articles: Elasticsearch's {@code significant_text} on the body compares how
 * often each word occurs in the matches with how often it occurs in the whole index.
 *
 * <p>Bounded: reading and re-analysing article text is what costs (about as much per article as a search of the
 * whole index), so the words are read from a sample of the best-matching {@code search.topWordsSample} articles in
 * all, spread over the shards the alias spans ({@code sampler} under {@link #perShard}), and near-duplicate passages
 * (wire copy republished by many outlets) are read once ({@code filter_duplicate_text}). The sample is taken
 * before the language split: each sampled article is read once, whatever its language (under a per-language split
 * each language would read a sample of its own). Per language: the words come from the sampled articles in the
 * language most of them are in, and that language's stop words are dropped. Stop words are dropped here rather
 * than in the request because the language is known only from the answer; a few more words than asked for are
 * fetched so that dropping some still leaves enough. The words are index terms (stems where the index stems):
 * {@link SurfaceWords} shows them as the articles write them.
 */
final class TopWordsSearch {

    static final String AGG_LANGUAGE = "language";
    static final String AGG_SAMPLE = "sample";
    static final String AGG_WORDS = "words";
    static final String FIELD = "body";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Words fetched beyond {@code size}, to make up for stop words dropped. */
    static final int STOP_WORD_MARGIN = 20;
    /** Articles read per shard at least, however many shards share the sample (fewer say little). */
    static final int MIN_PER_SHARD = 10;
    /**
     * Shards assumed before any answer has told how many the alias spans: a year of monthly indices. A guess too
     * high only makes the first sample smaller.
     */
    static final int ASSUMED_SHARDS = 12;

    private TopWordsSearch() {
    }

    /**
     * @param perShard articles each shard reads ({@link #perShard})
     */
    static SearchRequest request(Query scope, String alias, String timeout, int size, int perShard) {
        return SearchRequest.of(s -> s
                .index(alias)
                .timeout(timeout)
                // one hit names an index of the alias, whose analyzer tells how the stop words are stored
                .size(1)
                .source(src -> src.fetch(false))
                .query(scope)
                .aggregations(AGG_SAMPLE, smp -> smp
                        .sampler(x -> x.shardSize(perShard))
                        .aggregations(AGG_LANGUAGE, lang -> lang
                                .terms(t -> t.field("language").size(1))
                                .aggregations(AGG_WORDS, w -> w.significantText(st -> st
                                        .field(FIELD)
                                        .size(size + STOP_WORD_MARGIN)
                                        .filterDuplicateText(true))))));
    }

    /**
     * The articles each shard reads so that all of them read about {@code sample}: the sampler's size is per
     * shard, and an alias of monthly indices spans more shards every month.
     *
     * @param shards the shards of the alias as the last answer counted them; 0 when not known yet
     */
    static int perShard(int sample, int shards) {
        int over = shards > 0 ? shards : ASSUMED_SHARDS;
        return Math.max(MIN_PER_SHARD, (sample + over - 1) / over);
    }

    /** The sampled articles' language bucket: the language most of them are in; null when nothing matched. */
    private static StringTermsBucket mainLanguage(SearchResponse<?> response) {
        Aggregate sample = response.aggregations().get(AGG_SAMPLE);
        Aggregate agg = sample == null || !sample.isSampler() ? null : sample.sampler().aggregations().get(AGG_LANGUAGE);
        if (agg == null || !agg.isSterms() || agg.sterms().buckets().array().isEmpty()) {
            return null;
        }
        return agg.sterms().buckets().array().getFirst();
    }

    /**
     * @param stopWords the stop words of a language as the given index stores them (the index is null when
     *                  nothing matched)
     */
    static TopWords result(SearchResponse<?> response, int size, BiFunction<String, String, Set<String>> stopWords) {
        StringTermsBucket bucket = mainLanguage(response);
        if (bucket == null) {
            return new TopWords(null, List.of(), SearchService.isPartial(response));
        }
        String language = bucket.key().stringValue();
        Aggregate words = bucket.aggregations().get(AGG_WORDS);
        if (words == null || !words.isSigsterms()) {
            return new TopWords(language, List.of(), SearchService.isPartial(response));
        }
        String index = response.hits().hits().isEmpty() ? null : response.hits().hits().getFirst().index();
        Set<String> stop = stopWords.apply(language, index);
        return new TopWords(language, words.sigsterms().buckets().array().stream()
                .filter(b -> !stop.contains(b.key()))
                .limit(size)
                .map(b -> new TopWords.Word(b.key(), b.key(), b.score(), b.docCount(), b.bgCount()))
                .toList(), SearchService.isPartial(response));
    }
}
