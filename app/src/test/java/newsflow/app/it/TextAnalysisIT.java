package newsflow.app.it;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import newsflow.app.testing.IsolatedRun;
import newsflow.common.config.NewsflowConfig;
import newsflow.common.model.Article;
import newsflow.common.model.Schema;
import newsflow.index.document.ArticleDocument;
import newsflow.index.document.ArticleDocuments;
import newsflow.index.document.TextFields;
import newsflow.index.es.ElasticsearchClients;
import newsflow.index.schema.ArticleIndex;
import newsflow.search.SearchQuery;
import newsflow.search.SearchService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text analysis on the embedded node, which lacks the analysis-common module: newsflow's analysis plugin is
 * installed when the stack starts, the index template takes its filters, and searches match word variants,
 * accents and (through the per-language fields) French and German inflections. The node's analyzers make the
 * tokens of Lucene's analyzers (Elasticsearch's built-in {@code english}, {@code french}, {@code german}) followed
 * by ASCII folding, on the demo corpus.
 */
class TextAnalysisIT {

    private static final String FRENCH_ARTICLE = "demo/articles/courier/port-louvel-artisans-marche-de-noel.html";
    private static final String GERMAN_ARTICLE = "demo/articles/northfield/rechenzentrum-abwaerme-fernwaerme.html";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** Inflected forms a reader would type, none of them written so in the article (see docs/measurements.md). */
    static final List<String> FRENCH_QUERIES = List.of("exposant", "visiteur", "chalet", "artisanal", "régates", "fermière",
            "écolier", "céramique émaillée", "anniversaires", "programmes culturels", "capitaine", "tempêtes", "dentellières",
            "ville portuaire", "organisateur", "percussion", "photographie", "bibliothèques", "voisin", "difficulté",
            "chantier naval");
    static final List<String> GERMAN_QUERIES = List.of("Wohnung", "Wärmepumpe", "Stadtwerk", "Vorgabe", "Leitung",
            "Kühlturm", "Mieterin", "Fernwärmenetze", "Abwärmen", "Wärmenetze", "Temperaturen", "Gebäuden", "Städte",
            "Prozente", "Förderprogramme", "Umweltverbände", "Sprechers", "Energien", "Leistungen");
    private static final List<String> MAIN_FIELDS = List.of("title^3", "description^2", "body");

    private static NewsflowConfig config;
    private static ElasticsearchClient es;
    private static ArticleIndex.Setup setup;
    private static SearchService search;
    private static Article french;
    private static Article german;

    @BeforeAll
    static void indexArticles() throws IOException {
        config = IsolatedRun.config("analysis", List.of());
        es = ElasticsearchClients.create(config.elasticsearch());
        setup = new ArticleIndex(es, config.elasticsearch()).ensure();
        french = demoArticle("fr-1", FRENCH_ARTICLE);
        german = demoArticle("de-1", GERMAN_ARTICLE);
        List<Article> articles = List.of(
                article("en-1", "en", "Election night at the harbour", "The election count went on until dawn."),
                article("en-2", "en", "The mayor runs again", "She runs for a third term."),
                article("en-3", "en", "A café opens on the quay", "The café serves fishermen from five."),
                article("en-4", "en", "Cafe culture", "A new cafe by the ferry terminal."),
                french, german);
        for (Article article : articles) {
            ArticleDocument doc = ArticleDocuments.from(article, NOW);
            es.index(i -> i.index(setup.currentIndex()).id(doc.id()).document(doc));
        }
        es.indices().refresh(r -> r.index(config.elasticsearch().index()));
        search = new SearchService(es, config.elasticsearch().index(), config.search());
    }

    @AfterAll
    static void close() throws IOException {
        if (es != null) {
            es.close();
        }
    }

    @Test
    void theLocalNodeTakesThePluginFiltersSoTheStandardFallbackIsGone() throws IOException {
        assertThat(setup.textAnalysis()).isEqualTo("plugin");
        assertThat(es.cat().plugins().plugins()).anyMatch(p -> "newsflow-analysis".equals(p.component()));
    }

    @Test
    void wordVariantsAndAccentsFindEachOther() {
        assertThat(ids("elections")).contains("en-1");
        assertThat(ids("running")).contains("en-2");
        assertThat(ids("café")).contains("en-3", "en-4");
        assertThat(ids("cafe")).contains("en-3", "en-4");
    }

    @Test
    void theNodesAnalyzersMakeLucenesTokensFoldedOnTheDemoCorpus() throws IOException {
        try (Analyzer english = new EnglishAnalyzer(); Analyzer frenchAnalyzer = new FrenchAnalyzer();
             Analyzer germanAnalyzer = new GermanAnalyzer()) {
            List<String> englishSentences = sentences(List.of(
                    "demo/articles/courier/harbour-council-approves-budget.html",
                    "demo/articles/civic-ledger/westmarch-assembly-passes-brennock-basin-water-rights-bill.html",
                    "demo/articles/northfield/right-to-repair-smartphones-bill.html"));
            assertThat(englishSentences).hasSizeGreaterThan(20);
            for (String sentence : englishSentences) {
                assertThat(nodeTokens("newsflow_text", sentence)).as(sentence).isEqualTo(folded(english, sentence));
            }
            for (String sentence : sentences(List.of(FRENCH_ARTICLE))) {
                assertThat(nodeTokens("newsflow_text_fr", sentence)).as(sentence).isEqualTo(folded(frenchAnalyzer, sentence));
            }
            for (String sentence : sentences(List.of(GERMAN_ARTICLE))) {
                assertThat(nodeTokens("newsflow_text_de", sentence)).as(sentence).isEqualTo(folded(germanAnalyzer, sentence));
            }
        }
    }

    @Test
    void frenchAndGermanInflectionsFindTheDemoArticlesThroughTheirLanguageFields() throws IOException {
        assertThat(TextFields.languageKey(french.language())).contains("fr");
        Map<String, Integer> standard = standardAnalyzerHits();
        int frenchMain = found(FRENCH_QUERIES, french.id(), MAIN_FIELDS);
        int frenchAll = foundBySearch(FRENCH_QUERIES, french.id());
        int germanMain = found(GERMAN_QUERIES, german.id(), MAIN_FIELDS);
        int germanAll = foundBySearch(GERMAN_QUERIES, german.id());
        System.out.printf("TextAnalysisIT measurement: queries finding their article, of %d French and %d German%n"
                        + "  standard analyzer (the embedded node before):     fr %d  de %d%n"
                        + "  English analyzer with folding, main fields only:  fr %d  de %d%n"
                        + "  English fields and the language's own fields:     fr %d  de %d%n",
                FRENCH_QUERIES.size(), GERMAN_QUERIES.size(), standard.get("fr"), standard.get("de"),
                frenchMain, germanMain, frenchAll, germanAll);

        assertThat(frenchAll).isGreaterThan(frenchMain);
        assertThat(germanAll).isGreaterThan(germanMain);
        assertThat(frenchMain).isGreaterThan(standard.get("fr"));
        // the search module searches the language fields: the German plural finds the German article
        for (String q : List.of("Wohnung", "Wärmepumpe", "Leitung", "Temperaturen")) {
            assertThat(ids(q)).as(q).contains(german.id());
        }
        assertThat(ids("écolier")).contains(french.id());
    }

    private static List<String> ids(String q) {
        return search.search(SearchQuery.text(q)).hits().stream().map(h -> h.id()).toList();
    }

    /** How many of {@code queries} find {@code id} through the search module, as it searches now. */
    private static int foundBySearch(List<String> queries, String id) {
        return (int) queries.stream().filter(q -> ids(q).contains(id)).count();
    }

    /**
     * How many of {@code queries} find {@code id} with the search module's query for a word (multi_match
     * best_fields, every word required; see QueryTranslator) over {@code fields} alone.
     */
    private static int found(List<String> queries, String id, List<String> fields) throws IOException {
        return found(queries, id, fields, config.elasticsearch().index());
    }

    private static int found(List<String> queries, String id, List<String> fields, String index) throws IOException {
        int found = 0;
        for (String q : queries) {
            SearchResponse<Void> response = es.search(s -> s.index(index).size(20)
                    .query(qq -> qq.multiMatch(m -> m.query(q).fields(fields).type(TextQueryType.BestFields)
                            .operator(Operator.And).zeroTermsQuery(ZeroTermsQuery.All))),
                    Void.class);
            if (response.hits().hits().stream().anyMatch(h -> id.equals(h.id()))) {
                found++;
            }
        }
        return found;
    }

    /** The same queries on an index whose text fields have the {@code standard} analyzer, as the embedded node had. */
    private static Map<String, Integer> standardAnalyzerHits() throws IOException {
        String index = config.elasticsearch().index() + "-standard";
        es.indices().create(c -> c.index(index).mappings(m -> m
                .properties("title", p -> p.text(t -> t.analyzer("standard")))
                .properties("description", p -> p.text(t -> t.analyzer("standard")))
                .properties("body", p -> p.text(t -> t.analyzer("standard")))));
        for (Article article : List.of(french, german)) {
            es.index(i -> i.index(index).id(article.id()).document(Map.of("title", article.title(),
                    "description", article.description(), "body", article.body())));
        }
        es.indices().refresh(r -> r.index(index));
        return Map.of("fr", found(FRENCH_QUERIES, french.id(), MAIN_FIELDS, index),
                "de", found(GERMAN_QUERIES, german.id(), MAIN_FIELDS, index));
    }

    private static List<String> nodeTokens(String analyzer, String text) throws IOException {
        return es.indices().analyze(a -> a.index(setup.currentIndex()).analyzer(analyzer).text(text))
                .tokens().stream().map(AnalyzeToken::token).toList();
    }

    private static List<String> folded(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = new ASCIIFoldingFilter(analyzer.tokenStream("f", new StringReader(text)))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    private static Article article(String id, String language, String title, String body) {
        return new Article(Schema.VERSION, id, "https://harbour.example/" + id, null, null, title, body,
                null, NOW, null, null, null, null, language, null, body.split(" ").length, null, NOW);
    }

    // --- the demo corpus: header lines "key: value", "---", then the page's HTML paragraphs

    private static final Pattern PARAGRAPH = Pattern.compile("<(p|h2)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private static Article demoArticle(String id, String resource) {
        String page = resource(resource);
        String header = page.substring(0, page.indexOf("\n---\n"));
        String body = String.join("\n\n", paragraphs(page));
        return new Article(Schema.VERSION, id, "https://demo.example/" + id, null, null, headerValue(header, "title"),
                body, null, NOW, null, null, null, headerValue(header, "description"), headerValue(header, "lang"), null,
                body.split("\\s+").length, null, NOW);
    }

    private static List<String> sentences(List<String> resources) {
        List<String> out = new ArrayList<>();
        for (String resource : resources) {
            String page = resource(resource);
            String header = page.substring(0, page.indexOf("\n---\n"));
            out.add(headerValue(header, "title"));
            out.add(headerValue(header, "description"));
            out.addAll(paragraphs(page));
        }
        return out;
    }

    private static List<String> paragraphs(String page) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAGRAPH.matcher(page.substring(page.indexOf("\n---\n")));
        while (m.find()) {
            out.add(TAG.matcher(m.group(2)).replaceAll(""));
        }
        return out;
    }

    private static String headerValue(String header, String key) {
        return header.lines().filter(l -> l.startsWith(key + ":")).map(l -> l.substring(key.length() + 1).strip())
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + key + " in the demo header"));
    }

    private static String resource(String name) {
        try (InputStream in = TextAnalysisIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
