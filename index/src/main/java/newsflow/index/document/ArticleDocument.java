package newsflow.index.document;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One article as stored in Elasticsearch. The JSON field names are a product contract (dashboards query them
 * directly): they match {@code article-mapping.json} and are documented in {@code docs/index.md}. Change
 * them only together with a new template version.
 *
 * <p>Topics are kept per taxonomy: {@code iptc} (IPTC Media Topics with code, official label and parent code),
 * {@code operator_topics} (the operator's rules), {@code watch_topics} and {@code model_topics} (a trained model's
 * labels that are no IPTC topic); {@code topics} stays the union of every topic's name, as before. The per-taxonomy
 * lists are absent (null) when empty, so documents written before they existed read and write back unchanged.
 *
 * <p>{@code i18n} holds the text a second time for an article in a language with fields of its own
 * ({@link TextFields}); it is absent for the others.
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
        @JsonProperty("iptc") List<IptcField> iptc,
        @JsonProperty("operator_topics") List<String> operatorTopics,
        @JsonProperty("watch_topics") List<String> watchTopics,
        @JsonProperty("model_topics") List<String> modelTopics,
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
        iptc = emptyToNull(iptc);
        operatorTopics = emptyToNull(operatorTopics);
        watchTopics = emptyToNull(watchTopics);
        modelTopics = emptyToNull(modelTopics);
        categories = categories == null ? List.of() : List.copyOf(categories);
        fieldSources = fieldSources == null ? Map.of() : Map.copyOf(fieldSources);
        i18n = i18n == null ? Map.of() : Map.copyOf(i18n);
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }

    /**
     * An entry of {@code topic_scores}: which topic, how confident, what assigned it, and for an IPTC topic its code
     * and its parent's code (null otherwise).
     */
    public record TopicScoreField(
            @JsonProperty("name") String name,
            @JsonProperty("score") double score,
            @JsonProperty("source") String source,
            @JsonProperty("code") String code,
            @JsonProperty("parent") String parent) {

        public TopicScoreField(String name, double score, String source) {
            this(name, score, source, null, null);
        }
    }

    /** An IPTC Media Topic of the article: its code, official label, and the code one level up (null at the top). */
    public record IptcField(
            @JsonProperty("code") String code,
            @JsonProperty("label") String label,
            @JsonProperty("parent") String parent) {
    }

    /** The text of an article under {@code i18n.<language>}, analysed with that language's stemming. */
    public record LanguageText(
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty("body") String body) {
    }
}
