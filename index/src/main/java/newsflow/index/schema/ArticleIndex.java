package newsflow.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * Sets up the article index: the versioned index template (settings, mapping, alias) and the current month's
 * index, so the read alias resolves even before the first article arrives. Monthly indices for other months are
 * created by Elasticsearch on the first bulk write into them and get mapping and alias from the template.
 *
 * <p>Safe to run from several instances at once: putting an identical template twice is a no-op in effect, and
 * an index another instance created first is accepted.
 */
public final class ArticleIndex {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);
    private static final String MAPPING_RESOURCE = "/newsflow/index/article-mapping.json";
    /** Above the built-in templates (priority 100 and below) so ours wins for its pattern. */
    private static final int TEMPLATE_PRIORITY = 200;

    /**
     * What {@link #ensure} set up. {@code textAnalysis} names the filters the text analyzers are made of:
     * {@code built-in}, {@code plugin} (newsflow's analysis plugin) or {@code standard} (no stemming at all).
     */
    public record Setup(String template, String currentIndex, String alias, String textAnalysis) {
    }

    private final ElasticsearchClient client;
    private final ElasticsearchConfig config;
    private final IndexNames names;
    private final Clock clock;

    public ArticleIndex(ElasticsearchClient client, ElasticsearchConfig config) {
        this(client, config, Clock.systemUTC());
    }

    ArticleIndex(ElasticsearchClient client, ElasticsearchConfig config, Clock clock) {
        this.client = client;
        this.config = config;
        this.names = IndexNames.current(config.index());
        this.clock = clock;
    }

    public IndexNames names() {
        return names;
    }

    /**
     * Puts the template and creates this month's index if missing.
     *
     * @throws IOException            when the node cannot be reached (the caller retries)
     * @throws ElasticsearchException when the node refuses the template
     */
    public Setup ensure() throws IOException {
        TextAnalysis.Flavor analysis = analysisFlavor();
        if (analysis == TextAnalysis.Flavor.STANDARD) {
            log.warn("Elasticsearch has neither the analysis-common module nor newsflow's analysis plugin: title, "
                    + "description and body of new indices use the 'standard' analyzer, so searches will not match word "
                    + "variants (install the plugin from es-plugins/ of the newsflow layout, see docs/text-analysis.md)");
        }
        String body = Json.write(templateBody(analysis));
        client.indices().putIndexTemplate(t -> t.name(names.template()).withJson(new StringReader(body)));
        String current = names.forMonth(clock.instant());
        createIfMissing(current);
        log.info("index template {} (pattern {}, text analysis {}) in place, alias {}, current index {}",
                names.template(), names.pattern(), analysis.label, names.alias(), current);
        warnAboutOlderSchemas();
        return new Setup(names.template(), current, names.alias(), analysis.label);
    }

    /**
     * Which filters the node offers: Elasticsearch's own (a full distribution), else newsflow's plugin, else none.
     * Asked with {@code _analyze} requests using every filter of each kind, so what is chosen is known to work.
     */
    TextAnalysis.Flavor analysisFlavor() throws IOException {
        for (TextAnalysis.Flavor flavor : List.of(TextAnalysis.Flavor.BUILT_IN, TextAnalysis.Flavor.PLUGIN)) {
            String probe = Json.write(TextAnalysis.probe(flavor));
            try {
                client.indices().analyze(a -> a.withJson(new StringReader(probe)));
                return flavor;
            } catch (ElasticsearchException e) {
                if (e.status() != 400) {
                    throw e;
                }
                log.debug("text analysis {} not available: {}", flavor.label, e.getMessage());
            }
        }
        return TextAnalysis.Flavor.STANDARD;
    }

    /**
     * Indices of an older schema version stay under the alias and are searched as they are (with the analysis
     * they were created with). An article of theirs indexed again (a replay, {@code newsflow retag}) goes to the
     * current version's index and exists twice until the old index is deleted: say so at every start.
     */
    private void warnAboutOlderSchemas() throws IOException {
        String current = names.template() + "-";
        List<String> older = client.indices().getAlias(a -> a.name(names.alias())).aliases().keySet().stream()
                .filter(index -> !index.startsWith(current))
                .sorted()
                .toList();
        if (!older.isEmpty()) {
            log.warn("{} indices of an older schema are still read through alias {} ({}): their articles keep their "
                            + "old analysis, and re-indexing them (replay, retag) writes copies into {}-* indices; "
                            + "delete them once re-indexed (docs/text-analysis.md)",
                    older.size(), names.alias(), String.join(", ", older), names.template());
        }
    }

    private void createIfMissing(String index) throws IOException {
        try {
            client.indices().create(c -> c.index(index));
            log.info("created index {}", index);
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** The template request body: pattern, priority, settings, mapping (from the resource file) and read alias. */
    ObjectNode templateBody(TextAnalysis.Flavor analysis) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putArray("index_patterns").add(names.pattern());
        root.put("priority", TEMPLATE_PRIORITY);
        root.put("version", names.version());
        root.putObject("_meta").put("managed_by", "newsflow").put("text_analysis", analysis.label);
        ObjectNode template = root.putObject("template");
        ObjectNode settings = template.putObject("settings");
        settings.put("number_of_shards", config.shards());
        settings.put("number_of_replicas", config.replicas());
        // The mapping refers to the analyzers by name only; what they are made of gets decided here, per node.
        settings.set("analysis", TextAnalysis.settings(analysis));
        template.set("mappings", mapping());
        template.putObject("aliases").putObject(names.alias());
        return root;
    }

    static JsonNode mapping() {
        try (InputStream in = ArticleIndex.class.getResourceAsStream(MAPPING_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + MAPPING_RESOURCE + " missing from the classpath");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MAPPING_RESOURCE, e);
        }
    }
}
