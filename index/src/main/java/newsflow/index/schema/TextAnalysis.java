package newsflow.index.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import newsflow.common.json.Json;
import newsflow.index.document.TextFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code analysis} settings of the article indices: the analyzer of the English (default) text fields,
 * {@code newsflow_text}, and one per language of {@link TextFields#LANGUAGES}, {@code newsflow_text_<language>}.
 *
 * <p>Each analyzer is a language's Lucene analyzer, the one Elasticsearch's built-in analyzer of that name is
 * (standard tokenizer, elision where the language has it, lower case, stop words, German normalisation for German,
 * the stemmer), followed by ASCII folding so that "café" and "cafe" meet. It is written with the filters the
 * node has ({@link Flavor}): a full cluster's built-in ones, or those of newsflow's analysis plugin on a node
 * without the analysis-common module (the embedded one). Both give the same filter chain, so the same tokens.
 */
final class TextAnalysis {

    /** Which filters the analyzers are made of. */
    enum Flavor {
        /** Elasticsearch's own filters (the analysis-common module, part of every full distribution). */
        BUILT_IN("built-in"),
        /** newsflow's analysis plugin (the es-analysis module), installed into the embedded node. */
        PLUGIN("plugin"),
        /** Neither: the {@code standard} analyzer everywhere, no stemming, no folding. */
        STANDARD("standard");

        final String label;

        Flavor(String label) {
            this.label = label;
        }
    }

    static final String ENGLISH_ANALYZER = "newsflow_text";

    /**
     * One language's chain. {@code stopwords} names the language as the {@code stop} filters do, {@code stemmer}
     * as the {@code stemmer} filters do; {@code articles} is the elision list (empty: no elision).
     */
    record Language(String key, String stopwords, String stemmer, List<String> articles, boolean germanNormalization) {
    }

    /** Lucene's {@code FrenchAnalyzer.DEFAULT_ARTICLES} (the default of the built-in {@code elision} filter). */
    static final List<String> FRENCH_ARTICLES = List.of("l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu",
            "lorsqu", "puisqu");
    /** Lucene's {@code ItalianAnalyzer} elision list. */
    static final List<String> ITALIAN_ARTICLES = List.of("c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell",
            "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d");

    static final Language ENGLISH = new Language("en", "english", "english", List.of(), false);

    /** Every language of {@link TextFields#LANGUAGES}, by key (a test holds the two lists together). */
    static final Map<String, Language> LANGUAGES = Map.ofEntries(
            language(new Language("fr", "french", "light_french", FRENCH_ARTICLES, false)),
            language(new Language("de", "german", "light_german", List.of(), true)),
            language(new Language("es", "spanish", "light_spanish", List.of(), false)),
            language(new Language("it", "italian", "light_italian", ITALIAN_ARTICLES, false)),
            language(new Language("pt", "portuguese", "light_portuguese", List.of(), false)),
            language(new Language("nl", "dutch", "dutch", List.of(), false)),
            language(new Language("sv", "swedish", "swedish", List.of(), false)),
            language(new Language("da", "danish", "danish", List.of(), false)),
            language(new Language("no", "norwegian", "norwegian", List.of(), false)),
            language(new Language("fi", "finnish", "finnish", List.of(), false)),
            language(new Language("ru", "russian", "russian", List.of(), false)));

    private TextAnalysis() {
    }

    private static Map.Entry<String, Language> language(Language language) {
        return Map.entry(language.key(), language);
    }

    /** The analyzer of the {@code i18n.<key>} fields. */
    static String analyzerFor(String languageKey) {
        return ENGLISH_ANALYZER + "_" + languageKey;
    }

    /** The {@code index.analysis} settings for {@code flavor}. */
    static ObjectNode settings(Flavor flavor) {
        ObjectNode analysis = Json.mapper().createObjectNode();
        ObjectNode filters = analysis.putObject("filter");
        ObjectNode analyzers = analysis.putObject("analyzer");
        if (flavor == Flavor.STANDARD) {
            analyzers.putObject(ENGLISH_ANALYZER).put("type", "standard");
            TextFields.LANGUAGES.forEach(key -> analyzers.putObject(analyzerFor(key)).put("type", "standard"));
            analysis.remove("filter");
            return analysis;
        }
        custom(analyzers.putObject(ENGLISH_ANALYZER), chain(ENGLISH, flavor, filters));
        for (String key : TextFields.LANGUAGES) {
            custom(analyzers.putObject(analyzerFor(key)), chain(LANGUAGES.get(key), flavor, filters));
        }
        return analysis;
    }

    /**
     * The filter names of one language's analyzer, in Lucene's order; the filters that take a parameter are
     * defined in {@code filters} under {@code newsflow_<key>_<role>}.
     */
    static List<String> chain(Language language, Flavor flavor, ObjectNode filters) {
        boolean builtIn = flavor == Flavor.BUILT_IN;
        String prefix = "newsflow_" + language.key() + "_";
        List<String> chain = new ArrayList<>();
        if (language.key().equals(ENGLISH.key())) {
            if (builtIn) {
                filters.putObject(prefix + "possessive").put("type", "stemmer").put("language", "possessive_english");
                chain.add(prefix + "possessive");
            } else {
                chain.add("newsflow_possessive_english");
            }
        }
        if (!language.articles().isEmpty()) {
            ObjectNode elision = filters.putObject(prefix + "elision");
            if (builtIn) {
                elision.put("type", "elision").put("articles_case", true);
                ArrayNode articles = elision.putArray("articles");
                language.articles().forEach(articles::add);
            } else {
                elision.put("type", "newsflow_elision").put("language", language.stopwords());
            }
            chain.add(prefix + "elision");
        }
        // the server's own lowercase filter: present even without analysis-common
        chain.add("lowercase");
        ObjectNode stop = filters.putObject(prefix + "stop");
        if (builtIn) {
            stop.put("type", "stop").put("stopwords", "_" + language.stopwords() + "_");
        } else {
            stop.put("type", "newsflow_stop").put("language", language.stopwords());
        }
        chain.add(prefix + "stop");
        if (language.germanNormalization()) {
            chain.add(builtIn ? "german_normalization" : "newsflow_german_normalization");
        }
        filters.putObject(prefix + "stemmer").put("type", builtIn ? "stemmer" : "newsflow_stemmer").put("language", language.stemmer());
        chain.add(prefix + "stemmer");
        chain.add(builtIn ? "asciifolding" : "newsflow_asciifolding");
        return chain;
    }

    private static void custom(ObjectNode analyzer, List<String> chain) {
        analyzer.put("type", "custom").put("tokenizer", "standard");
        ArrayNode filter = analyzer.putArray("filter");
        chain.forEach(filter::add);
    }

    /**
     * An {@code _analyze} request body that succeeds only on a node having every filter {@code flavor} uses
     * (HTTP 400 "failed to find … filter" otherwise): how {@link ArticleIndex} tells which flavor a node takes.
     */
    static ObjectNode probe(Flavor flavor) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("tokenizer", "standard").put("text", "L'été des élections");
        ObjectNode scratch = Json.mapper().createObjectNode();
        ArrayNode filter = body.putArray("filter");
        // French (elision) and German (normalisation) together use every kind of filter there is
        for (Language language : List.of(ENGLISH, LANGUAGES.get("fr"), LANGUAGES.get("de"))) {
            for (String name : chain(language, flavor, scratch)) {
                filter.add(scratch.has(name) ? scratch.get(name) : Json.mapper().getNodeFactory().textNode(name));
            }
        }
        return body;
    }
}
