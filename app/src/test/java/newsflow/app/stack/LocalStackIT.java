package newsflow.app.stack;

import newsflow.app.testing.TestStack;
import newsflow.common.config.NewsflowConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack runs a real broker and a real node, and what they stored survives a restart. */
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void brokerAndNodeServeRealRequests() throws Exception {
        NewsflowConfig config = TestStack.config();
        assertThat(config.kafka().embedded()).isFalse();
        assertThat(config.elasticsearch().embedded()).isFalse();

        String topic = "it-stack-" + UUID.randomUUID();
        String value = "{\"headline\":\"Harbour bridge reopens after storm repairs\"}";
        produce(config.kafka().bootstrapServers(), topic, "story-1", value);
        assertThat(consumeAll(config.kafka().bootstrapServers(), topic, 1))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.key()).isEqualTo("story-1");
                    assertThat(r.value()).isEqualTo(value);
                });

        String index = "it-stack-" + UUID.randomUUID();
        String url = config.elasticsearch().url();
        HttpResponse<String> put = send(url, "PUT", "/" + index + "/_doc/doc-1?refresh=true",
                "{\"title\":\"Local council approves new cycle lanes\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<String> get = send(url, "GET", "/" + index + "/_doc/doc-1", null);
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.body()).contains("\"found\":true").contains("Local council approves new cycle lanes");
    }

    @Test
    void restartOnTheSameDataDirectoryKeepsRecordsAndDocuments() throws Exception {
        Path dataDir = TestStack.newDataDir("restart");
        // a fully local stack of its own, whatever the shared one points at
        NewsflowConfig defaults = TestStack.baseConfig(dataDir);
        NewsflowConfig base = defaults.withKafka(defaults.kafka().withBootstrapServers(""))
                .withElasticsearch(defaults.elasticsearch().withUrl(""));
        String topic = "it-restart";
        String value = "{\"headline\":\"Ferry timetable changes for the winter\"}";
        String document = "{\"title\":\"Museum extends opening hours\"}";

        try (LocalStack first = LocalStack.start(base, TestStack.home())) {
            produce(first.config().kafka().bootstrapServers(), topic, "story-2", value);
            HttpResponse<String> put = send(first.config().elasticsearch().url(), "PUT",
                    "/it-restart/_doc/doc-2?refresh=true", document);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

            // a second stack on the same directory fails at once naming the first, and the first keeps working
            assertThatThrownBy(() -> LocalStack.start(base, TestStack.home()))
                    .hasMessageContaining("is in use by another newsflow")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("Kafka " + first.config().kafka().bootstrapServers())
                    .hasMessageContaining("Elasticsearch " + first.config().elasticsearch().url());
            assertThat(consumeAll(first.config().kafka().bootstrapServers(), topic, 1)).hasSize(1);
            HttpResponse<String> stillThere = send(first.config().elasticsearch().url(), "GET", "/it-restart/_doc/doc-2", null);
            assertThat(stillThere.statusCode()).as(stillThere.body()).isEqualTo(200);
        }

        try (LocalStack second = LocalStack.start(base, TestStack.home())) {
            assertThat(consumeAll(second.config().kafka().bootstrapServers(), topic, 1))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value()).isEqualTo(value));
            HttpResponse<String> get = send(second.config().elasticsearch().url(), "GET", "/it-restart/_doc/doc-2", null);
            assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
            assertThat(get.body()).contains("\"found\":true").contains("Museum extends opening hours");
        }
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        createTopicIfMissing(bootstrap, topic);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            assertThat(written.offset()).isZero();
        }
    }

    private static void createTopicIfMissing(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Reads partition 0 from the beginning until {@code expected} records arrived or 30 s passed. */
    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static HttpResponse<String> send(String base, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        request = json == null
                ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
