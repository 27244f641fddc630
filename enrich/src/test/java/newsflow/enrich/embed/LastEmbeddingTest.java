package newsflow.enrich.embed;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LastEmbeddingTest {

    @Test
    void theSameArticleTwiceInARowIsEmbeddedOnceAnotherOneAgain() {
        AtomicInteger calls = new AtomicInteger();
        TextEmbedder counting = new TextEmbedder() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public float[] embed(String title, String text) {
                return new float[]{calls.incrementAndGet()};
            }
        };
        LastEmbedding once = new LastEmbedding(counting);

        float[] first = once.embed("Title", "Body");
        assertThat(once.embed("Title", "Body")).isSameAs(first);
        assertThat(calls).hasValue(1);

        assertThat(once.embed("Title", "Another body")[0]).isEqualTo(2f);
        assertThat(once.embed(null, "Another body")[0]).isEqualTo(3f);
        assertThat(once.name()).isEqualTo("counting");
    }
}
