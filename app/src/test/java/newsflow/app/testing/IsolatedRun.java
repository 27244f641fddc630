package newsflow.app.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import newsflow.common.config.ConfigLoader;
import newsflow.common.kafka.CompactedTopic;
import newsflow.common.kafka.KafkaClients;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import newsflow.common.config.ElasticsearchConfig;
import newsflow.common.config.FeedConfig;
import newsflow.common.config.KafkaConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.config.ServerConfig;
import newsflow.common.url.ArticleIds;
import newsflow.index.document.ArticleDocument;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A pipeline configuration of its own on the shared test stack: its own topics, consumer groups, index alias and
 * data directory, so tests never see each other's records or documents. Topic rules are the demo's.
 */
public final class IsolatedRun {

    private IsolatedRun() {
    }

    public static NewsflowConfig config(String purpose, List<FeedConfig> feeds) {
        NewsflowConfig stack = TestStack.config();
        String run = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        KafkaConfig k = stack.kafka();
        ElasticsearchConfig e = stack.elasticsearch();
        NewsflowConfig demo = ConfigLoader.load(demoYaml(), Map.of());
        return stack
                .withDataDir(TestStack.newDataDir(purpose).toString())
                .withKafka(new KafkaConfig(k.bootstrapServers(), "it." + run + ".", k.partitions(), k.replicationFactor(),
                        "it-" + run + "-", k.properties()))
                .withElasticsearch(new ElasticsearchConfig(e.url(), e.username(), e.password(), e.apiKey(),
                        "it-" + run.toLowerCase(Locale.ROOT), e.shards(), e.replicas(), e.bulkActions()))
                .withFeeds(feeds)
                // the test's own loopback servers (the feeds' host and port), no other non-public address
                .withHttp(stack.http().withAllowPrivate(feeds.stream().map(f -> java.net.URI.create(f.url()))
                        .map(u -> "127.0.0.1/32:" + u.getPort()).distinct().toList()))
                .withEnrich(demo.enrich())
                .withServer(new ServerConfig("127.0.0.1", 0));
    }

    /**
     * How many documents the run's alias holds per article id, for the articles at {@code urls}. An id absent
     * from the map is missing from the index; a count above 1 is a duplicate (the alias spans monthly indices).
     */
    public static Map<String, Long> documentsPerId(NewsflowConfig config, Collection<String> urls) {
        List<String> ids = urls.stream().map(ArticleIds::forUrl).toList();
        Map<String, Long> counts = new HashMap<>();
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            es.indices().refresh(r -> r.index(config.elasticsearch().index()).allowNoIndices(true).ignoreUnavailable(true));
            SearchResponse<ArticleDocument> response = es.search(s -> s.index(config.elasticsearch().index())
                            .allowNoIndices(true).ignoreUnavailable(true)
                            .query(q -> q.ids(i -> i.values(ids))).size(10_000),
                    ArticleDocument.class);
            for (Hit<ArticleDocument> hit : response.hits().hits()) {
                counts.merge(hit.id(), 1L, Long::sum);
            }
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException notYet) {
            return Map.of(); // the alias does not exist before the first document
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /**
     * Writes fixture documents straight into the run's index (template and alias as the index stage sets them up,
     * each document in the monthly index of its date) and refreshes, so they are searchable on return.
     *
     * @param docs documents as the index stage stores them ({@link ArticleDocument}s or maps of the mapping's fields)
     */
    public static <T> void index(NewsflowConfig config, List<T> docs, Function<T, String> id,
                                 Function<T, Instant> published) {
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            ArticleIndex index = new ArticleIndex(es, config.elasticsearch());
            index.ensure();
            for (T doc : docs) {
                es.index(i -> i.index(index.names().forMonth(published.apply(doc))).id(id.apply(doc)).document(doc));
            }
            es.indices().refresh(r -> r.index(config.elasticsearch().index()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stored document of the run's alias, by id (for content checks). */
    public static Map<String, ArticleDocument> documents(NewsflowConfig config) {
        Map<String, ArticleDocument> docs = new HashMap<>();
        try (ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch())) {
            es.indices().refresh(r -> r.index(config.elasticsearch().index()));
            es.search(s -> s.index(config.elasticsearch().index()).size(10_000), ArticleDocument.class)
                    .hits().hits().forEach(h -> docs.put(h.id(), h.source()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** The keys of every record in {@code topic}, in partition order: to count what a stage published. */
    public static List<String> recordKeys(NewsflowConfig config, String topic) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaClients(config.kafka()).readerWithoutGroup("it-reader")) {
            CompactedTopic.readToEnd(reader, topic, null, Duration.ofMinutes(1), r -> keys.add(r.key()));
        }
        return keys;
    }

    private static String demoYaml() {
        try (InputStream in = IsolatedRun.class.getResourceAsStream("/newsflow/demo-config.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
