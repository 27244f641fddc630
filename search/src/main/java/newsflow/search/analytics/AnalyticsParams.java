package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import newsflow.common.config.SearchConfig;
import newsflow.search.query.Filters;
import newsflow.search.query.QueryParser;
import newsflow.search.query.QuerySyntaxException;
import newsflow.search.query.QueryTranslator;
import newsflow.search.query.ScopeParameters;
import newsflow.search.query.SearchLimitException;
import newsflow.search.query.SearchScope;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of the analytics endpoints: the common scope ({@link ScopeParameters}) plus each endpoint's
 * own. Every problem is an {@link IllegalArgumentException} naming the parameter; a limit gone past is a
 * {@link SearchLimitException} naming its {@code search.*} key.
 */
final class AnalyticsParams {

    static final int DEFAULT_TOP = 5;
    /** Sources per bucket and query with {@code split=source}, at most: the answer grows with buckets × queries × top. */
    static final int MAX_TOP = 10;
    /** The parameters each endpoint knows, built once (they were built again on every request). */
    private static final Set<String> ATTENTION_NAMES = with(ScopeParameters.NAMES, "interval", "split", "top");
    private static final Set<String> ATTENTION_REPEATABLE = with(ScopeParameters.REPEATABLE, "q");
    private static final Set<String> LIST_NAMES = with(ScopeParameters.NAMES, "size");
    static final int DEFAULT_LIST_SIZE = 20;
    static final int MAX_LIST_SIZE = 100;

    private AnalyticsParams() {
    }

    /**
     * Without {@code to}, the range ends now; without {@code from}, it starts the interval's default range
     * earlier (30 days by day, 26 weeks by week, 24 months by month).
     */
    static AttentionQuery attention(String rawQuery, SearchConfig limits, Clock clock) {
        Map<String, List<String>> params = ScopeParameters.decode(rawQuery);
        ScopeParameters.requireKnown(params, ATTENTION_NAMES, ATTENTION_REPEATABLE);
        List<SearchScope> scopes = comparedScopes(params, limits, clock);
        List<String> labels = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        for (SearchScope scope : scopes) {
            labels.add(scope.q());
            queries.add(QueryTranslator.toEsQuery(scope.query()));
        }
        Filters filters = scopes.getFirst().filters();
        Interval interval = Interval.parse(ScopeParameters.single(params, "interval"));
        Instant to = filters.to() != null ? filters.to() : clock.instant();
        Instant from = filters.from() != null ? filters.from()
                : to.atOffset(ZoneOffset.UTC).minus(interval.defaultRange()).toInstant();
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        long buckets = interval.buckets(from, to);
        if (buckets > limits.maxAttentionBuckets()) {
            throw new SearchLimitException("search.maxAttentionBuckets", "from " + from + " to " + to + " by "
                    + interval.key() + " is " + buckets + " buckets, more than search.maxAttentionBuckets ("
                    + limits.maxAttentionBuckets() + "): use a longer interval or a shorter range");
        }
        Query scope = QueryTranslator.filtersOnly(filters.withDates(from, to));
        return new AttentionQuery(labels, queries, scope, interval, from, to, top(params));
    }

    /** One scope per {@code q}; with several, a syntax error says which {@code q} it is in. */
    private static List<SearchScope> comparedScopes(Map<String, List<String>> params, SearchConfig limits, Clock clock) {
        try {
            return ScopeParameters.comparedScopes(params, limits, clock);
        } catch (QuerySyntaxException e) {
            List<String> qs = params.getOrDefault("q", List.of()).stream().filter(q -> !q.isBlank()).toList();
            for (int i = 0; i < qs.size() && qs.size() > 1; i++) {
                try {
                    QueryParser.parse(qs.get(i), limits);
                } catch (QuerySyntaxException inThis) {
                    String problem = inThis.getMessage().substring(inThis.getMessage().indexOf(": ") + 2);
                    throw new QuerySyntaxException(inThis.position(), "in q number " + (i + 1) + " ('" + qs.get(i)
                            + "'): " + problem);
                }
            }
            throw e;
        }
    }

    private static int top(Map<String, List<String>> params) {
        String split = ScopeParameters.single(params, "split");
        String top = ScopeParameters.single(params, "top");
        if (split == null) {
            if (top != null) {
                throw new IllegalArgumentException("'top' goes with split=source");
            }
            return 0;
        }
        if (!split.toLowerCase(Locale.ROOT).equals("source")) {
            throw new IllegalArgumentException("'split' can only be 'source', got '" + split + "'");
        }
        return number("top", top, DEFAULT_TOP, MAX_TOP);
    }

    /** The scope of top words or top sources, and how many to list. */
    record ListRequest(Query query, int size) {
    }

    static ListRequest list(String rawQuery, SearchConfig limits, Clock clock) {
        Map<String, List<String>> params = ScopeParameters.decode(rawQuery);
        ScopeParameters.requireKnown(params, LIST_NAMES, ScopeParameters.REPEATABLE);
        SearchScope scope = ScopeParameters.scope(params, limits, clock);
        return new ListRequest(QueryTranslator.toEsQuery(scope),
                number("size", ScopeParameters.single(params, "size"), DEFAULT_LIST_SIZE, MAX_LIST_SIZE));
    }

    /** {@code size} of the similar articles, the only parameter there. */
    static int similarSize(String rawQuery) {
        Map<String, List<String>> params = ScopeParameters.decode(rawQuery);
        ScopeParameters.requireKnown(params, Set.of("size"), Set.of());
        return number("size", ScopeParameters.single(params, "size"), SimilarSearch.DEFAULT_SIZE, SimilarSearch.MAX_SIZE);
    }

    /** A story view takes no parameter. */
    static void story(String rawQuery) {
        ScopeParameters.requireKnown(ScopeParameters.decode(rawQuery), Set.of(), Set.of());
    }

    static int number(String name, String value, int defaultValue, int max) {
        if (value == null) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number, got '" + value + "'");
        }
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("'" + name + "' must be between 1 and " + max + ", got " + n);
        }
        return n;
    }

    private static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new HashSet<>(names);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
