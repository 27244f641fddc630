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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sets up the article index: the versioned index template (settings, mapping, alias), the current month's index
 * and the archive index, so the read alias resolves even before the first article arrives. Monthly indices for
 * other months are created by Elasticsearch on the first bulk write into them and get mapping and alias from the template.
 *
 * <p>Safe to run from several instances at once: putting an identical template twice is a no-op in effect, and
 * an index another instance created first is accepted.
 *
 * <p>Schema versions (docs/upgrades.md): only the live version's template attaches the read alias. An instance
 * whose version is not the one behind the alias refuses to write ({@link SchemaVersionMismatchException}) until
 * {@code newsflow index upgrade} has built its version and switched the alias to it.
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
        this(client, config, IndexNames.CURRENT_VERSION);
    }

    /** The index of another schema version than this build's: what an upgrade builds, or another build runs. */
    public ArticleIndex(ElasticsearchClient client, ElasticsearchConfig config, int version) {
        this(client, config, version, Clock.systemUTC());
    }

    ArticleIndex(ElasticsearchClient client, ElasticsearchConfig config, int version, Clock clock) {
        this.client = client;
        this.config = config;
        this.names = new IndexNames(config.index(), version);
        this.clock = clock;
    }

    /** Thrown by {@link #ensure()} when another schema version is live: this one must not write. */
    public static final class SchemaVersionMismatchException extends IllegalStateException {
        SchemaVersionMismatchException(String message) {
            super(message);
        }
    }

    public IndexNames names() {
        return names;
    }

    /**
     * Puts the template and creates this month's index if missing.
     *
     * @throws IOException                     when the node cannot be reached (the caller retries)
     * @throws ElasticsearchException          when the node refuses the template
     * @throws SchemaVersionMismatchException when the alias is on another schema version
     */
    public Setup ensure() throws IOException {
        AliasTargets live = AliasTargets.read(client, names.alias());
        if (!live.versions().isEmpty() && !live.versions().equals(java.util.Set.of(names.version()))) {
            throw new SchemaVersionMismatchException("the alias " + names.alias() + " is on index schema version "
                    + live.versions() + " but this build writes version " + names.version() + ": run `newsflow index "
                    + "upgrade` with this build to rebuild the index in version " + names.version() + " and switch "
                    + "the alias (docs/upgrades.md); until then this stage writes nothing");
        }
        return install(true);
    }

    /**
     * Puts this version's template and this month's index without the read alias: the version is being built
     * ({@code newsflow index upgrade}) while another one serves reads.
     */
    public Setup ensureUnaliased() throws IOException {
        return install(false);
    }

    /**
     * Makes this version the live one: its template attaches the alias from now on, and in one atomic alias
     * update every index of this version gets the alias while the indices of {@code previous} lose it. The
     * templates of the previous versions are deleted, so no index created later under them takes the alias.
     * Their indices stay, for a way back, until deleted.
     */
    public void makeLive(AliasTargets previous) throws IOException {
        install(true);
        List<String> old = previous.byVersion().entrySet().stream().filter(e -> e.getKey() != names.version())
                .flatMap(e -> e.getValue().stream()).toList();
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(names.pattern()).alias(names.alias())));
            if (!old.isEmpty()) {
                u.actions(a -> a.remove(r -> r.indices(old).alias(names.alias())));
            }
            return u;
        });
        for (int version : previous.versions()) {
            if (version != names.version()) {
                deleteTemplate(names.withVersion(version).template());
            }
        }
        log.info("alias {} switched to schema version {} (was {})", names.alias(), names.version(), previous.versions());
    }

    private void deleteTemplate(String template) throws IOException {
        try {
            client.indices().deleteIndexTemplate(d -> d.name(template));
            log.info("deleted index template {}", template);
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private Setup install(boolean withAlias) throws IOException {
        TextAnalysis.Flavor analysis = analysisFlavor();
        if (analysis == TextAnalysis.Flavor.STANDARD) {
            log.warn("Elasticsearch has neither the analysis-common module nor newsflow's analysis plugin: title, "
                    + "description and body of new indices use the 'standard' analyzer, so searches will not match word "
                    + "variants (install the plugin from es-plugins/ of the newsflow layout, see docs/text-analysis.md)");
        }
        ObjectNode template = templateBody(analysis);
        if (!withAlias) {
            ((ObjectNode) template.get("template")).remove("aliases");
        }
        String body = Json.write(template);
        client.indices().putIndexTemplate(t -> t.name(names.template()).withJson(new StringReader(body)));
        String current = names.forMonth(clock.instant());
        createIfMissing(current);
        createIfMissing(names.archive());
        addNewFieldsToExistingIndices();
        log.info("index template {} (pattern {}, text analysis {}) in place, alias {}{}, current index {}",
                names.template(), names.pattern(), analysis.label, names.alias(), withAlias ? "" : " not attached", current);
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
     * Puts every mapped field on the indices this template version already made, one field per request. The template
     * shapes new indices only, and with {@code "dynamic": "strict"} an index without a field added to the mapping
     * since would refuse every document carrying it; adding fields is what Elasticsearch allows on a live index. A
     * field an index cannot take (a changed type or analyzer) is logged and left: that change needs a new
     * {@link IndexNames#CURRENT_VERSION}.
     *
     * @return the fields refused, by name, with Elasticsearch's reason
     */
    Map<String, String> addNewFieldsToExistingIndices() throws IOException {
        Map<String, String> refused = new TreeMap<>();
        var fields = mapping().get("properties").properties();
        for (var field : fields) {
            ObjectNode one = Json.mapper().createObjectNode();
            one.putObject("properties").set(field.getKey(), field.getValue());
            String body = Json.write(one);
            try {
                client.indices().putMapping(m -> m.index(names.pattern()).withJson(new StringReader(body)));
            } catch (ElasticsearchException e) {
                String reason = e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason();
                refused.put(field.getKey(), reason);
            }
        }
        if (!refused.isEmpty()) {
            log.error("indices {} keep their previous definition of fields {}: a field one of them lacks makes it refuse "
                    + "(dead-letter) documents carrying it, a changed field keeps its old type or analyzer there; a change "
                    + "to an existing field needs a new index version (IndexNames.CURRENT_VERSION)", names.pattern(), refused);
        }
        return refused;
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
        // Set explicitly: the default (1 s) stops refreshing a shard not searched for 30 s, and the first search
        // after that waits for a refresh; an explicit interval keeps new articles searchable within it.
        settings.put("refresh_interval", timeValue(config.refreshInterval()));
        // The mapping refers to the analyzers by name only; what they are made of gets decided here, per node.
        settings.set("analysis", TextAnalysis.settings(analysis));
        template.set("mappings", mapping());
        template.putObject("aliases").putObject(names.alias());
        return root;
    }

    /** A duration as Elasticsearch writes time values: whole seconds as {@code 1s}, else milliseconds. */
    static String timeValue(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
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
