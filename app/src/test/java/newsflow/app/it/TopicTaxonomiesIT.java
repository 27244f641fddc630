package newsflow.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.json.Json;
import newsflow.common.model.Article;
import newsflow.common.model.Schema;
import newsflow.common.model.TopicScore;
import newsflow.index.document.ArticleDocument;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;
import newsflow.index.schema.IndexNames;
import newsflow.search.Facets;
import newsflow.search.SearchQuery;
import newsflow.search.query.Filters;
import newsflow.search.SearchResult;
import newsflow.search.SearchService;
import newsflow.common.config.SearchConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Topics per taxonomy on the real node: an index created by the previous mapping (no taxonomy fields, as a deployed
 * index of this month has) takes the new fields when the index stage sets up, so articles carrying them are stored
 * there, even beside a field it cannot change in place; the search facets then list IPTC topics by code with label and parent, operator topics, watch-topics, model
 * labels and authors apart; {@code topic=} takes an IPTC code (the topic and those below it) or any topic name.
 */
class TopicTaxonomiesIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static NewsflowConfig config;
    private static ElasticsearchClient es;
    private static SearchService search;
    private static String legacyIndex;

    @BeforeAll
    static void legacyIndexThenSetupThenArticles() throws IOException {
        config = IsolatedRun.config("taxonomy", List.of());
        es = ElasticsearchClients.create(config.elasticsearch());
        IndexNames names = IndexNames.current(config.elasticsearch().index());
        legacyIndex = names.forMonth(NOW);
        createLegacyIndex(legacyIndex, names.alias());

        new ArticleIndex(es, config.elasticsearch()).ensure();

        index(article("a", "Assembly passes the water bill", List.of("Ruth Kaminski"),
                new TopicScore("politics", 0.8, TopicScore.RULE),
                new TopicScore("water supply", 1.0, TopicScore.WATCH),
                new TopicScore("politics", 0.6, TopicScore.IPTC, "medtop:11000000", null),
                new TopicScore("election", 0.25, TopicScore.IPTC, "medtop:20000621", "medtop:11000000")));
        index(article("b", "Comet water like Earth's", List.of("Marcus Hale"),
                new TopicScore("science", 0.6, TopicScore.RULE),
                new TopicScore("science and technology", 0.7, TopicScore.IPTC, "medtop:13000000", null)));
        index(article("c", "Council budget approved", List.of("Ruth Kaminski"),
                new TopicScore("politics", 0.5, TopicScore.IPTC, "medtop:11000000", null),
                new TopicScore("harbour", 0.9, TopicScore.MODEL)));
        es.indices().refresh(r -> r.index(names.alias()));
        search = new SearchService(es, names.alias(), SearchConfig.DEFAULTS);
    }

    @AfterAll
    static void close() throws IOException {
        if (es != null) {
            es.close();
        }
    }

    @Test
    void anIndexOfThePreviousMappingTakesTheTaxonomyFields() throws IOException {
        Map<String, Property> properties = es.indices().getMapping(m -> m.index(legacyIndex)).get(legacyIndex)
                .mappings().properties();

        assertThat(properties.get("iptc").object().properties()).containsOnlyKeys("code", "label", "parent")
                .allSatisfy((name, p) -> assertThat(p.isKeyword()).as(name).isTrue());
        assertThat(properties.get("operator_topics").isKeyword()).isTrue();
        assertThat(properties.get("watch_topics").isKeyword()).isTrue();
        assertThat(properties.get("model_topics").isKeyword()).isTrue();
        assertThat(properties.get("topic_scores").nested().properties()).containsKeys("code", "parent");
        assertThat(properties.get("word_count").isKeyword()).as("a conflicting field is left as it was").isTrue();
        assertThat(search.search(query(null))).extracting(SearchResult::total).isEqualTo(3L);
    }

    @Test
    void facetsListEachTaxonomyApart() {
        Facets facets = search.search(query(null)).facets();

        assertThat(facets.iptc()).containsExactlyInAnyOrder(
                new Facets.IptcCount("medtop:11000000", "politics", 2, null),
                new Facets.IptcCount("medtop:20000621", "election", 1, "medtop:11000000"),
                new Facets.IptcCount("medtop:13000000", "science and technology", 1, null));
        assertThat(facets.iptc().getFirst().key()).isEqualTo("medtop:11000000");
        assertThat(facets.operatorTopics()).containsExactly(
                new Facets.FacetCount("politics", 1), new Facets.FacetCount("science", 1));
        assertThat(facets.watchTopics()).containsExactly(new Facets.FacetCount("water supply", 1));
        assertThat(facets.modelTopics()).containsExactly(new Facets.FacetCount("harbour", 1));
        assertThat(facets.authors()).containsExactly(
                new Facets.FacetCount("Ruth Kaminski", 2), new Facets.FacetCount("Marcus Hale", 1));
    }

    @Test
    void anIptcCodeFindsTheTopicAndEverythingBelowItAndANameFindsItInAnyTaxonomy() {
        assertThat(ids(query("medtop:11000000"))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(query("medtop:20000621"))).containsExactly("a");
        assertThat(ids(query("politics"))).as("operator topic on a, IPTC label on a and c").containsExactlyInAnyOrder("a", "c");
        assertThat(ids(query("science and technology"))).containsExactly("b");
        assertThat(ids(query("water supply"))).containsExactly("a");
        assertThat(ids(query("harbour"))).containsExactly("c");
    }

    private static List<String> ids(SearchQuery query) {
        return search.search(query).hits().stream().map(h -> h.id()).toList();
    }

    private static SearchQuery query(String topic) {
        return new SearchQuery(SearchQuery.text("").scope().withFilters(
                new Filters(topic == null ? List.of() : List.of(topic), List.of(), List.of(), List.of(), null, null)));
    }

    private static Article article(String id, String title, List<String> authors, TopicScore... topics) {
        return new Article(Schema.VERSION, id, "https://example.org/" + id, "https://example.org/" + id, null, title,
                title + ". The text.", authors, NOW, null, null, "Example", null, "en", List.of(topics), 4, null, NOW);
    }

    private static void index(Article article) throws IOException {
        ArticleDocument doc = ArticleDocuments.from(article, NOW);
        es.index(i -> i.index(legacyIndex).id(doc.id()).document(doc).refresh(Refresh.True));
    }

    /** This month's index as the previous template made it: the mapping without the taxonomy fields, the old analyzer. */
    private static void createLegacyIndex(String index, String alias) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        body.putObject("settings").putObject("analysis").putObject("analyzer").putObject("newsflow_text")
                .put("type", "standard");
        JsonNode mappings = resource("/legacy/article-mapping-v1-before-taxonomy-fields.json");
        // one field the current mapping cannot change in place: it stays, and every other field still arrives
        ((ObjectNode) mappings.get("properties")).putObject("word_count").put("type", "keyword");
        body.set("mappings", mappings);
        body.putObject("aliases").putObject(alias);
        String json = Json.write(body);
        es.indices().create(c -> c.index(index).withJson(new StringReader(json)));
    }

    private static JsonNode resource(String name) {
        try (InputStream in = TopicTaxonomiesIT.class.getResourceAsStream(name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
