package newsflow.search.api;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyst search page served by the status server at {@code /}: a static, self-contained resource. */
class SearchPageTest {

    private static final String RESOURCE = "/web/search.html";

    private static String html;
    private static Document doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SearchPageTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("classpath resource %s", RESOURCE).isNotNull();
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        doc = Jsoup.parse(html);
    }

    @Test
    void isAnHtmlDocumentWithATitleAndViewport() {
        assertThat(html).startsWithIgnoringCase("<!doctype html>");
        assertThat(doc.title()).isNotBlank();
        assertThat(doc.select("meta[name=viewport]")).hasSize(1);
        assertThat(doc.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
    }

    @Test
    void hasASearchFormWithATextBox() {
        Element form = doc.selectFirst("form");
        assertThat(form).isNotNull();
        Element q = form.selectFirst("input[name=q]");
        assertThat(q).isNotNull();
        assertThat(q.attr("type")).isIn("search", "text");
        assertThat(form.select("button[type=submit], input[type=submit]")).isNotEmpty();
    }

    @Test
    void hasTheFilterControls() {
        Element form = doc.selectFirst("form");
        assertThat(form).isNotNull();
        for (String name : List.of("topic", "source", "lang")) {
            assertThat(form.select("select[name=" + name + "]")).as("select %s", name).hasSize(1);
        }
        for (String name : List.of("from", "to")) {
            assertThat(form.select("input[name=" + name + "][type=date]")).as("date input %s", name).hasSize(1);
        }
    }

    @Test
    void everyFormControlHasALabel() {
        for (Element control : doc.select("form input, form select")) {
            String id = control.id();
            assertThat(id).as("id of %s", control.attr("name")).isNotBlank();
            assertThat(doc.select("label[for=" + id + "]")).as("label for #%s", id).isNotEmpty();
        }
    }

    @Test
    void hasPlacesForResultsFacetsErrorsAndMore() {
        assertThat(doc.getElementById("results")).isNotNull();
        assertThat(doc.getElementById("error")).isNotNull();
        assertThat(doc.getElementById("error").attr("role")).isEqualTo("alert");
        assertThat(doc.getElementById("more")).isNotNull();
        for (String facet : List.of("facet-topic", "facet-source", "facet-lang", "facet-day")) {
            assertThat(doc.getElementById(facet)).as(facet).isNotNull();
        }
    }

    @Test
    void scriptCallsTheSearchApiAndKeepsStateInTheUrl() {
        String script = inlineScript();
        assertThat(script).contains("'/api/search'");
        assertThat(script).contains("location.search", "history.pushState", "popstate");
        assertThat(script).contains(".next", "after=");
        assertThat(script).as("shows the API's error field").contains("body.error");
    }

    @Test
    void loadsNoExternalResource() {
        assertThat(doc.select("script[src], link[rel~=(?i)stylesheet], link[href], iframe, img, object, embed")).isEmpty();
        for (Element e : doc.select("[src], [href], [action]")) {
            for (String attr : List.of("src", "href", "action")) {
                assertThat(e.attr(attr)).as("%s of <%s>", attr, e.tagName()).doesNotContainPattern("(?i)^\\s*(https?:)?//");
            }
        }
        // Nothing in the inline script or style refers to a remote URL either (result links are set at runtime).
        Pattern remote = Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");
        assertThat(remote.matcher(html).find()).as("remote reference in %s", RESOURCE).isFalse();
        assertThat(html).doesNotContainPattern("(?i)https?://");
    }

    @Test
    void rendersUntrustedTextSafely() {
        String script = inlineScript();
        assertThat(script).as("only http(s) result links").contains("safeUrl");
        assertThat(script).as("highlights are parsed inertly").contains("createElement('template')");
        assertThat(script).doesNotContain("document.write", "eval(");
    }

    private static String inlineScript() {
        List<Element> scripts = doc.select("script");
        assertThat(scripts).hasSize(1);
        return scripts.getFirst().data();
    }
}
