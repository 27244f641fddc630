package newsflow.lab.classify;

import newsflow.enrich.embed.TextEmbedder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachingEmbedderTest {

    /** Counts the texts it is asked to embed; the vector is the text's length. */
    static final class Counting implements TextEmbedder {
        final List<String> asked = new ArrayList<>();

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
            asked.add(text);
            return new float[]{text.length()};
        }
    }

    @Test
    void anArticleIsEmbeddedOnceHoweverOftenItIsAskedFor() {
        Counting inner = new Counting();
        CachingEmbedder cached = new CachingEmbedder(inner);

        assertThat(cached.embed("t", "abc")).containsExactly(3f);
        assertThat(cached.embed("t", "abc")).containsExactly(3f);
        assertThat(cached.embedAll(List.of(new String[]{"t", "abc"}, new String[]{"t", "de"})))
                .extracting(v -> v[0]).containsExactly(3f, 2f);

        assertThat(inner.asked).containsExactly("abc", "de");
    }

    @Test
    void theSameTextUnderAnotherTitleIsAnotherArticle() {
        Counting inner = new Counting();
        CachingEmbedder cached = new CachingEmbedder(inner);

        cached.embed("one", "abc");
        cached.embed("two", "abc");

        assertThat(inner.asked).hasSize(2);
    }
}
