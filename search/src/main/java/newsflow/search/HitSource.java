package newsflow.search;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * The stored fields a hit shows ({@link SearchRequests#HIT_FIELDS}), read from the hits of a search page and of an
 * export page. A record of those fields only: reading each of 10,000 hits into the whole {@code ArticleDocument}
 * (thirty components, twenty of them absent from a hit's source) was most of an export's own CPU time.
 */
record HitSource(
        @JsonProperty("id") String id,
        @JsonProperty("published") Instant published,
        @JsonProperty("source") String source,
        @JsonProperty("site_name") String siteName,
        @JsonProperty("language") String language,
        @JsonProperty("title") String title,
        @JsonProperty("url") String url,
        @JsonProperty("authors") List<String> authors,
        @JsonProperty("topics") List<String> topics,
        @JsonProperty("story_id") String storyId) {

    /** The hit as an export writes it: no highlights, no score (an export is in date or score order, not shown). */
    SearchHit toHit(String hitId) {
        return new SearchHit(hitId, title, url, source, siteName, published, language, topics, authors, null, List.of(),
                null, storyId, List.of());
    }
}
