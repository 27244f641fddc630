package newsflow.search;

import newsflow.common.config.SearchConfig;
import newsflow.search.query.Filters;
import newsflow.search.query.QueryParser;
import newsflow.search.query.SearchScope;
import newsflow.search.query.Sort;

import java.util.Objects;

/**
 * One page of a search: the scope (query, filters, sort) and how much of it to show.
 *
 * @param scope           which articles and in what order
 * @param size            hits per page, 1 to {@link #MAX_SIZE}
 * @param searchAfter     paging cursor: the {@code next} value of the previous page, null for the first page
 * @param collapseStories one hit per story (its best match), with the other articles of the story as "also
 *                        reported by"; not with paging
 */
public record SearchQuery(SearchScope scope, int size, String searchAfter, boolean collapseStories) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;

    public SearchQuery {
        Objects.requireNonNull(scope);
        searchAfter = searchAfter == null || searchAfter.isBlank() ? null : searchAfter.strip();
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if (collapseStories && searchAfter != null) {
            throw new IllegalArgumentException("'after' (paging) is not available with collapse=story: ask for a larger 'size'");
        }
    }

    /** The first page of {@link #DEFAULT_SIZE}. */
    public SearchQuery(SearchScope scope) {
        this(scope, DEFAULT_SIZE, null, false);
    }

    /** A query in the search language, no filters, default sort, first page (limits at their defaults). */
    public static SearchQuery text(String q) {
        var node = QueryParser.parse(q, SearchConfig.DEFAULTS);
        return new SearchQuery(new SearchScope(node == null ? null : q, node, Filters.NONE, Sort.defaultFor(node)));
    }

    public boolean hasText() {
        return scope.hasQuery();
    }

    public SearchQuery withSearchAfter(String cursor) {
        return new SearchQuery(scope, size, cursor, collapseStories);
    }

    public SearchQuery withSize(int newSize) {
        return new SearchQuery(scope, newSize, searchAfter, collapseStories);
    }

    public SearchQuery collapsed() {
        return new SearchQuery(scope, size, searchAfter, true);
    }
}
