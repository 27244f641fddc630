package newsflow.search.alerts;

import newsflow.index.document.TextFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.DutchStemmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analyzers of the article index, rebuilt in-process. The mapping's {@code newsflow_text} (title, description,
 * body) is, depending on what the node offered when the index was made: Lucene's English analyzer followed by ASCII
 * folding (schema 2 on a full cluster or on a node with newsflow's analysis plugin: {@code english-folded}), the
 * {@code standard} analyzer (a node with neither), or, in indices of schema 1, Elasticsearch's {@code english}
 * analyzer. The per-language fields {@code i18n.<lang>.*} of schema 2 use that language's Lucene analyzer followed by
 * ASCII folding ({@code english-folded}) or {@code standard}; {@code authors.text} uses {@code standard}.
 * Elasticsearch builds each from the same Lucene classes (the index module's {@code TextAnalysis} and the plugin's
 * tests hold the chains to Lucene's analyzers); like Elasticsearch's text fields they leave a gap of
 * {@value #POSITION_GAP} positions between two values of one field, so a phrase never spans two authors.
 *
 * @param name      what {@code newsflow_text} stands for
 * @param text      the analyzer of {@code title}, {@code description}, {@code body}
 * @param standard  the {@code standard} analyzer
 * @param languages the analyzer of each language's fields, by {@code i18n} key; empty for an index without them
 */
record TextAnalysis(String name, Analyzer text, Analyzer standard, Map<String, Analyzer> languages) {

    /** Elasticsearch's {@code position_increment_gap} of text fields. */
    static final int POSITION_GAP = 100;
    /**
     * Words whose analysis tells the three apart: {@code standard} keeps "the" and every form, {@code english} stems
     * and drops "the", {@code english-folded} also folds "café" to "cafe".
     */
    static final String PROBE = "The running cats café";

    static TextAnalysis englishFoldedAnalysis() {
        Map<String, Analyzer> languages = new LinkedHashMap<>();
        for (String key : TextFields.LANGUAGES) {
            languages.put(key, wrapped(languageAnalyzer(key), true));
        }
        return new TextAnalysis("english-folded", wrapped(new EnglishAnalyzer(), true), wrapped(new StandardAnalyzer(), false),
                Map.copyOf(languages));
    }

    static TextAnalysis englishAnalysis() {
        return new TextAnalysis("english", wrapped(new EnglishAnalyzer(), false), wrapped(new StandardAnalyzer(), false), Map.of());
    }

    static TextAnalysis standardAnalysis() {
        Analyzer standard = wrapped(new StandardAnalyzer(), false);
        Map<String, Analyzer> languages = new LinkedHashMap<>();
        TextFields.LANGUAGES.forEach(key -> languages.put(key, standard));
        return new TextAnalysis("standard", standard, standard, Map.copyOf(languages));
    }

    /** The analysis whose tokens for {@link #PROBE} are {@code tokens} (the index's answer); empty when none's are. */
    static Optional<TextAnalysis> answering(List<String> tokens) {
        for (TextAnalysis a : List.of(englishFoldedAnalysis(), englishAnalysis(), standardAnalysis())) {
            if (a.terms(a.text(), "title", PROBE).equals(tokens)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The analyzer of a text field: {@code i18n.<lang>.…} its language's, any other the English fields'. */
    Analyzer forField(String field) {
        if (field.startsWith(TextFields.I18N + ".")) {
            String key = field.substring(TextFields.I18N.length() + 1, field.indexOf('.', TextFields.I18N.length() + 1));
            Analyzer language = languages.get(key);
            if (language == null) {
                throw new IllegalArgumentException("no analyzer for " + field);
            }
            return language;
        }
        return text;
    }

    /**
     * Lucene's analyzer of a language of {@link TextFields#LANGUAGES}: the one Elasticsearch's built-in analyzer of
     * that language is, except Dutch, whose Lucene analyzer adds a stem-override dictionary the index's chain lacks.
     */
    static Analyzer languageAnalyzer(String key) {
        return switch (key) {
            case "fr" -> new FrenchAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "nl" -> new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer source = new StandardTokenizer();
                    TokenStream stream = new StopFilter(new LowerCaseFilter(source), DutchAnalyzer.getDefaultStopSet());
                    return new TokenStreamComponents(source, new SnowballFilter(stream, new DutchStemmer()));
                }

                @Override
                protected TokenStream normalize(String fieldName, TokenStream in) {
                    return new LowerCaseFilter(in);
                }
            };
            case "sv" -> new SwedishAnalyzer();
            case "da" -> new DanishAnalyzer();
            case "no" -> new NorwegianAnalyzer();
            case "fi" -> new FinnishAnalyzer();
            case "ru" -> new RussianAnalyzer();
            default -> throw new IllegalArgumentException("no analyzer for language " + key);
        };
    }

    /** A token and its position (stop words leave gaps). */
    record Token(String term, int position) {
    }

    List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(new Token(term.toString(), position));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return out;
    }

    List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    /** {@code analyzer} with Elasticsearch's gap between values and, when {@code folded}, ASCII folding last. */
    private static Analyzer wrapped(Analyzer analyzer, boolean folded) {
        return new AnalyzerWrapper(analyzer.getReuseStrategy()) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return analyzer;
            }

            @Override
            protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
                return folded
                        ? new TokenStreamComponents(components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()))
                        : components;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return POSITION_GAP;
            }
        };
    }
}
