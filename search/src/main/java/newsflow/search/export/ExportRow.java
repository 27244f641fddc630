package newsflow.search.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import newsflow.search.SearchHit;

import java.time.Instant;
import java.util.List;

/**
 * One exported article: the columns of a CSV export, in order, and the keys of an NDJSON line
 * (docs/api.md#export).
 */
record ExportRow(
        String id,
        Instant published,
        String source,
        @JsonProperty("site_name") String siteName,
        String language,
        String title,
        String url,
        List<String> authors,
        List<String> topics,
        @JsonProperty("story_id") String storyId) {

    /** The CSV header, the columns in order. */
    static final List<String> COLUMNS = List.of("id", "published", "source", "site_name", "language", "title", "url",
            "authors", "topics", "story_id");
    /** How a list (authors, topics) is written in one CSV cell. */
    static final String LIST_SEPARATOR = "; ";

    static ExportRow of(SearchHit hit) {
        return new ExportRow(hit.id(), hit.published(), hit.source(), hit.siteName(), hit.language(), hit.title(),
                hit.url(), hit.authors(), hit.topics(), hit.storyId());
    }

    /** The CSV cells, in {@link #COLUMNS} order, before escaping. */
    List<String> cells() {
        return java.util.Arrays.asList(id, published == null ? null : published.toString(), source, siteName, language,
                title, url, String.join(LIST_SEPARATOR, authors), String.join(LIST_SEPARATOR, topics), storyId);
    }
}
