package newsflow.index.document;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.json.Json;
import newsflow.common.model.Article;
import newsflow.common.model.Schema;
import newsflow.common.model.TopicScore;
import newsflow.index.testing.TestArticles;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleDocumentsTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-03T08:15:00Z");
    private static final Instant FETCHED = Instant.parse("2026-11-03T09:00:00Z");
    private static final Instant PROCESSED = Instant.parse("2026-11-03T09:00:05Z");
    private static final Instant NOW = Instant.parse("2026-11-03T09:00:07Z");

    @Test
    void mapsEveryArticleFieldToItsDocumentField() {
        ArticleDocument doc = ArticleDocuments.from(TestArticles.article(PUBLISHED, FETCHED, PROCESSED), NOW);

        assertThat(doc.id()).isEqualTo("a1");
        assertThat(doc.url()).isEqualTo("https://harbour.example/news/ferry?utm_source=x");
        assertThat(doc.canonicalUrl()).isEqualTo("https://harbour.example/news/ferry");
        assertThat(doc.guid()).isEqualTo("urn:harbour:4711");
        assertThat(doc.title()).isEqualTo("New ferry route opens");
        assertThat(doc.body()).startsWith("The harbour authority");
        assertThat(doc.authors()).containsExactly("Mara Lind", "Olle Berg");
        assertThat(doc.source()).isEqualTo("Harbour Gazette");
        assertThat(doc.feedUrl()).isEqualTo("https://harbour.example/feed.xml");
        assertThat(doc.language()).isEqualTo("en");
        assertThat(doc.topics()).containsExactly("transport", "local");
        assertThat(doc.topicScores()).extracting(ArticleDocument.TopicScoreField::score).containsExactly(0.92, 0.4);
        assertThat(doc.categories()).containsExactly("Transport", "Local");
        assertThat(doc.published()).isEqualTo(PUBLISHED);
        assertThat(doc.fetchedAt()).isEqualTo(FETCHED);
        assertThat(doc.processedAt()).isEqualTo(PROCESSED);
        assertThat(doc.indexedAt()).isEqualTo(NOW);
        assertThat(doc.wordCount()).isEqualTo(12);
        assertThat(doc.extractionMethod()).isEqualTo("PAGE");
        assertThat(doc.fieldSources()).containsEntry("title", "json-ld").containsEntry("published", "meta");
        assertThat(doc.leadImage()).isEqualTo("https://harbour.example/img/ferry.jpg");
        assertThat(doc.storyId()).as("an article not grouped heads its own story").isEqualTo(doc.id());
    }

    @Test
    void keepsEachTopicsTaxonomyInItsOwnFieldAndTheUnionInTopics() {
        Article article = TestArticles.article(PUBLISHED, FETCHED, PROCESSED).withTopics(List.of(
                new TopicScore("science", 0.6, TopicScore.RULE),
                new TopicScore("water", 1.0, TopicScore.WATCH),
                new TopicScore("science and technology", 0.7, TopicScore.IPTC, "medtop:13000000", null),
                new TopicScore("natural science", 0.25, TopicScore.IPTC, "medtop:20000717", "medtop:13000000"),
                new TopicScore("sport", 0.9, TopicScore.MODEL, "medtop:15000000", null),
                new TopicScore("harbour", 0.8, TopicScore.MODEL),
                new TopicScore("science", 0.5, TopicScore.RULE)));

        ArticleDocument doc = ArticleDocuments.from(article, NOW);

        assertThat(doc.iptc()).containsExactly(
                new ArticleDocument.IptcField("medtop:13000000", "science and technology", null),
                new ArticleDocument.IptcField("medtop:20000717", "natural science", "medtop:13000000"),
                new ArticleDocument.IptcField("medtop:15000000", "sport", null));
        assertThat(doc.operatorTopics()).containsExactly("science");
        assertThat(doc.watchTopics()).containsExactly("water");
        assertThat(doc.modelTopics()).as("model labels with an IPTC code are IPTC topics").containsExactly("harbour");
        assertThat(doc.topics()).containsExactly("science", "water", "science and technology", "natural science",
                "sport", "harbour");
        assertThat(doc.topicScores()).filteredOn(t -> "natural science".equals(t.name())).singleElement()
                .extracting(ArticleDocument.TopicScoreField::code, ArticleDocument.TopicScoreField::parent)
                .containsExactly("medtop:20000717", "medtop:13000000");
    }

    @Test
    void anArticleWithoutTopicsOfATaxonomyHasNoFieldForIt() {
        JsonNode json = Json.mapper().valueToTree(ArticleDocuments.from(TestArticles.article(PUBLISHED, FETCHED, PROCESSED)
                .withTopics(List.of(new TopicScore("transport", 0.9, TopicScore.RULE))), NOW));

        assertThat(json.get("operator_topics")).extracting(JsonNode::asText).containsExactly("transport");
        assertThat(json.has("iptc")).isFalse();
        assertThat(json.has("watch_topics")).isFalse();
        assertThat(json.has("model_topics")).isFalse();
        assertThat(json.get("topic_scores").get(0).has("code")).isFalse();
    }

    @Test
    void serialisesWithTheContractFieldNamesAndIsoDates() {
        JsonNode json = Json.mapper().valueToTree(ArticleDocuments.from(TestArticles.article(PUBLISHED, FETCHED, PROCESSED), NOW));

        assertThat(json.get("canonical_url").asText()).isEqualTo("https://harbour.example/news/ferry");
        assertThat(json.get("published").asText()).isEqualTo("2026-11-03T08:15:00Z");
        assertThat(json.get("topic_scores").get(0).get("name").asText()).isEqualTo("transport");
        assertThat(json.has("canonicalUrl")).isFalse();
        assertThat(json.get("story_id").asText()).isEqualTo(json.get("id").asText());
    }

    @Test
    void everySerialisedFieldIsInTheStrictMapping() throws Exception {
        JsonNode mapping;
        try (InputStream in = getClass().getResourceAsStream("/newsflow/index/article-mapping.json")) {
            mapping = Json.mapper().readTree(in);
        }
        JsonNode properties = mapping.get("properties");
        JsonNode json = Json.mapper().valueToTree(ArticleDocuments.from(TestArticles.article(PUBLISHED, FETCHED, PROCESSED), NOW));

        List<String> unmapped = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!properties.has(name)) {
                unmapped.add(name);
            }
        });
        assertThat(unmapped).as("fields a strict mapping would refuse").isEmpty();
        assertThat(mapping.get("dynamic").asText()).isEqualTo("strict");
    }

    @Test
    void anArticleInALanguageWithFieldsOfItsOwnCarriesItsTextThereToo() {
        Article french = inLanguage("fr", "Les élections municipales", "Les électeurs ont voté.");

        ArticleDocument doc = ArticleDocuments.from(french, NOW);

        assertThat(doc.i18n()).containsOnlyKeys("fr");
        assertThat(doc.i18n().get("fr")).isEqualTo(new ArticleDocument.LanguageText(
                "Les élections municipales", "Résumé", "Les électeurs ont voté."));
        assertThat(doc.title()).as("the English fields keep every article's text").isEqualTo("Les élections municipales");
        JsonNode json = Json.mapper().valueToTree(doc);
        assertThat(json.at("/i18n/fr/body").asText()).isEqualTo("Les électeurs ont voté.");
    }

    @Test
    void bothWrittenFormsOfNorwegianShareTheNorwegianFields() {
        assertThat(ArticleDocuments.from(inLanguage("nb", "Valget", "Velgerne stemte."), NOW).i18n()).containsOnlyKeys("no");
        assertThat(ArticleDocuments.from(inLanguage("nn", "Valet", "Veljarane røysta."), NOW).i18n()).containsOnlyKeys("no");
    }

    @Test
    void englishUndeterminedAndOtherLanguagesHaveNoLanguageFields() {
        for (String language : List.of("en", "und", "ja")) {
            ArticleDocument doc = ArticleDocuments.from(inLanguage(language, "Title", "Body text."), NOW);

            assertThat(doc.i18n()).as(language).isEmpty();
            assertThat(Json.mapper().<JsonNode>valueToTree(doc).has("i18n")).as(language).isFalse();
        }
    }

    @Test
    void theLanguageFieldsOfADocumentAreInTheStrictMapping() throws Exception {
        JsonNode mapping;
        try (InputStream in = getClass().getResourceAsStream("/newsflow/index/article-mapping.json")) {
            mapping = Json.mapper().readTree(in);
        }
        for (String language : TextFields.LANGUAGES) {
            JsonNode json = Json.mapper().valueToTree(ArticleDocuments.from(inLanguage(language, "T", "B"), NOW));
            json.get("i18n").get(language).fieldNames().forEachRemaining(field ->
                    assertThat(mapping.at("/properties/i18n/properties/" + language + "/properties/" + field + "/type").asText())
                            .as(TextFields.languageField(language, field)).isEqualTo("text"));
        }
    }

    private static Article inLanguage(String language, String title, String body) {
        return new Article(Schema.VERSION, "l-" + language, "https://x.example/" + language, null, null, title, body,
                null, null, null, null, null, "Résumé", language, null, 3, null, PROCESSED);
    }

    @Test
    void fillsGapsOfASparseArticle() {
        Article sparse = new Article(Schema.VERSION, "b2", "https://x.example/b", null, null, " ", null,
                null, null, null, "", null, null, null, null, 0, null, PROCESSED);

        ArticleDocument doc = ArticleDocuments.from(sparse, NOW);

        assertThat(doc.title()).isNull();
        assertThat(doc.language()).isEqualTo("und");
        assertThat(doc.source()).isNull();
        assertThat(doc.authors()).isEmpty();
        assertThat(doc.extractionMethod()).isNull();
        assertThat(doc.leadImage()).isNull();
    }

    @Test
    void refusesAnArticleWithoutId() {
        Article noId = new Article(Schema.VERSION, "", "https://x.example/c", null, null, "t", "b",
                null, null, null, null, null, null, "en", null, 1, null, PROCESSED);

        assertThatThrownBy(() -> ArticleDocuments.from(noId, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://x.example/c");
    }
}
