package newsflow.index.schema;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.index.document.TextFields;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIndexTest {

    private final ArticleIndex index = new ArticleIndex(null,
            new ElasticsearchConfig("http://localhost:9200", "", "", "", "newsflow-articles", 2, 1, 500));

    @Test
    void templateCoversTheVersionedPatternAndAddsTheReadAlias() {
        JsonNode body = index.templateBody(TextAnalysis.Flavor.STANDARD);

        assertThat(body.get("index_patterns").get(0).asText()).isEqualTo("newsflow-articles-v2-*");
        assertThat(body.get("version").asInt()).isEqualTo(2);
        assertThat(index.names().archive()).as("the archive index is under the pattern too").startsWith("newsflow-articles-v2-");
        assertThat(body.at("/template/settings/refresh_interval").asText()).isEqualTo("1s");
        assertThat(body.at("/template/aliases").has("newsflow-articles")).isTrue();
        assertThat(body.at("/template/settings/number_of_shards").asInt()).isEqualTo(2);
        assertThat(body.at("/template/settings/number_of_replicas").asInt()).isEqualTo(1);
        assertThat(body.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
        assertThat(body.at("/template/mappings/properties/title/fields/keyword/type").asText()).isEqualTo("keyword");
    }

    @Test
    void theRefreshIntervalIsTheConfiguredOne() {
        ElasticsearchConfig slower = new ElasticsearchConfig("http://localhost:9200", "", "", "", "newsflow-articles", 1, 0,
                500, Duration.ofMillis(250), Duration.ofMillis(1500), false);

        assertThat(new ArticleIndex(null, slower).templateBody(TextAnalysis.Flavor.STANDARD)
                .at("/template/settings/refresh_interval").asText()).isEqualTo("1500ms");
        assertThat(ArticleIndex.timeValue(Duration.ofSeconds(2))).isEqualTo("2s");
    }

    @Test
    void textAnalysisFollowsWhatTheNodeOffers() {
        assertThat(index.templateBody(TextAnalysis.Flavor.BUILT_IN).at("/_meta/text_analysis").asText()).isEqualTo("built-in");
        assertThat(index.templateBody(TextAnalysis.Flavor.PLUGIN).at("/template/settings/analysis/analyzer/newsflow_text/filter/0").asText())
                .isEqualTo("newsflow_possessive_english");
        assertThat(index.templateBody(TextAnalysis.Flavor.STANDARD).at("/template/settings/analysis/analyzer/newsflow_text/type").asText())
                .isEqualTo("standard");
        assertThat(index.templateBody(TextAnalysis.Flavor.BUILT_IN).at("/template/mappings/properties/body/analyzer").asText())
                .isEqualTo("newsflow_text");
    }

    @Test
    void everyAnalyzerTheMappingNamesIsDefinedInEveryFlavor() {
        for (TextAnalysis.Flavor flavor : TextAnalysis.Flavor.values()) {
            JsonNode body = index.templateBody(flavor);
            JsonNode analyzers = body.at("/template/settings/analysis/analyzer");
            List<String> named = new ArrayList<>();
            collectAnalyzers(body.at("/template/mappings"), named);

            assertThat(named).as(flavor.label).contains("newsflow_text", "newsflow_text_fr", "newsflow_text_de");
            named.forEach(a -> assertThat(analyzers.has(a)).as(flavor.label + " defines " + a).isTrue());
        }
    }

    @Test
    void theMappingHasTheFieldsOfEveryLanguageAndNoOther() {
        JsonNode i18n = ArticleIndex.mapping().at("/properties/i18n/properties");
        List<String> keys = new ArrayList<>();
        i18n.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactlyElementsOf(TextFields.LANGUAGES);
        for (String key : TextFields.LANGUAGES) {
            for (String field : List.of(TextFields.TITLE, TextFields.DESCRIPTION, TextFields.BODY)) {
                assertThat(i18n.at("/" + key + "/properties/" + field + "/analyzer").asText())
                        .as(TextFields.languageField(key, field)).isEqualTo(TextAnalysis.analyzerFor(key));
            }
        }
    }

    private static void collectAnalyzers(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("analyzer") && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else {
                    collectAnalyzers(e.getValue(), into);
                }
            });
        }
    }
}
