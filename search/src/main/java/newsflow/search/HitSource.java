package newsflow.search;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The stored fields a hit shows ({@link SearchRequests#HIT_FIELDS}), read with the shared mapper from the hits of
 * a search page and of an export page, where each is one row. A record of those fields only: not the whole
 * {@code ArticleDocument}, thirty components, twenty of them absent from a hit's source.
 *
 * <p>Why {@code published} stays text and the lists are not copied: a 10,000-row export reads 10,000 of these
 * and writes them out again, and parsing and rewriting each instant and copying each list into a {@link SearchHit}
 * showed in its CPU profile. A search page turns its few into {@link SearchHit}s.
 *
 * @param published the instant as {@link Instant#toString()} writes it ({@link UtcInstant#canonical}); null when
 *                  unknown or unreadable
 * @param authors   never null
 * @param topics    never null
 */
public record HitSource(
        @JsonProperty("id") String id,
        @JsonProperty("published") String published,
        @JsonProperty("source") String source,
        @JsonProperty("site_name") String siteName,
        @JsonProperty("language") String language,
        @JsonProperty("title") String title,
        @JsonProperty("url") String url,
        @JsonProperty("authors") List<String> authors,
        @JsonProperty("topics") List<String> topics,
        @JsonProperty("story_id") String storyId) {

    public HitSource {
        published = UtcInstant.canonical(published);
        // a view, not a copy: the mapper's lists are the record's own
        authors = authors == null ? List.of() : Collections.unmodifiableList(authors);
        topics = topics == null ? List.of() : Collections.unmodifiableList(topics);
    }

    /** The fields of a hit whose source the node did not send: its id alone. */
    static HitSource ofId(String id) {
        return new HitSource(id, null, null, null, null, null, null, null, null, null);
    }

    /** These fields under the hit's own id ({@code _id}, which the stored {@code id} equals in an index of ours). */
    HitSource withId(String hitId) {
        return Objects.equals(id, hitId) ? this : new HitSource(hitId, published, source, siteName, language, title,
                url, authors, topics, storyId);
    }

    Instant publishedInstant() {
        return published == null ? null : Instant.parse(published);
    }
}
