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

    @Test
    void recordLimitIsTheSmallerOfTheProducersAndTheBrokersElseKafkasDefaults() {
        assertThat(clients(Map.of()).maxRecordBytes()).isEqualTo(1_048_588);
        assertThat(clients(Map.of("message.max.bytes", "16777216")).maxRecordBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(clients(Map.of("message.max.bytes", "16777216", "max.request.size", "4194304")).maxRecordBytes())
                .isEqualTo(4 * 1024 * 1024);
        assertThat(clients(Map.of("max.request.size", "65536")).maxRecordBytes()).isEqualTo(65536);
        assertThatThrownBy(() -> clients(Map.of("message.max.bytes", "1MB")).maxRecordBytes())
                .hasMessageContaining("kafka.properties.message.max.bytes").hasMessageContaining("1MB");
        assertThatThrownBy(() -> clients(Map.of("message.max.bytes", "10")).maxRecordBytes())
                .hasMessageContaining("at least 1024");
    }
}
