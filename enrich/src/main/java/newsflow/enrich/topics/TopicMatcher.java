package newsflow.enrich.topics;

import newsflow.common.model.TopicScore;
import newsflow.enrich.watch.ArticleTokens;
import newsflow.enrich.watch.WatchCondition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags articles with the operator's topics ({@code enrich.topics}: name → terms). A plain term (a word or phrase)
 * matches case-insensitively as a whole word or phrase (any run of whitespace between a phrase's words) in the title or
 * the body; a match in the title counts {@value #TITLE_WEIGHT} times, because a title mention means the article is
 * about it. A term written in the watch-topic syntax (it contains {@code AND}, {@code OR} or {@code NOT}, parentheses,
 * a {@code "quoted phrase"} or a {@code -word}) is a condition instead ({@link WatchCondition}), for the words that
 * mean the topic only in company or without another: {@code goal AND (league OR cup)}, {@code solar NOT "solar system"}.
 * A condition that holds counts as one mention of one term.
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
    public static final String SOURCE = TopicScore.RULE;

    /** Words or phrases that look like a query: an operator, parentheses, a quote, or a word with a leading minus. */
    private static final Pattern CONDITION_SYNTAX =
            Pattern.compile("[\"()]|(?<!\\S)(AND|OR|NOT)(?=[\\s(\"]|$)|(?<!\\S)-[\\p{L}\\p{N}(\"]");

    /** One topic's terms: plain words and phrases, and conditions. */
    private record Rule(List<Pattern> words, List<WatchCondition> conditions) {
    }

    private final Map<String, Rule> rules;
    private final boolean anyConditions;

    /** @throws newsflow.enrich.watch.WatchQueryException naming the topic, the term and the position when a condition does not parse */
    public TopicMatcher(Map<String, List<String>> topics) {
        Map<String, Rule> compiled = new LinkedHashMap<>();
        if (topics != null) {
            topics.forEach((name, terms) -> {
                List<Pattern> words = new ArrayList<>();
                List<WatchCondition> conditions = new ArrayList<>();
                if (terms != null) {
                    for (int i = 0; i < terms.size(); i++) {
                        String term = terms.get(i);
                        if (term == null || term.isBlank()) {
                            continue;
                        }
                        if (isCondition(term)) {
                            conditions.add(WatchCondition.parse("topic \"" + name + "\", term " + (i + 1), term));
                        } else {
                            words.add(compile(term));
                        }
                    }
                }
                if (name != null && !name.isBlank() && !(words.isEmpty() && conditions.isEmpty())) {
                    compiled.put(name.strip(), new Rule(List.copyOf(words), List.copyOf(conditions)));
                }
            });
        }
        this.rules = Map.copyOf(compiled);
        this.anyConditions = compiled.values().stream().anyMatch(r -> !r.conditions().isEmpty());
    }

    /** Whether a term is written in the watch-topic syntax rather than as a plain word or phrase. */
    static boolean isCondition(String term) {
        return CONDITION_SYNTAX.matcher(term).find();
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
        // tokenized once, and only when some rule has a condition
        ArticleTokens tokens = anyConditions ? new ArticleTokens(t, b) : null;
        List<TopicScore> out = new ArrayList<>();
        for (var rule : rules.entrySet()) {
            int weighted = 0;
            int distinct = 0;
            for (Pattern term : rule.getValue().words()) {
                int n = TITLE_WEIGHT * count(term, t) + count(term, b);
                weighted += n;
                distinct += n > 0 ? 1 : 0;
            }
            for (WatchCondition condition : rule.getValue().conditions()) {
                if (condition.matches(tokens)) {
                    weighted++;
                    distinct++;
                }
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
