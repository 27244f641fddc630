package newsflow.search.analytics;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An attention request, parsed: several queries counted per date bucket within one scope.
 *
 * @param labels  each query as the request wrote it, null for the one series of a request without {@code q}
 *                (everything in scope)
 * @param queries each query alone, without the scope's filters
 * @param scope   the filters and the date range {@code [from, to)}, without any query: the totals
 * @param top     with {@code split=source}: sources listed per bucket and query; 0 without a split
 */
record AttentionQuery(List<String> labels, List<Query> queries, Query scope, Interval interval, Instant from,
                      Instant to, int top) {

    AttentionQuery {
        if (labels.size() != queries.size() || queries.isEmpty()) {
            throw new IllegalArgumentException("one label per query, at least one query");
        }
        labels = Collections.unmodifiableList(new ArrayList<>(labels)); // List.copyOf refuses the null label
        queries = List.copyOf(queries);
    }
}
