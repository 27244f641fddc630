package newsflow.enrich.extract;

import newsflow.enrich.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bottom-up measures equal what Jsoup's per-element calls give, element by element. */
class ElementMeasuresTest {

    private static final Evaluator LINKS = QueryParser.parse("a");
    private static final Evaluator PARAGRAPHS = QueryParser.parse("p");
    private static final Evaluator MARKERS = QueryParser.parse("h1, main, [itemprop=articleBody], [role=main], img[src]");

    /** White space, blocks inside inline elements, br, pre, entities, links in links: where text() is subtle. */
    private static final String TRICKY = """
            <html><body>
              <div>  lead <span>inline</span><p>block in div</p>tail text <b>bold</b><br>after break</div>
              <pre>  keep   these
                spaces </pre><span>x</span><div>y</div>z
              <ul><li><a href="/a">one</a></li><li> <a href="https://other.example/b">two</a> and text</li></ul>
              <p>&nbsp;&nbsp;non-breaking&nbsp; spaces, commas, and 、 ideographic</p>
              <p>   </p><p>\u2003\u2003</p>
              <table><tr><td>cell <a href="#x">anchor</a></td><td><p>para</p></td></tr></table>
              <article itemprop="articleBody"><h1>Title</h1><p>Text, with <a href="/r">a <i>link</i></a>.</p></article>
              <textarea>  raw
                text </textarea><img src="i.png"> end
            </body></html>""";

    @ParameterizedTest
    @ValueSource(strings = {"", "wordpress-politics.html", "german-news.html", "jsonld-graph-news.html",
            "news-lists-table.html", "classes/long-data-table.html", "classes/newsletter-and-promos.html"})
    void measuresEqualPerElementValues(String fixture) {
        Document doc = Jsoup.parse(fixture.isEmpty() ? TRICKY : Fixtures.html(fixture), "https://news.example/story");
        Element root = doc.body();
        ElementMeasures m = ElementMeasures.of(root, ExtractionBudget.unlimited(), "test");
        int checked = 0;
        for (Element e : root.getAllElements()) {
            String text = e.text();
            assertThat(m.text(e)).as("text of %s", e.cssSelector()).isEqualTo(text);
            assertThat(m.textLength(e)).isEqualTo(text.length());
            assertThat(m.isBlank(e)).isEqualTo(text.isBlank());
            assertThat(m.countChars(e, ",、")).isEqualTo(ElementMeasures.countIn(text, ",、"));
            assertThat(m.linkChars(e)).isEqualTo(e.select("a").stream().mapToInt(a -> a.text().length()).sum());
            assertThat(m.linkDensity(e)).isEqualTo(ContentScorer.linkDensity(e));
            assertThat(m.textLengthOf(e, PARAGRAPHS))
                    .isEqualTo(e.select("p").stream().mapToInt(p -> p.text().length()).sum());
            assertThat(m.count(e, LINKS)).isEqualTo(e.select("a").size());
            assertThat(m.contains(e, MARKERS)).isEqualTo(e.selectFirst(MARKERS) != null);
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wordpress-politics.html", "german-news.html", "news-lists-table.html"})
    void elementsOutsideTheMeasuredSubtreeAreMeasuredDirectly(String fixture) {
        Document doc = Jsoup.parse(Fixtures.html(fixture), "https://news.example/story");
        Element article = doc.body().children().getFirst();
        ElementMeasures m = ElementMeasures.of(article, ExtractionBudget.unlimited(), "test");
        assertThat(m.text(doc.body())).isEqualTo(doc.body().text());
        assertThat(m.linkChars(doc.body())).isEqualTo(doc.body().select("a").stream().mapToInt(a -> a.text().length()).sum());
    }

    @Test
    void refusesStructuralSelectorsWhoseMemoWouldKeepEveryPage() {
        for (String structural : List.of("input:not([type])", "div:has(p)", "div > p", "div p", "h2 + p", "h2 ~ p",
                "textarea, input:not([type])", "p, div > a")) {
            Evaluator selector = QueryParser.parse(structural);
            assertThat(ElementMeasures.isStructural(selector)).as(structural + " (" + selector + ")").isTrue();
            assertThatThrownBy(() -> ElementMeasures.matching(selector)).isInstanceOf(IllegalArgumentException.class);
        }
        for (String simple : List.of("a", "h1, h2, h3", "a[class], a[href]", "img[alt]",
                "h1, main, [itemprop=articleBody], [role=main], img[src]", "input[type=text]")) {
            assertThat(ElementMeasures.isStructural(QueryParser.parse(simple))).as(simple).isFalse();
        }
    }
}
