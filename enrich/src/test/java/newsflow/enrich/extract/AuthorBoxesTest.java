package newsflow.enrich.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorBoxesTest {

    private static final String STORY = """
            <html><head><title>A baker who opens at four</title></head><body><article><h1>A baker who opens at four</h1>
            <p>The first loaves on Mill Street come out of the oven long before the street lights go off each morning.</p>
            <p>By six the queue reaches the corner, and by eight the sourdough is gone, whatever the weather does.</p>
            <p>The shop has stood on the same corner since 1961, and its ovens have been relined only twice since.</p>
            <p><img src="/ana.jpg" alt="Ana Ferreira"></p>
            <p>Ana Ferreira is the baker who lights that oven, six days a week, as her father did before her.</p>
            %s
            </article></body></html>""";

    @Test
    void aPhotoAndABioThatCloseThePostAreRemoved() {
        String body = ArticleExtractor.extract(STORY.formatted(""), "https://news.example/baker").body();

        assertThat(body).contains("The first loaves on Mill Street").doesNotContain("Ana Ferreira is the baker");
    }

    @Test
    void aPersonsPhotoAndIntroductionInsideTheStoryAreKept() {
        String body = ArticleExtractor.extract(STORY.formatted(
                "<p>She learnt to shape rye loaves from him, and she still uses his starter, kept alive for forty years.</p>"),
                "https://news.example/baker").body();

        assertThat(body).contains("Ana Ferreira is the baker who lights that oven", "kept alive for forty years");
    }
}
