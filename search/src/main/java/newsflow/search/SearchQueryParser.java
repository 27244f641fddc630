package newsflow.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns request parameters ({@code q, topic, source, lang, from, to, size, after}) into a {@link SearchQuery}.
 * Every problem is an {@link IllegalArgumentException} whose message names the parameter, fit to show the user.
 *
 * <p>Dates are {@code yyyy-MM-dd} (UTC days; {@code to} includes its whole day) or ISO-8601 instants such as
 * {@code 2026-11-03T08:00:00Z} (an instant {@code to} is exclusive).
 */
public final class SearchQueryParser {

    public static final Set<String> PARAMETERS = Set.of("q", "topic", "source", "lang", "from", "to", "size", "after", "collapse");

    private SearchQueryParser() {
    }

    /** Parses a raw (still percent-encoded) URL query string. Unknown or repeated parameters are errors. */
    public static SearchQuery parseQueryString(String rawQuery) {
        return parse(decode(rawQuery));
    }

    public static SearchQuery parse(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' (known: q, topic, source, lang, from, to, size, after, collapse)");
            }
        }
        Instant from = date("from", params.get("from"), false);
        Instant to = date("to", params.get("to"), true);
        int size = size(params.get("size"));
        String lang = params.get("lang");
        if (lang != null && !lang.isBlank() && !lang.strip().matches("[A-Za-z]{2,3}")) {
            throw new IllegalArgumentException("'lang' must be an ISO 639 code such as 'en', got '" + lang + "'");
        }
        String collapse = params.get("collapse");
        if (collapse != null && !collapse.isBlank() && !collapse.strip().equals("story")) {
            throw new IllegalArgumentException("'collapse' can only be 'story', got '" + collapse + "'");
        }
        return new SearchQuery(params.get("q"), params.get("topic"), params.get("source"),
                lang == null ? null : lang.strip().toLowerCase(java.util.Locale.ROOT), from, to, size, params.get("after"),
                collapse != null && !collapse.isBlank());
    }

    /** The parameters of a raw query string, percent-decoded, in order; a repeated parameter is an error. */
    public static Map<String, String> decode(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
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
            if (params.put(name, value) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' given more than once");
            }
        }
        return params;
    }

    private static int size(String value) {
        if (value == null || value.isBlank()) {
            return SearchQuery.DEFAULT_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'size' must be a whole number, got '" + value + "'");
        }
        if (size < 1 || size > SearchQuery.MAX_SIZE) {
            throw new IllegalArgumentException("'size' must be between 1 and " + SearchQuery.MAX_SIZE + ", got " + size);
        }
        return size;
    }

    /** @param endOfDay for {@code to}: a plain date means up to the end of that day */
    static Instant date(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date like 2026-11-03 or an instant like "
                    + "2026-11-03T08:00:00Z, got '" + value + "'");
        }
    }
}
