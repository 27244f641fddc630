package newsflow.search;

import newsflow.common.config.SearchConfig;
import newsflow.search.query.ScopeParameters;
import newsflow.search.query.SearchScope;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the parameters of {@code /api/search} into a {@link SearchQuery}: the common scope
 * ({@link ScopeParameters}) plus {@code size, after, collapse}, and the export's {@code format, limit} (read by
 * the API). Every problem is an {@link IllegalArgumentException} whose message names the parameter.
 */
public final class SearchQueryParser {

    public static final Set<String> PARAMETERS;

    static {
        Set<String> names = new HashSet<>(ScopeParameters.NAMES);
        names.addAll(Set.of("size", "after", "collapse", "format", "limit"));
        PARAMETERS = Set.copyOf(names);
    }

    private SearchQueryParser() {
    }

    /** Parses a raw (still percent-encoded) URL query string. Unknown or wrongly repeated parameters are errors. */
    public static SearchQuery parseQueryString(String rawQuery, SearchConfig limits, Clock clock) {
        return parse(ScopeParameters.decode(rawQuery), limits, clock);
    }

    public static SearchQuery parse(Map<String, List<String>> params, SearchConfig limits, Clock clock) {
        ScopeParameters.requireKnown(params, PARAMETERS, ScopeParameters.REPEATABLE);
        SearchScope scope = ScopeParameters.scope(params, limits, clock);
        int size = size(ScopeParameters.single(params, "size"));
        String collapse = ScopeParameters.single(params, "collapse");
        if (collapse != null && !collapse.equals("story")) {
            throw new IllegalArgumentException("'collapse' can only be 'story', got '" + collapse + "'");
        }
        return new SearchQuery(scope, size, ScopeParameters.single(params, "after"), collapse != null);
    }

    private static int size(String value) {
        if (value == null) {
            return SearchQuery.DEFAULT_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'size' must be a whole number, got '" + value + "'");
        }
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            throw new IllegalArgumentException("'size' must be between 1 and " + SearchQuery.MAX_SIZE + ", got " + size);
        }
        return size;
    }
}
