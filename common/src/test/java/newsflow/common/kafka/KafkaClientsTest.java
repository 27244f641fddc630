package newsflow.common.kafka;

import newsflow.common.config.KafkaConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientsTest {

    static KafkaClients clients(Map<String, String> properties) {
        return new KafkaClients(new KafkaConfig("127.0.0.1:9092", "nf.", 3, (short) 1, "newsflow-", properties));
    }

    @Test
    void maxPollIntervalIsTheConfiguredPropertyElseKafkasDefault() {
        assertThat(clients(Map.of()).maxPollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(clients(Map.of("max.poll.interval.ms", "60000")).maxPollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> clients(Map.of("max.poll.interval.ms", "soon")).maxPollInterval())
                .hasMessageContaining("kafka.properties.max.poll.interval.ms").hasMessageContaining("soon");
    }
}
