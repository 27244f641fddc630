package newsflow.index.document;

import newsflow.common.model.Article;
import newsflow.common.model.FeedEntry;
import newsflow.common.model.TopicScore;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Maps an {@link Article} from the articles topic to the document stored in Elasticsearch. */
public final class ArticleDocuments {

    private ArticleDocuments() {
    }

    /**
     * @param indexedAt when this indexing happens (a re-index overwrites it)
     * @throws IllegalArgumentException when the article lacks an id: it cannot be stored idempotently
     */
    public static ArticleDocument from(Article article, Instant indexedAt) {
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("article has no id (url " + article.url() + ")");
        }
        FeedEntry entry = article.entry();
        List<String> topics = article.topics().stream()
                .map(TopicScore::name)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        List<ArticleDocument.TopicScoreField> scores = article.topics().stream()
                .filter(t -> t.name() != null)
                .map(t -> new ArticleDocument.TopicScoreField(t.name(), t.score(), t.source(), t.code(), t.parent()))
                .toList();
        TopicsByTaxonomy byTaxonomy = TopicsByTaxonomy.of(article.topics());
        Map<String, String> fieldSources = article.extraction() == null
                ? Map.of()
                : new TreeMap<>(article.extraction().fieldSources().byWireName());
        String title = blankToNull(article.title());
        String description = blankToNull(article.description());
        String body = blankToNull(article.body());
        String language = article.language() == null || article.language().isBlank() ? "und" : article.language();
        Map<String, ArticleDocument.LanguageText> i18n = TextFields.languageKey(language)
                .map(key -> Map.of(key, new ArticleDocument.LanguageText(title, description, body)))
                .orElse(Map.of());
        return new ArticleDocument(
                article.id(),
                article.url(),
                article.canonicalUrl(),
                entry == null ? null : entry.guid(),
                title,
                description,
                body,
                distinctNonBlank(article.authors()),
                entry == null ? null : blankToNull(entry.feedTitle()),
                entry == null ? null : entry.feedUrl(),
                blankToNull(article.siteName()),
                language,
                topics,
                scores,
                byTaxonomy.iptc(),
                byTaxonomy.operatorTopics(),
                byTaxonomy.watchTopics(),
                byTaxonomy.modelTopics(),
                entry == null ? List.of() : distinctNonBlank(entry.categories()),
                article.published(),
                article.modified(),
                entry == null ? null : entry.fetchedAt(),
                article.processedAt(),
                indexedAt,
                article.wordCount(),
                article.extraction() == null || article.extraction().method() == null
                        ? null : article.extraction().method().name(),
                fieldSources,
                blankToNull(article.leadImage()),
                // an article not grouped heads its own story: every document has one, so collapsing never
                // lumps ungrouped articles together under a missing value
                article.storyId() != null && !article.storyId().isBlank() ? article.storyId() : article.id(),
                i18n);
    }

    private static List<String> distinctNonBlank(List<String> values) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v.strip());
            }
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
