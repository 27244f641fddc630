package newsflow.enrich.topics;

import newsflow.common.model.TopicScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags articles with the operator's topics ({@code enrich.topics}: name → words or phrases). A term matches
 * case-insensitively as a whole word or phrase (any run of whitespace between a phrase's words) in the title or
 * the body; a match in the title counts {@value #TITLE_WEIGHT} times, because a title mention means the
 * article is about it.
 *
 * <p>Score: with {@code m} = weighted matches over all the topic's terms and {@code d} = distinct terms
 * matched, evidence {@code e = m + d} and {@code score = e / (e + }{@value #HALF_SCORE_EVIDENCE}{@code )}, rounded
 * to three decimals. It is 0 without matches, grows with every mention and more with each different term, and
 * stays below 1: one body mention of one term scores 0.333, three mentions of one term 0.5, three different
 * terms once each 0.6. Topics without matches are omitted; the result is sorted by score, then name.
 * Immutable and thread-safe.
 */
public final class TopicMatcher {

    static final int TITLE_WEIGHT = 3;
    static final double HALF_SCORE_EVIDENCE = 4;
    public static final String SOURCE = "rule";

    private final Map<String, List<Pattern>> rules;

    public TopicMatcher(Map<String, List<String>> topics) {
        Map<String, List<Pattern>> compiled = new LinkedHashMap<>();
        if (topics != null) {
            topics.forEach((name, terms) -> {
                List<Pattern> patterns = new ArrayList<>();
                if (terms != null) {
                    for (String term : terms) {
                        if (term != null && !term.isBlank()) {
                            patterns.add(compile(term));
                        }
                    }
                }
                if (name != null && !name.isBlank() && !patterns.isEmpty()) {
                    compiled.put(name.strip(), List.copyOf(patterns));
                }
            });
        }
        this.rules = Map.copyOf(compiled);
    }

    static Pattern compile(String term) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        String[] words = term.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Topics of an article, best first; empty when no rule matches. */
    public List<TopicScore> match(String title, String body) {
        String t = title == null ? "" : title;
        String b = body == null ? "" : body;
        List<TopicScore> out = new ArrayList<>();
        for (var rule : rules.entrySet()) {
            int weighted = 0;
            int distinct = 0;
            for (Pattern term : rule.getValue()) {
                int n = TITLE_WEIGHT * count(term, t) + count(term, b);
                weighted += n;
                distinct += n > 0 ? 1 : 0;
            }
            if (weighted > 0) {
                out.add(new TopicScore(rule.getKey(), score(weighted, distinct), SOURCE));
            }
        }
        out.sort(Comparator.comparingDouble(TopicScore::score).reversed().thenComparing(TopicScore::name));
        return out;
    }

    static double score(int weightedMatches, int distinctTerms) {
        double evidence = weightedMatches + distinctTerms;
        // Rounding alone would turn a few thousand mentions into 1.0; the score is documented to stay below 1.
        return Math.min(0.999, Math.round(evidence / (evidence + HALF_SCORE_EVIDENCE) * 1000) / 1000.0);
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
