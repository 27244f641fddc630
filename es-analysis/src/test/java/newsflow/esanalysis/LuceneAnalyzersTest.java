package newsflow.esanalysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin's filters, chained as newsflow's index settings chain them (see {@code TextAnalysis} in the index
 * module), make the tokens of Lucene's analyzer for the language (the one Elasticsearch's built-in analyzer of that
 * name is), then folded to ASCII. Checked on the demo corpus for English, French and German, and on a sentence
 * per other language.
 */
class LuceneAnalyzersTest {

    /** The server's own {@code lowercase} filter, which the chains use (the node has it without any module). */
    private static final TokenFilterFactory LOWERCASE = LowerCaseFilter::new;

    @Test
    void englishChainMakesTheTokensOfEnglishAnalyzerOnTheDemoCorpus() {
        Analyzer plugin = english();

        assertSameTokensOnTheDemoCorpus("en", plugin, new EnglishAnalyzer(), 100);
    }

    @Test
    void englishChainMeetsTheInflectionsTheIssueNames() {
        Analyzer plugin = english();

        assertThat(Tokens.of(plugin, "elections")).isEqualTo(Tokens.of(plugin, "election"));
        assertThat(Tokens.of(plugin, "running")).isEqualTo(Tokens.of(plugin, "runs"));
        assertThat(Tokens.of(plugin, "café")).isEqualTo(Tokens.of(plugin, "cafe"));
        assertThat(Tokens.of(plugin, "the council's")).containsExactly("council@1");
    }

    @Test
    void frenchChainMakesTheTokensOfFrenchAnalyzerOnTheDemoCorpus() {
        Analyzer plugin = Tokens.chain(new ElisionFilterFactory(() -> "french"), LOWERCASE, new StopFilterFactory(() -> "french"),
                new StemmerFilterFactory(() -> "light_french"), new AsciiFoldingFilterFactory());

        assertSameTokensOnTheDemoCorpus("fr", plugin, new FrenchAnalyzer(), 5);
    }

    @Test
    void germanChainMakesTheTokensOfGermanAnalyzerOnTheDemoCorpus() {
        Analyzer plugin = Tokens.chain(LOWERCASE, new StopFilterFactory(() -> "german"), new GermanNormalizationFilterFactory(),
                new StemmerFilterFactory(() -> "light_german"), new AsciiFoldingFilterFactory());

        assertSameTokensOnTheDemoCorpus("de", plugin, new GermanAnalyzer(), 5);
    }

    /** Every demo sentence in {@code language} (more than {@code atLeast}): the plugin's tokens are Lucene's, folded. */
    private static void assertSameTokensOnTheDemoCorpus(String language, Analyzer plugin, Analyzer lucene, int atLeast) {
        List<String> sentences = DemoSentences.inLanguage(language);

        assertThat(sentences).hasSizeGreaterThan(atLeast);
        try (lucene) {
            for (String sentence : sentences) {
                assertThat(Tokens.of(plugin, sentence)).as(sentence).isEqualTo(Tokens.folded(Tokens.of(lucene, sentence)));
            }
        }
    }

    @Test
    void theOtherLanguagesChainsMakeTheTokensOfTheirLuceneAnalyzers() {
        record Case(Analyzer lucene, Analyzer plugin, String sentence) {
        }
        List<Case> cases = List.of(
                new Case(new SpanishAnalyzer(), simple("spanish", "light_spanish"),
                        "Los ciudadanos votaron en las elecciones municipales de la región."),
                new Case(new ItalianAnalyzer(), Tokens.chain(new ElisionFilterFactory(() -> "italian"), LOWERCASE,
                        new StopFilterFactory(() -> "italian"), new StemmerFilterFactory(() -> "light_italian"),
                        new AsciiFoldingFilterFactory()),
                        "Dell'elezione si parlò nell'assemblea: gli elettori hanno votato."),
                new Case(new PortugueseAnalyzer(), simple("portuguese", "light_portuguese"),
                        "Os eleitores votaram nas eleições para a câmara municipal."),
                new Case(new SwedishAnalyzer(), simple("swedish", "swedish"), "Väljarna röstade i kommunvalen i söndags."),
                new Case(new DanishAnalyzer(), simple("danish", "danish"), "Vælgerne stemte ved kommunalvalgene i søndags."),
                new Case(new NorwegianAnalyzer(), simple("norwegian", "norwegian"), "Velgerne stemte ved kommunevalgene på søndag."),
                new Case(new FinnishAnalyzer(), simple("finnish", "finnish"), "Äänestäjät äänestivät kunnallisvaaleissa sunnuntaina."),
                new Case(new RussianAnalyzer(), simple("russian", "russian"), "Избиратели голосовали на муниципальных выборах."));
        for (Case c : cases) {
            assertThat(Tokens.of(c.plugin(), c.sentence())).as(c.sentence())
                    .isNotEmpty()
                    .isEqualTo(Tokens.folded(Tokens.of(c.lucene(), c.sentence())));
            c.lucene().close();
        }
    }

    /** The chain of {@code newsflow_text}: possessive, lower case, English stop words, Porter, folding. */
    private static Analyzer english() {
        return Tokens.chain(new EnglishPossessiveFilterFactory(), LOWERCASE, new StopFilterFactory(() -> "english"),
                new StemmerFilterFactory(() -> "english"), new AsciiFoldingFilterFactory());
    }

    /** lower case, stop words, stemmer, folding: the chain of every language without elision or normalisation. */
    private static Analyzer simple(String stopwords, String stemmer) {
        return Tokens.chain(LOWERCASE, new StopFilterFactory(() -> stopwords), new StemmerFilterFactory(() -> stemmer),
                new AsciiFoldingFilterFactory());
    }
}
