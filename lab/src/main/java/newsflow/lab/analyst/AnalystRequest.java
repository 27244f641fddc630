package newsflow.lab.analyst;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The typical requests of an analyst, as URLs of our API, and how to count what each side answered so the two
 * can be compared: the same count from our answer and from Elasticsearch's answers to the captured requests.
 */
enum AnalystRequest {
    /** A search with its facets and its per-day histogram (every search page has both). */
    SEARCH,
    /** Attention over the year by week, three queries side by side. */
    ATTENTION,
    TOP_WORDS,
    SIMILAR,
    /** An export of 10,000 rows (NDJSON). */
    EXPORT;

    static final int EXPORT_ROWS = 10_000;

    /** The kind's name in the report. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
    static final String[] WORDS = {"oil", "government", "market", "election", "football", "profit", "shares", "court",
            "minister", "music", "film", "internet", "police", "bank", "prices", "company"};

    /** Variant {@code v} of this request (different words or articles, so caches do not answer every call). */
    String url(int v, String yearAgo, int articles) {
        String w = WORDS[v % WORDS.length];
        return switch (this) {
            case SEARCH -> "/api/search?q=" + w + "&from=" + yearAgo;
            case ATTENTION -> "/api/attention?q=" + w + "&q=" + WORDS[(v + 5) % WORDS.length] + "&q="
                    + WORDS[(v + 11) % WORDS.length] + "&interval=week&from=" + yearAgo;
            case TOP_WORDS -> "/api/top-words?q=" + w;
            case SIMILAR -> "/api/articles/" + SyntheticArticles.id((int) ((v * 7919L) % articles)) + "/similar";
            case EXPORT -> "/api/search?lang=en&format=ndjson&limit=" + EXPORT_ROWS + (v % 2 == 0 ? "" : "&sort=oldest");
        };
    }

    /** What our answer counts: hits in total, matches summed over every bucket, articles or rows listed. */
    long ours(String answer) throws IOException {
        if (this == EXPORT) {
            return answer.lines().filter(l -> !l.isBlank()).count();
        }
        JsonNode n = Json.mapper().readTree(answer);
        return switch (this) {
            case SEARCH -> n.path("total").asLong(-1);
            case ATTENTION -> {
                long sum = 0;
                for (JsonNode series : n.path("series")) {
                    for (JsonNode b : series.path("buckets")) {
                        sum += b.path("count").asLong();
                    }
                }
                yield sum;
            }
            case TOP_WORDS -> n.path("words").size();
            case SIMILAR -> n.path("articles").size();
            case EXPORT -> throw new AssertionError();
        };
    }

    /**
     * The same count from Elasticsearch's answers to the captured requests, in order; -1 where it cannot be
     * told from them (top words: our code drops the stop-word forms a second request names, so the count of
     * listed words is ours alone and is not compared).
     */
    long direct(List<String> answers) throws IOException {
        JsonNode last = Json.mapper().readTree(answers.getLast());
        return switch (this) {
            case SEARCH -> last.path("hits").path("total").path("value").asLong(-1);
            case ATTENTION -> {
                long sum = 0;
                for (Map.Entry<String, JsonNode> agg : last.path("aggregations").properties()) {
                    if (agg.getKey().startsWith("filters#")) {
                        for (JsonNode bucket : agg.getValue().path("buckets")) {
                            for (Map.Entry<String, JsonNode> sub : bucket.properties()) {
                                if (sub.getKey().startsWith("date_histogram#")) {
                                    for (JsonNode b : sub.getValue().path("buckets")) {
                                        sum += b.path("doc_count").asLong();
                                    }
                                }
                            }
                        }
                    }
                }
                yield sum;
            }
            case TOP_WORDS -> -1;
            case SIMILAR -> last.path("hits").path("hits").size();
            case EXPORT -> {
                long rows = 0;
                for (String a : answers) {
                    rows += Json.mapper().readTree(a).path("hits").path("hits").size();
                }
                yield Math.min(rows, EXPORT_ROWS);
            }
        };
    }
}
