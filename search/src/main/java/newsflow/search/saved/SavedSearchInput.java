package newsflow.search.saved;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.SearchConfig;
import newsflow.search.query.QueryParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A saved search as a client sends it (the API's JSON body, or the CLI's options turned into the same JSON),
 * checked field by field: every problem is an {@link IllegalArgumentException} naming the field, fit to show the
 * user; a query that does not parse is the parser's {@code QuerySyntaxException} (with its position) and one past
 * a search limit its {@code SearchLimitException}.
 *
 * @param secret      null when the body did not mention it (an update keeps the stored one), "" to remove it
 */
public record SavedSearchInput(String name, String query, SavedFilters filters, String webhook, String secret) {

    static final int MAX_NAME = 200;
    static final int MAX_VALUES = 20;
    static final int MAX_VALUE = 256;
    static final int MAX_URL = 2048;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 512;
    static final Set<String> FIELDS = Set.of("name", "query", "filters", "webhook", "secret");
    static final Set<String> FILTERS = Set.of("topic", "source", "lang", "author");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");

    /**
     * @param limits the search API's limits, which a saved query is held to as well
     * @throws IllegalArgumentException naming the first field that is missing, unknown or wrong
     */
    public static SavedSearchInput parse(JsonNode body, SearchConfig limits) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "' (known: filters, name, query, secret, webhook)");
            }
        }
        String name = text(body, "name", MAX_NAME);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'name' is required: what the saved search is called");
        }
        String query = text(body, "query", limits.maxQueryLength());
        query = query == null || query.isBlank() ? null : query.strip();
        SavedFilters filters = filters(body.get("filters"));
        if (query == null && filters.isEmpty()) {
            throw new IllegalArgumentException("give a 'query' or at least one filter: a saved search of everything would alert on every article");
        }
        if (query != null) {
            QueryParser.parse(query, limits); // a syntax error names its position; a costly query its limit
        }
        String webhook = text(body, "webhook", MAX_URL);
        webhook = webhook == null || webhook.isBlank() ? null : checkWebhook(webhook.strip());
        String secret = body.has("secret") && !body.get("secret").isNull() ? text(body, "secret", MAX_SECRET) : null;
        if (secret != null && !secret.isEmpty() && secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("'secret' must be at least " + MIN_SECRET + " characters (or \"\" for none)");
        }
        return new SavedSearchInput(name.strip(), query, filters, webhook, secret);
    }

    /** A new saved search of this input. */
    public SavedSearch create(String id, Instant now) {
        return new SavedSearch(id, name, query, filters, webhook, secret == null || secret.isEmpty() ? null : secret,
                now, now, now);
    }

    /**
     * The stored saved search changed as this input says: everything is replaced but the secret, which is kept
     * unless the input names one ("" removes it). When the query or the filters change, matching starts afresh
     * from now.
     */
    public SavedSearch update(SavedSearch stored, Instant now) {
        String newSecret = secret == null ? stored.secret() : secret.isEmpty() ? null : secret;
        SavedSearch updated = new SavedSearch(stored.id(), name, query, filters, webhook, newSecret, stored.created(),
                now, stored.matchesSince());
        return updated.selectsLike(stored) ? updated : new SavedSearch(stored.id(), name, query, filters, webhook,
                newSecret, stored.created(), now, now);
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        String value = node.asText();
        if (value.length() > max) {
            throw new IllegalArgumentException("'" + field + "' is " + value.length() + " characters long, more than " + max);
        }
        return value;
    }

    private static SavedFilters filters(JsonNode node) {
        if (node == null || node.isNull()) {
            return SavedFilters.NONE;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("'filters' must be an object like {\"topic\": [\"politics\"]}");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FILTERS.contains(f)) {
                throw new IllegalArgumentException("unknown filter 'filters." + f + "' (known: author, lang, source, topic)");
            }
        }
        List<String> lang = values(node, "lang").stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        for (String l : lang) {
            if (!LANG.matcher(l).matches()) {
                throw new IllegalArgumentException("'filters.lang' values are ISO 639 codes such as 'en', got '" + l + "'");
            }
        }
        return new SavedFilters(values(node, "topic"), values(node, "source"), lang, values(node, "author"));
    }

    /** A list of strings, or one string for a list of one. */
    private static List<String> values(JsonNode filters, String field) {
        JsonNode node = filters.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        if (items.size() > MAX_VALUES) {
            throw new IllegalArgumentException("'filters." + field + "' has " + items.size() + " values, more than " + MAX_VALUES);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalArgumentException("'filters." + field + "' values must be non-empty strings");
            }
            String v = item.asText().strip();
            if (v.length() > MAX_VALUE) {
                throw new IllegalArgumentException("a 'filters." + field + "' value is longer than " + MAX_VALUE + " characters");
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static String checkWebhook(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'webhook' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("'webhook' must be an http(s) URL, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("'webhook' has no host: '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'webhook' must not carry credentials; the signature authenticates deliveries");
        }
        return url;
    }

    /** The fields as the API's JSON body has them, for the CLI to build one. */
    public static Map<String, Object> body(String name, String query, SavedFilters filters, String webhook, String secret) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("query", query);
        body.put("filters", Map.of("topic", filters.topic(), "source", filters.source(), "lang", filters.lang(),
                "author", filters.author()));
        body.put("webhook", webhook);
        body.put("secret", secret);
        return body;
    }
}
