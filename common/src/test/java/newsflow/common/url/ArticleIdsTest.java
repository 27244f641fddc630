package newsflow.common.url;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

    @Test
    void sameArticleThroughDifferentLinksGetsOneId() {
        String id = ArticleIds.forUrl("https://example.com/news/1");
        assertThat(ArticleIds.forUrl("HTTPS://EXAMPLE.com/news/1?utm_source=twitter#top")).isEqualTo(id);
        assertThat(ArticleIds.forUrl("https://example.com:443/news/1?fbclid=abc")).isEqualTo(id);
    }

    @Test
    void differentArticlesGetDifferentIds() {
        assertThat(ArticleIds.forUrl("https://example.com/news/1")).isNotEqualTo(ArticleIds.forUrl("https://example.com/news/2"));
        assertThat(ArticleIds.forUrl("https://example.com/news?id=1")).isNotEqualTo(ArticleIds.forUrl("https://example.com/news?id=2"));
    }

    @Test
    void idIs32LowerHexCharacters() {
        assertThat(ArticleIds.forUrl("https://example.com/")).matches("[0-9a-f]{32}");
        assertThat(ArticleIds.forGuid("https://example.com/feed", "tag:example.com,2026:1")).matches("[0-9a-f]{32}");
    }

    @Test
    void guidIdsAreScopedToTheirFeed() {
        assertThat(ArticleIds.forGuid("https://a.example/feed", "1")).isNotEqualTo(ArticleIds.forGuid("https://b.example/feed", "1"));
    }
}
