package newsflow.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import newsflow.common.json.Json;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.Media;
import newsflow.common.model.Schema;
import newsflow.common.text.Dates;
import newsflow.ingest.parse.FeedParseException.Cause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON Feed 1.0 and 1.1 (jsonfeed.org), read with the one JSON mapper. Lenient as feed readers are: any JSON
 * object is taken as a JSON Feed (format {@code json} when its version is missing or unknown), and a member
 * of the wrong type is ignored rather than failing the feed.
 */
final class JsonFeedParser {

    private static final Logger log = LoggerFactory.getLogger(JsonFeedParser.class);
    /** NaN and Infinity appear as item ids in the wild; they are read as the strings they look like. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    private JsonFeedParser() {
    }

    static ParsedFeed parse(String text, String feedUrl, int maxEntries) throws FeedParseException {
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FeedParseException(feedUrl, Cause.INVALID_JSON, e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new FeedParseException(feedUrl, Cause.NOT_A_FEED, "JSON document is not an object", null);
        }
        String siteLink = Links.absolute(string(root, "home_page_url"), feedUrl);
        String base = Links.absolute(feedUrl, null) != null ? feedUrl : siteLink;
        List<String> feedAuthors = authors(root);
        List<FeedEntry> items = new ArrayList<>();
        int skipped = 0;
        JsonNode list = root.path("items");
        int total = list.isArray() ? list.size() : 0;
        for (int i = 0; i < total; i++) {
            if (items.size() >= maxEntries) {
                skipped += total - i;
                log.info("feed {}: {} items beyond the cap of {} not read", feedUrl, total - i, maxEntries);
                break;
            }
            try {
                items.add(item(list.get(i), feedUrl, base, feedAuthors));
            } catch (RuntimeException e) {
                skipped++;
                log.warn("feed {}: item #{} skipped: {}", feedUrl, i + 1, FeedParser.describe(e));
            }
        }
        return new ParsedFeed(feedUrl, Text.plain(string(root, "title")), siteLink, format(root), items, skipped, FeedHints.NONE, null);
    }

    private static FeedEntry item(JsonNode item, String feedUrl, String base, List<String> feedAuthors) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("item is not an object");
        }
        String link = Links.absolute(string(item, "url"), base);
        if (link == null) {
            link = Links.absolute(string(item, "external_url"), base);
        }
        String guid = id(item.get("id"));
        String title = Text.plain(string(item, "title"));
        String summary = Text.orNull(string(item, "summary"));
        String content = Text.orNull(string(item, "content_html"));
        if (content == null) {
            content = Text.orNull(string(item, "content_text"));
        }
        Instant published = Dates.parse(string(item, "date_published"));
        Instant updated = Dates.parse(string(item, "date_modified"));
        List<String> authors = authors(item);
        String id = EntryMapper.id(feedUrl, link, guid, title, summary != null ? summary : content, published);
        return new FeedEntry(Schema.VERSION, id, feedUrl, null, link, guid, title, summary, content,
                authors.isEmpty() ? feedAuthors : authors, published, updated, tags(item), media(item, base), null);
    }

    /** "https://jsonfeed.org/version/1" → json_1.0, ".../1.1" → json_1.1, anything else → json. */
    private static String format(JsonNode root) {
        String version = string(root, "version");
        if (version == null) {
            return "json";
        }
        String v = version.strip();
        if (v.matches("https?://jsonfeed\\.org/version/1(\\.0)?/?")) {
            return "json_1.0";
        }
        return v.matches("https?://jsonfeed\\.org/version/1\\.1/?") ? "json_1.1" : "json";
    }

    /** An id is a string; numbers (and NaN) are taken as written, anything else is no id. */
    private static String id(JsonNode id) {
        if (id == null || !(id.isTextual() || id.isNumber())) {
            return null;
        }
        return Text.orNull(id.asText().strip());
    }

    /** 1.1 {@code authors} (array), else 1.0 {@code author} (object): names, else URLs. */
    private static List<String> authors(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode authors = node.get("authors");
        if (authors != null && authors.isArray()) {
            authors.forEach(a -> author(a, names));
        }
        JsonNode author = node.get("author");
        if (names.isEmpty() && author != null) {
            author(author, names);
        }
        return List.copyOf(names);
    }

    private static void author(JsonNode author, Set<String> names) {
        if (!author.isObject()) {
            return;
        }
        String name = Text.plain(string(author, "name"));
        if (name == null) {
            name = Text.plain(string(author, "url"));
        }
        if (name != null) {
            names.add(name);
        }
    }

    private static List<String> tags(JsonNode item) {
        Set<String> tags = new LinkedHashSet<>();
        JsonNode list = item.get("tags");
        if (list != null && list.isArray()) {
            list.forEach(t -> {
                String tag = t.isTextual() ? Text.plain(t.asText()) : null;
                if (tag != null) {
                    tags.add(tag);
                }
            });
        }
        return List.copyOf(tags);
    }

    /** Attachments, then the item's image and banner image. */
    private static List<Media> media(JsonNode item, String base) {
        List<Media> media = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        JsonNode attachments = item.get("attachments");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode a : attachments) {
                String url = a.isObject() ? Links.absolute(string(a, "url"), base) : null;
                if (url != null && seen.add(url)) {
                    JsonNode size = a.get("size_in_bytes");
                    Long length = size != null && size.canConvertToLong() && size.asLong() > 0 ? size.asLong() : null;
                    media.add(new Media(url, Text.orNull(string(a, "mime_type")), length, Text.plain(string(a, "title"))));
                }
            }
        }
        for (String key : List.of("image", "banner_image")) {
            String url = Links.absolute(string(item, key), base);
            if (url != null && seen.add(url)) {
                media.add(new Media(url, "image", null, null));
            }
        }
        return media;
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
