package newsflow.index.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One article as stored in Elasticsearch. The JSON field names are a product contract (dashboards query them
 * directly): they match {@code article-mapping.json} and are documented in {@code index/MAPPING.md}. Change
 * them only together with a new template version. {@code i18n} holds the text a second time for an article in a
 * language with fields of its own ({@link TextFields}); it is absent for the others.
 */
public record ArticleDocument(
        @JsonProperty("id") String id,
        @JsonProperty("url") String url,
        @JsonProperty("canonical_url") String canonicalUrl,
        @JsonProperty("guid") String guid,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("body") String body,
        @JsonProperty("authors") List<String> authors,
        @JsonProperty("source") String source,
        @JsonProperty("feed_url") String feedUrl,
        @JsonProperty("site_name") String siteName,
        @JsonProperty("language") String language,
        @JsonProperty("topics") List<String> topics,
        @JsonProperty("topic_scores") List<TopicScoreField> topicScores,
        @JsonProperty("categories") List<String> categories,
        @JsonProperty("published") Instant published,
        @JsonProperty("modified") Instant modified,
        @JsonProperty("fetched_at") Instant fetchedAt,
        @JsonProperty("processed_at") Instant processedAt,
        @JsonProperty("indexed_at") Instant indexedAt,
        @JsonProperty("word_count") Integer wordCount,
        @JsonProperty("extraction_method") String extractionMethod,
        @JsonProperty("field_sources") Map<String, String> fieldSources,
        @JsonProperty("lead_image") String leadImage,
        @JsonProperty("story_id") String storyId,
        @JsonProperty("i18n") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, LanguageText> i18n) {

    public ArticleDocument {
        authors = authors == null ? List.of() : List.copyOf(authors);
        topics = topics == null ? List.of() : List.copyOf(topics);
        topicScores = topicScores == null ? List.of() : List.copyOf(topicScores);
        categories = categories == null ? List.of() : List.copyOf(categories);
        fieldSources = fieldSources == null ? Map.of() : Map.copyOf(fieldSources);
        i18n = i18n == null ? Map.of() : Map.copyOf(i18n);
    }

    /** An entry of {@code topic_scores}: which topic, how confident, and what assigned it. */
    public record TopicScoreField(
            @JsonProperty("name") String name,
            @JsonProperty("score") double score,
            @JsonProperty("source") String source) {
    }

    /** The text of an article under {@code i18n.<language>}, analysed with that language's stemming. */
    public record LanguageText(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("body") String body) {
    }
}
