package newsflow.app.demo;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article file of the corpus: a header of {@code key: value} lines, a line {@code ---}, then the article body
 * as an HTML fragment. The body is only the story itself; the outlet's template adds every bit of site chrome,
 * so the same fragment can also be the full text of a feed item.
 *
 * @param resource  the file's name under {@code articles/}, for error messages
 * @param fields    header fields (single-valued)
 * @param comments  reader comments shown under the article, in order
 * @param body      the article body fragment
 */
record ArticleSource(String resource, Map<String, String> fields, List<Comment> comments, String body) {

    /** A reader comment: {@code comment: Author | 2026-11-23T10:02:00Z | text}. */
    record Comment(String author, OffsetDateTime posted, String text) {
    }

    private static final List<String> REQUIRED = List.of("outlet", "path", "title", "description", "section", "author", "published");

    static ArticleSource load(String resource) {
        return parse(resource, ClasspathText.text("articles/" + resource));
    }

    static ArticleSource parse(String resource, String text) {
        int separator = text.indexOf("\n---\n");
        if (separator < 0) {
            throw new IllegalStateException(resource + ": no '---' line between header and body");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<Comment> comments = new ArrayList<>();
        for (String raw : text.substring(0, separator).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(resource + ": header line without 'key:': " + line);
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (key.equals("comment")) {
                comments.add(comment(resource, value));
            } else if (fields.put(key, value) != null) {
                throw new IllegalStateException(resource + ": header field '" + key + "' given twice");
            }
        }
        for (String key : REQUIRED) {
            if (fields.getOrDefault(key, "").isEmpty()) {
                throw new IllegalStateException(resource + ": header field '" + key + "' is required");
            }
        }
        ArticleSource source = new ArticleSource(resource, Map.copyOf(fields), List.copyOf(comments), text.substring(separator + 5).strip());
        source.published(); // fail at load time, not when a template first asks for the date
        source.modified();
        return source;
    }

    private static Comment comment(String resource, String value) {
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalStateException(resource + ": a comment needs 'author | date | text': " + value);
        }
        return new Comment(parts[0].strip(), date(resource, parts[1].strip()), parts[2].strip());
    }

    String field(String key) {
        return fields.getOrDefault(key, "");
    }

    String outlet() {
        return field("outlet");
    }

    String path() {
        return field("path");
    }

    String title() {
        return field("title");
    }

    String section() {
        return field("section");
    }

    String lang() {
        return fields.getOrDefault("lang", "en");
    }

    OffsetDateTime published() {
        return date(resource, field("published"));
    }

    OffsetDateTime modified() {
        return fields.containsKey("modified") ? date(resource, field("modified")) : published();
    }

    List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String t : field("tags").split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        return tags;
    }

    boolean commentsOpen() {
        return !comments.isEmpty() || Boolean.parseBoolean(field("comments_open"));
    }

    private static OffsetDateTime date(String resource, String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(resource + ": not an ISO-8601 date with offset: " + value, e);
        }
    }
}
