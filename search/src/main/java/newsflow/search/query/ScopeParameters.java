package newsflow.search.query;

import newsflow.common.config.SearchConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The common scope parameters of every analyst endpoint, from a URL query string:
 * {@code q, topic, source, lang, author, from, to, sort}. {@code topic}, {@code source}, {@code lang} and
 * {@code author} may be repeated (any of the values); the others may not. Every problem is an
 * {@link IllegalArgumentException} (a {@link QuerySyntaxException} or {@link SearchLimitException} for {@code q})
 * whose message names the parameter, fit to show the user.
 *
 * <p>Dates are {@code yyyy-MM-dd} (UTC days; {@code to} includes its whole day), ISO-8601 instants such as
 * {@code 2026-11-03T08:00:00Z} (an instant {@code to} is exclusive), or relative to now: a number and a unit,
 * {@code h} hours, {@code d} days, {@code w} weeks, {@code m} months, {@code y} years ({@code from=7d}: the last
 * seven days).
 */
public final class ScopeParameters {

    /** The scope's parameter names; an endpoint adds its own. */
    public static final Set<String> NAMES = Set.of("q", "topic", "source", "lang", "author", "from", "to", "sort");
    /** The parameters that may be given more than once. */
    public static final Set<String> REPEATABLE = Set.of("topic", "source", "lang", "author");
    /** Values of one repeatable filter, at most: each is a term Elasticsearch looks up. */
    public static final int MAX_FILTER_VALUES = 50;
    /** Characters of one filter value, at most (a source name, an author). */
    public static final int MAX_FILTER_VALUE_LENGTH = 512;

    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,5})([hdwmy])");

    private ScopeParameters() {
    }

    /**
     * Percent-decodes a raw URL query string into names and their values, in order; an empty value stays (and
     * later counts as absent).
     */
    public static Map<String, List<String>> decode(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed percent-encoding in '" + pair + "'", e);
            }
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /**
     * Refuses a parameter outside {@code known} and a repeated one outside {@code repeatable}.
     *
     * @throws IllegalArgumentException naming the parameter and listing the known ones
     */
    public static void requireKnown(Map<String, List<String>> params, Set<String> known, Set<String> repeatable) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
            if (e.getValue().size() > 1 && !repeatable.contains(e.getKey())) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' given more than once");
            }
        }
    }

    /** The single value of a parameter, stripped; null when absent or blank. */
    public static String single(Map<String, List<String>> params, String name) {
        String v = unstripped(params, name);
        return v == null ? null : v.strip();
    }

    /** The single value as sent (so positions in a syntax error count from its first character); null when blank. */
    private static String unstripped(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("parameter '" + name + "' given more than once");
        }
        String v = values.getFirst();
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * The scope of a request. Unknown parameters are not checked here (the endpoint knows its own): call
     * {@link #requireKnown} first.
     *
     * @param clock "now" for relative dates
     */
    public static SearchScope scope(Map<String, List<String>> params, SearchConfig limits, Clock clock) {
        String q = unstripped(params, "q");
        QueryNode query = QueryParser.parse(q, limits);
        Filters filters = filters(params, clock);
        String sort = single(params, "sort");
        return new SearchScope(query == null ? null : q, query, filters, sort == null ? Sort.defaultFor(query) : Sort.of(sort));
    }

    /**
     * The scopes of a comparison: {@code q} repeated, one scope per query, all with the same filters and sort
     * (the sort defaults as for the first query). No {@code q} at all is one scope of everything in the filters.
     * Call {@link #requireKnown} with {@code q} among the repeatable names first.
     *
     * @throws SearchLimitException past {@code search.maxCompareQueries} queries (or a limit of one query)
     */
    public static List<SearchScope> comparedScopes(Map<String, List<String>> params, SearchConfig limits, Clock clock) {
        List<String> qs = params.getOrDefault("q", List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
        if (qs.size() > limits.maxCompareQueries()) {
            throw new SearchLimitException("search.maxCompareQueries", "'q' is given " + qs.size()
                    + " times, more than search.maxCompareQueries (" + limits.maxCompareQueries() + ")");
        }
        Filters filters = filters(params, clock);
        String sort = single(params, "sort");
        if (qs.isEmpty()) {
            return List.of(new SearchScope(null, null, filters, sort == null ? Sort.NEWEST : Sort.of(sort)));
        }
        List<SearchScope> scopes = new ArrayList<>();
        for (String q : qs) {
            QueryNode query = QueryParser.parse(q, limits);
            scopes.add(new SearchScope(q, query, filters, sort == null ? Sort.defaultFor(query) : Sort.of(sort)));
        }
        return List.copyOf(scopes);
    }

    /** The filters alone ({@code topic, source, lang, author, from, to}). */
    public static Filters filters(Map<String, List<String>> params, Clock clock) {
        Instant now = clock.instant();
        Instant from = date("from", single(params, "from"), false, now);
        Instant to = date("to", single(params, "to"), true, now);
        List<String> langs = values(params, "lang").stream().map(l -> {
            if (!l.matches("[A-Za-z]{2,3}")) {
                throw new IllegalArgumentException("'lang' must be an ISO 639 code such as 'en', got '" + l + "'");
            }
            return l.toLowerCase(Locale.ROOT);
        }).toList();
        return new Filters(values(params, "topic"), values(params, "source"), langs, values(params, "author"), from, to);
    }

    /** The non-blank values of a repeatable parameter, stripped, without duplicates, bounded. */
    static List<String> values(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of()).stream()
                .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        if (values.size() > MAX_FILTER_VALUES) {
            throw new IllegalArgumentException("'" + name + "' is given " + values.size() + " times, more than "
                    + MAX_FILTER_VALUES);
        }
        for (String v : values) {
            if (v.length() > MAX_FILTER_VALUE_LENGTH) {
                throw new IllegalArgumentException("a value of '" + name + "' is " + v.length()
                        + " characters long, more than " + MAX_FILTER_VALUE_LENGTH);
            }
        }
        return values;
    }

    /**
     * @param endOfDay for {@code to}: a plain date means up to the end of that day
     * @param now      what a relative date counts back from
     */
    public static Instant date(String name, String value, boolean endOfDay, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Matcher relative = RELATIVE.matcher(v);
        try {
            if (relative.matches()) {
                int n = Integer.parseInt(relative.group(1));
                var utc = now.atOffset(ZoneOffset.UTC);
                OffsetDateTime back = switch (relative.group(2)) {
                    case "h" -> utc.minusHours(n);
                    case "d" -> utc.minusDays(n);
                    case "w" -> utc.minusWeeks(n);
                    case "m" -> utc.minusMonths(n);
                    default -> utc.minusYears(n);
                };
                return back.toInstant();
            }
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date like 2026-11-03, an instant like "
                    + "2026-11-03T08:00:00Z or a time back from now like 7d, 24h, 2w, 3m, 1y; got '" + value + "'");
        }
    }
}
