package newsflow.search.api;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search page ({@code /}) and the dashboard ({@code /dashboard}) as files: what the Content-Security-Policy
 * and the no-CDN rule need, labels for every control, and the API paths the scripts call. How they behave in a
 * browser is {@code AnalystPagesIT}'s.
 */
class SearchPageTest {

    private static String resource(String name) {
        try (InputStream in = SearchPageTest.class.getResourceAsStream("/web/" + name)) {
            assertThat(in).as("classpath resource /web/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Document page(String name) {
        return Jsoup.parse(resource(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"search.html", "dashboard.html"})
    void hasNoInlineScriptOrStyleSoTheContentSecurityPolicyCanForbidThem(String name) {
        Document doc = page(name);
        String own = "/assets/" + name.replace(".html", ".js");
        assertThat(doc.select("script").eachAttr("src")).containsExactly("/assets/newsflow.js", own);
        assertThat(doc.select("script").stream().map(Element::data)).allMatch(String::isEmpty);
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/assets/newsflow.css");
        for (Element e : doc.getAllElements()) {
            assertThat(e.attributes().asList()).as("event handler attribute on <%s>", e.tagName())
                    .noneMatch(a -> a.getKey().toLowerCase(Locale.ROOT).startsWith("on"));
        }
    }

    @Test
    void scriptsSetNoStyleAttributeAndNoMarkup() {
        for (String js : List.of("newsflow.js", "search.js", "dashboard.js")) {
            String script = resource(js);
            assertThat(script).as(js).doesNotContain("setAttribute('style'", "document.write", "eval(", "new Function", "insertAdjacentHTML");
            // the only markup parsed is a highlight, inertly in a <template> (NF.highlighted)
            long innerHtml = Pattern.compile("\\.innerHTML\\s*=").matcher(script).results().count();
            assertThat(innerHtml).as("innerHTML assignments in %s", js).isEqualTo(js.equals("newsflow.js") ? 1 : 0);
        }
        assertThat(resource("newsflow.js")).contains("createElement('template')", "nodeName === 'EM'", "safeUrl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"search.html", "dashboard.html"})
    void isAnHtmlDocumentWithATitleViewportAndNavigation(String name) {
        String html = resource(name);
        Document doc = Jsoup.parse(html);
        assertThat(html).startsWithIgnoringCase("<!doctype html>");
        assertThat(doc.title()).isNotBlank();
        assertThat(doc.select("meta[name=viewport]")).hasSize(1);
        assertThat(doc.select("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(doc.select("nav a").eachAttr("href")).contains("/", "/dashboard");
        assertThat(doc.select("nav a[aria-current=page]")).hasSize(1);
        assertThat(doc.select("a.skip")).as("a skip link for keyboard users").hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"search.html", "dashboard.html"})
    void everyControlHasALabel(String name) {
        Document doc = page(name);
        for (Element control : doc.select("input, select")) {
            String id = control.id();
            assertThat(id).as("id of a control in %s", name).isNotBlank();
            boolean labelled = !doc.select("label[for=" + id + "]").isEmpty() || control.hasAttr("aria-label");
            assertThat(labelled).as("label for #%s in %s", id, name).isTrue();
        }
        for (Element button : doc.select("button")) {
            assertThat(button.text().isBlank() && !button.hasAttr("aria-label")).as("button without a name in %s", name).isFalse();
        }
    }

    @Test
    void searchPageHasItsControlsAndPanels() {
        Document doc = page("search.html");
        Element form = doc.getElementById("search-form");
        assertThat(form.selectFirst("input[name=q]").attr("type")).isEqualTo("search");
        assertThat(form.select("button[type=submit]")).isNotEmpty();
        for (String name : List.of("from", "to", "author")) {
            assertThat(form.select("input[name=" + name + "]")).as(name).hasSize(1);
        }
        for (String name : List.of("sort", "collapse", "range")) {
            assertThat(form.select("select[name=" + name + "]")).as(name).hasSize(1);
        }
        for (String id : List.of("results", "error", "more", "attention", "interval", "show-count", "show-share",
                "compare-form", "top-sources", "top-words", "facets", "similar", "save-form", "saved", "csv", "story")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
        assertThat(doc.getElementById("error").attr("role")).isEqualTo("alert");
        assertThat(doc.getElementById("story").tagName()).as("the story view is a modal dialog").isEqualTo("dialog");
        assertThat(doc.getElementById("csv").attr("href")).startsWith("/api/search?").contains("format=csv");
    }

    @Test
    void searchScriptCallsTheContractsEndpointsAndKeepsStateInTheUrl() {
        String script = resource("search.js");
        assertThat(script).contains("'/api/search'", "'/api/attention'", "'/api/top-sources'", "'/api/top-words'",
                "'/api/stories/'", "'/similar'", "'/api/saved-searches'", "format=csv");
        assertThat(script).contains("location.search", "history.pushState", "popstate");
        assertThat(resource("newsflow.js")).as("shows the API's error text").contains("body.error");
    }

    @Test
    void dashboardHasItsPanelsAndFilters() {
        Document doc = page("dashboard.html");
        for (String id : List.of("over-time", "sources", "languages", "authors", "story-sizes", "largest-stories", "latest")) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
        }
        for (String name : List.of("topic", "source", "interval")) {
            assertThat(doc.select("select[name=" + name + "]")).as(name).hasSize(1);
        }
        assertThat(doc.select("input[name=from], input[name=to]")).hasSize(2);
        assertThat(resource("dashboard.js")).contains("'/api/search'", "'/api/dashboard'", "history.pushState", "popstate");
    }

    @Test
    void loadsNoExternalResource() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("search.html", "dashboard.html", "newsflow.js", "search.js", "dashboard.js", "newsflow.css")) {
            all.append(resource(name));
        }
        for (String name : List.of("search.html", "dashboard.html")) {
            Document doc = page(name);
            assertThat(doc.select("iframe, img, object, embed")).isEmpty();
            for (Element e : doc.select("[src], [href], [action]")) {
                for (String attr : List.of("src", "href", "action")) {
                    assertThat(e.attr(attr)).as("%s of <%s>", attr, e.tagName()).doesNotContainPattern("(?i)^\\s*(https?:)?//");
                }
            }
        }
        // The SVG namespace is a name, not a resource; nothing else may name a remote address.
        String text = all.toString().replace("'http://www.w3.org/2000/svg'", "");
        Pattern remote = Pattern.compile("(?i)(src|href|action)\\s*=\\s*[\"']?\\s*(https?:)?//|@import|url\\(\\s*[\"']?(https?:)?//");
        assertThat(remote.matcher(text).find()).as("remote reference in the pages").isFalse();
        assertThat(text).doesNotContainPattern("(?i)https?://[a-z]");
    }
}
