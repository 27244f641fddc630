package newsflow.lab.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The stages' configuration file for a chaos run. */
final class ChaosConfig {

    static final String TOPIC_PREFIX = "chaos.";
    static final String INDEX = "chaos-articles";

    private ChaosConfig() {
    }

    /**
     * The run's YAML: the broker and node it started, the feeds, only the chaos site's address and port allowed,
     * politeness off (every page is on one loopback host), a short total deadline per fetch, no topic model (the
     * run measures robustness, not tagging, on a machine it shares with the services), and robots.txt not consulted:
     * one robots.txt that misses the deadline on a loaded machine keeps the whole site's pages unfetched for 30
     * minutes, and every hostile page must reach the fetch layer itself.
     */
    static String yaml(Path dataDir, String bootstrapServers, String elasticsearchUrl, int sitePort,
                       Duration totalTimeout, List<String> feedUrls) {
        String feeds = feedUrls.stream().map(u -> "  - url: \"" + u + "\"").collect(Collectors.joining("\n"));
        return """
                # written by newsflow chaos: the configuration of one chaos run's stage processes
                dataDir: "%s"
                kafka:
                  bootstrapServers: "%s"
                  topicPrefix: "%s"
                  groupPrefix: "chaos-"
                  properties:
                    # a killed consumer holds its partitions until its session times out (45 s by default)
                    session.timeout.ms: "6000"
                elasticsearch:
                  url: "%s"
                  index: "%s"
                  bulkActions: 200
                http:
                  totalTimeout: %ds
                  allowPrivate:
                    - "127.0.0.1/32:%d"
                ingest:
                  defaultInterval: 2m
                  minInterval: 1m
                  pollThreads: 4
                  perHostConcurrency: 4
                  perHostDelay: 0s
                enrich:
                  concurrency: 8
                  perHostConcurrency: 8
                  perHostDelay: 0s
                  respectRobots: false
                  taxonomy: none
                server:
                  port: 0
                feeds:
                %s
                """.formatted(dataDir.resolve("stages"), bootstrapServers, TOPIC_PREFIX, elasticsearchUrl, INDEX,
                totalTimeout.toSeconds(), sitePort, feeds);
    }
}
