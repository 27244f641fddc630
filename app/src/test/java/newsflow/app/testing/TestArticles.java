package newsflow.app.testing;

import newsflow.common.config.NewsflowConfig;
import newsflow.common.kafka.JsonCodec;
import newsflow.common.kafka.KafkaClients;
import newsflow.common.kafka.Topics;
import newsflow.common.model.Article;
import newsflow.enrich.Extract;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Articles as enrich builds them, from small pages written for a test, and put on a run's articles topic. */
public final class TestArticles {

    private TestArticles() {
    }

    /** The article enrich extracts from a page titled {@code title} at {@code url}, published at {@code published}. */
    public static Article dated(String url, String title, Instant published) {
        String html = "<html lang=\"en\"><head><title>" + title + "</title>"
                + "<meta property=\"article:published_time\" content=\"" + published + "\"></head><body><article><h1>"
                + title + "</h1><p>The harbour board met on Tuesday about " + title.toLowerCase(java.util.Locale.ROOT)
                + " and agreed to publish its decision after the summer recess, the chair said.</p></article></body></html>";
        Article article = Extract.article(html.getBytes(StandardCharsets.UTF_8), url);
        assertThat(article.published()).as("published date of the test page").isEqualTo(published);
        return article;
    }

    /**
     * Produces the articles to the run's articles topic, keyed by id as enrich does, and waits for the acks. Creates
     * the run's topics first, as a stage would (the broker may not create topics on its own).
     */
    public static void produce(NewsflowConfig config, List<Article> articles) throws Exception {
        String topic = Topics.from(config.kafka()).articles();
        KafkaClients kafka = new KafkaClients(config.kafka());
        kafka.ensureTopics();
        try (KafkaProducer<String, Article> producer = kafka.producer("it-articles", JsonCodec.ARTICLE.serializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic, a.id(), a)).get();
            }
        }
    }

    /** Produces raw bytes under {@code key} to {@code topic}: a record no stage can read, say. */
    public static void produceRaw(NewsflowConfig config, String topic, String key, String value) throws Exception {
        KafkaClients kafka = new KafkaClients(config.kafka());
        kafka.ensureTopics();
        try (KafkaProducer<String, byte[]> producer = kafka.bytesProducer("it-raw")) {
            producer.send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
