package newsflow.enrich;

import newsflow.common.model.Article;
import newsflow.common.url.ArticleIds;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractTest {

    @Test
    void idIsTheArticleIdOfTheUrl() {
        String url = "https://harbourline.example/news/port-authority-approves-harbour-expansion-4412?utm_source=rss#top";

        Article a = Extract.article(Fixtures.html("jsonld-graph-news.html"), url);

        assertThat(a.id()).isEqualTo(ArticleIds.forUrl(url))
                .isEqualTo(ArticleIds.forUrl("https://harbourline.example/news/port-authority-approves-harbour-expansion-4412"));
        assertThat(a.entry().id()).isEqualTo(a.id());
        assertThat(a.url()).isEqualTo(url);
        assertThat(a.title()).isEqualTo("Port Authority Approves Harbour Expansion Despite Residents' Objections");
        assertThat(a.topics()).isEmpty();
    }

    @Test
    void topicRulesApply() {
        Article a = Extract.article(Fixtures.html("jsonld-graph-news.html"), "https://harbourline.example/n",
                Map.of("transport", List.of("port authority", "shipping lines")));

        assertThat(a.topics()).extracting("name").containsExactly("transport");
    }

    @Test
    void savedBytesAreDecodedWithTheirDeclaredCharset() {
        String text = "Les élus ont voté « pour » à l’unanimité, a déclaré la maire.";
        String html = "<html><head><meta charset=\"windows-1252\"></head><body><p>" + text + "</p></body></html>";

        Article a = Extract.article(html.getBytes(Charset.forName("windows-1252")), "https://example.fr/a", Map.of());

        assertThat(a.body()).isEqualTo(text);
        assertThat(Extract.article(html.getBytes(Charset.forName("windows-1252")), "https://example.fr/a").body()).isEqualTo(text);
    }

    @Test
    void aUrlThatIsNoHttpUrlStillGivesAStableId() {
        Article a = Extract.article("<p>x</p>", "saved-page.html");
        Article again = Extract.article("<p>y</p>", "saved-page.html");

        assertThat(a.id()).isNotBlank().isEqualTo(again.id());
        assertThat(Extract.article((String) null, null).body()).isEmpty();
    }
}
