package newsflow.common.config;

import java.time.Duration;

/**
 * How a running newsflow watches the services its stages need, and how long it waits for configured ones
 * at start-up.
 *
 * @param checkInterval    how often Kafka and Elasticsearch are probed while running ({@code /ready} follows)
 * @param unreachableAfter a service unreachable this long is an outage: an ERROR log and a metric
 * @param startupWait      how long start-up waits for a configured external Kafka or Elasticsearch to answer
 *                         before refusing to start
 */
public record HealthConfig(Duration checkInterval, Duration unreachableAfter, Duration startupWait) {

    /** The values of {@code defaults.yaml}, for configurations built in code. */
    public static HealthConfig defaults() {
        return new HealthConfig(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }
}
