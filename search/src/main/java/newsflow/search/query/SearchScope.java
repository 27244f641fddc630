package newsflow.search.query;

import java.util.Objects;

/**
 * Which articles a request is about and in what order: the common scope of every analyst endpoint
 * (search, export, attention, top words, …), parsed by {@link ScopeParameters}.
 *
 * @param q       the query as written, null when none (kept to echo it back and to report positions)
 * @param query   {@code q} parsed, null when none: everything in the filters matches
 * @param filters exact filters and the date range
 * @param sort    the order of results
 */
public record SearchScope(String q, QueryNode query, Filters filters, Sort sort) {

    public static final SearchScope EVERYTHING = new SearchScope(null, null, Filters.NONE, Sort.NEWEST);

    public SearchScope {
        Objects.requireNonNull(filters);
        Objects.requireNonNull(sort);
        if ((q == null) != (query == null)) {
            throw new IllegalArgumentException("q and its parsed query come together");
        }
    }

    public boolean hasQuery() {
        return query != null;
    }

    /** The same filters and sort with another query (for comparing several queries in one scope). */
    public SearchScope withQuery(String otherQ, QueryNode otherQuery) {
        return new SearchScope(otherQ, otherQuery, filters, sort);
    }

    public SearchScope withFilters(Filters otherFilters) {
        return new SearchScope(q, query, otherFilters, sort);
    }

    public SearchScope withSort(Sort otherSort) {
        return new SearchScope(q, query, filters, otherSort);
    }
}
