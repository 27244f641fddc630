package newsflow.app.run;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.KafkaClients;
import newsflow.index.es.ElasticsearchClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.concurrent.TimeUnit;

/** The real probes behind {@link DependencyHealth}: each with a client of its own, so a busy stage cannot starve it. */
final class ServiceProbes {

    private static final int PROBE_TIMEOUT_MS = 3_000;

    private ServiceProbes() {
    }

    /** The broker answers a cluster description. */
    static DependencyHealth.Probe kafka(NewsflowConfig config) {
        Admin admin = new KafkaClients(config.kafka()).admin();
        String address = config.kafka().bootstrapServers();
        return new DependencyHealth.Probe() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public String address() {
                return address;
            }

            @Override
            public void check() throws Exception {
                try {
                    admin.describeCluster(new DescribeClusterOptions().timeoutMs(PROBE_TIMEOUT_MS)).clusterId()
                            .get(PROBE_TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("no answer within " + (PROBE_TIMEOUT_MS + 1_000) + " ms", e);
                }
            }

            @Override
            public void close() {
                admin.close(java.time.Duration.ofSeconds(2));
            }
        };
    }

    /**
     * The node answers {@code GET /_cluster/health}. (Not {@code HEAD /} or {@code GET /}: with this client
     * the node answered both with 405.)
     */
    static DependencyHealth.Probe elasticsearch(NewsflowConfig config) {
        ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
        String address = config.elasticsearch().url();
        return new DependencyHealth.Probe() {
            @Override
            public String name() {
                return "elasticsearch";
            }

            @Override
            public String address() {
                return address;
            }

            @Override
            public void check() throws Exception {
                client.cluster().health();
            }

            @Override
            public void close() {
                try {
                    client.close();
                } catch (Exception e) {
                    // nothing left to release that matters at shutdown
                }
            }
        };
    }
}
