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

/** The analyst search page served by the status server at {@code /}, with its script and style as same-origin assets. */
class SearchPageTest {

    private static final String RESOURCE = "/web/search.html";

    private static String html;
    private static String script;
    private static String style;
    private static Document doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SearchPageTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("classpath resource %s", RESOURCE).isNotNull();
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        doc = Jsoup.parse(html);
        script = resource("/web/search.js");
        style = resource("/web/search.css");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SearchPageTest.class.getResourceAsStream(name)) {
            assertThat(in).as("classpath resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void hasNoInlineScriptOrStyleSoTheContentSecurityPolicyCanForbidThem() {
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.selectFirst("script").attr("src")).isEqualTo("/assets/search.js");
        assertThat(doc.selectFirst("script").data()).isEmpty();
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.select("link[rel=stylesheet]").attr("href")).isEqualTo("/assets/search.css");
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            assertThat(e.attributes().asList()).as("event handler attribute on <%s>", e.tagName())
                    .noneMatch(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on"));
        }
        assertThat(script).as("style attributes are set through the CSSOM").doesNotContain("setAttribute('style'");
        assertThat(style).contains("box-sizing");
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
        String script = SearchPageTest.script;
        assertThat(script).contains("'/api/search'");
        assertThat(script).contains("location.search", "history.pushState", "popstate");
        assertThat(script).contains(".next", "after=");
        assertThat(script).as("shows the API's error field").contains("body.error");
    }

    @Test
    void loadsNoExternalResource() {
        assertThat(doc.select("iframe, img, object, embed")).isEmpty();
        for (Element e : doc.select("[src], [href], [action]")) {
            for (String attr : List.of("src", "href", "action")) {
                assertThat(e.attr(attr)).as("%s of <%s>", attr, e.tagName()).doesNotContainPattern("(?i)^\\s*(https?:)?//");
            }
        }
        // Nothing in the script or style refers to a remote URL either (result links are set at runtime).
        Pattern remote = Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");
        assertThat(remote.matcher(html + script + style).find()).as("remote reference in the page").isFalse();
        assertThat(html + script + style).doesNotContainPattern("(?i)https?://");
    }

    @Test
    void rendersUntrustedTextSafely() {
        String script = SearchPageTest.script;
        assertThat(script).as("only http(s) result links").contains("safeUrl");
        assertThat(script).as("highlights are parsed inertly").contains("createElement('template')");
        assertThat(script).doesNotContain("document.write", "eval(");
    }

}
