package newsflow.ingest.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @Test
    void resolvesRelativeReferencesAgainstTheBase() {
        assertThat(Links.absolute("a/b.html", "https://x.example/feeds/rss")).isEqualTo("https://x.example/feeds/a/b.html");
        assertThat(Links.absolute("/a", "https://x.example/feeds/rss")).isEqualTo("https://x.example/a");
        assertThat(Links.absolute("a", "https://x.example")).isEqualTo("https://x.example/a");
        assertThat(Links.absolute("//cdn.example/i.png", "https://x.example/")).isEqualTo("https://cdn.example/i.png");
        assertThat(Links.absolute(" https://y.example/p ", "https://x.example/")).isEqualTo("https://y.example/p");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThat(Links.absolute(null, "https://x.example/")).isNull();
        assertThat(Links.absolute("  ", "https://x.example/")).isNull();
        assertThat(Links.absolute("mailto:someone@x.example", "https://x.example/")).isNull();
        assertThat(Links.absolute("tag:x.example,2024:1", "https://x.example/")).isNull();
        assertThat(Links.absolute("relative", null)).isNull();
        assertThat(Links.absolute("http://[broken", "https://x.example/")).isNull();
    }
}
