package newsflow.index.schema;

import com.fasterxml.jackson.databind.JsonNode;
import newsflow.common.config.ElasticsearchConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIndexTest {

    private final ArticleIndex index = new ArticleIndex(null,
            new ElasticsearchConfig("http://localhost:9200", "", "", "", "newsflow-articles", 2, 1, 500));

    @Test
    void templateCoversTheVersionedPatternAndAddsTheReadAlias() {
        JsonNode body = index.templateBody("standard");

        assertThat(body.get("index_patterns").get(0).asText()).isEqualTo("newsflow-articles-v1-*");
        assertThat(index.names().archive()).as("the archive index is under the pattern too").startsWith("newsflow-articles-v1-");
        assertThat(body.at("/template/settings/refresh_interval").asText()).isEqualTo("1s");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.at("/template/aliases").has("newsflow-articles")).isTrue();
        assertThat(body.at("/template/settings/number_of_shards").asInt()).isEqualTo(2);
        assertThat(body.at("/template/settings/number_of_replicas").asInt()).isEqualTo(1);
        assertThat(body.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
        assertThat(body.at("/template/mappings/properties/title/fields/keyword/type").asText()).isEqualTo("keyword");
    }

    @Test
    void textAnalyzerFollowsWhatTheNodeOffers() {
        assertThat(index.templateBody("english").at("/template/settings/analysis/analyzer/newsflow_text/type").asText())
                .isEqualTo("english");
        assertThat(index.templateBody("standard").at("/template/settings/analysis/analyzer/newsflow_text/type").asText())
                .isEqualTo("standard");
        assertThat(index.templateBody("english").at("/template/mappings/properties/body/analyzer").asText())
                .isEqualTo("newsflow_text");
    }
}
