package newsflow.app.it;

import newsflow.app.run.Pipeline;
import newsflow.app.run.StageName;
import newsflow.app.testing.Eventually;
import newsflow.app.testing.IsolatedRun;
import newsflow.app.testing.TcpProxy;
import newsflow.common.config.HealthConfig;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.enrich.Extract;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch goes away while articles keep arriving: the index stage stays up, keeps what it could not index
 * uncommitted, and indexes all of it, once, when the node is back; {@code /ready} says 503 (and why) meanwhile.
 */
class ElasticsearchOutageIT {

    @Test
    void articlesArrivingDuringAnOutageAreIndexedOnceTheNodeIsBack() throws Exception {
        NewsflowConfig shared = IsolatedRun.config("outage", List.of());
        URI node = URI.create(shared.elasticsearch().url());
        try (TcpProxy proxy = TcpProxy.to(node.getHost(), node.getPort())) {
            NewsflowConfig config = shared.withElasticsearch(shared.elasticsearch().withUrl("http://127.0.0.1:" + proxy.port()))
                    .withHealth(new HealthConfig(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(10)));
            List<String> before = urls("before", 5);
            List<String> during = urls("during", 10);
            try (Pipeline index = new Pipeline(config, EnumSet.of(StageName.INDEX)).start();
                 KafkaProducer<String, Article> producer = new KafkaClients(config.kafka()).producer("it-outage", JsonCodec.ARTICLE.serializer())) {
                send(producer, config, before);
                Eventually.await("the articles sent before the outage indexed", Duration.ofMinutes(1), Duration.ofMillis(500),
                        () -> IsolatedRun.documentsPerId(shared, before).size() == before.size(),
                        () -> IsolatedRun.documentsPerId(shared, before).toString());

                assertThat(ready(index).statusCode()).isEqualTo(200);

                proxy.down();
                // /ready tells the truth: not ready while the node is unreachable, and says why
                Eventually.await("/ready answering 503 while the node is unreachable", Duration.ofSeconds(30), Duration.ofMillis(200),
                        () -> ready(index).statusCode() == 503, () -> ready(index).body());
                assertThat(ready(index).body()).contains("\"status\":\"UNAVAILABLE\"")
                        .contains("elasticsearch unreachable at http://127.0.0.1:" + proxy.port());
                send(producer, config, during);
                Thread.sleep(3_000); // the stage polls them and fails to index them, retrying with backoff
                assertThat(IsolatedRun.documentsPerId(shared, during)).as("indexed although the node was unreachable").isEmpty();
                assertThat(index.stages()).allMatch(s -> s.ready(), "index stage still running");

                proxy.up();
                Eventually.await("/ready answering 200 once the node is back", Duration.ofSeconds(30), Duration.ofMillis(200),
                        () -> ready(index).statusCode() == 200, () -> ready(index).body());
                Eventually.await("the articles sent during the outage indexed", Duration.ofMinutes(2), Duration.ofSeconds(1),
                        () -> IsolatedRun.documentsPerId(shared, during).size() == during.size(),
                        () -> IsolatedRun.documentsPerId(shared, during).size() + " of " + during.size());
            }
            Map<String, Long> perId = IsolatedRun.documentsPerId(shared, concat(before, during));
            assertThat(perId).hasSize(before.size() + during.size());
            assertThat(perId.values()).allMatch(n -> n == 1L);
        }
    }

    private static HttpResponse<String> ready(Pipeline pipeline) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.httpPort() + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void send(KafkaProducer<String, Article> producer, NewsflowConfig config, List<String> urls) throws Exception {
        for (String url : urls) {
            Article article = Extract.article("""
                    <html lang="en"><head><title>Ferry service update</title></head><body><article><h1>Ferry service update</h1>
                    <p>The ferry operator said the morning crossings would run to the winter timetable from Monday, with
                    the last evening sailing moved forty minutes earlier while the pier lights are repaired.</p>
                    </article></body></html>""", url);
            producer.send(new ProducerRecord<>(Topics.from(config.kafka()).articles(), article.id(), article)).get();
        }
    }

    private static List<String> urls(String phase, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "https://harbour-news.example/" + phase + "/" + i).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
